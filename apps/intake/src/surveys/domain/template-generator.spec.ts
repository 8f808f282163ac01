import { PROGRAM_OBJECTIVES, PROGRAM_ROLES, type ProgramObjective } from '../../programs/domain/program';
import { type MultipleChoiceQuestion, type Question, REQUIRED_FEATURES } from './question';
import { validateTemplate } from './template';
import { CONTACT_KINDS, generateQuestions, ROLE_FAMILIES } from './template-generator';

const ids = (questions: Question[]) => questions.map((q) => q.id);
const byId = (questions: Question[], id: string) => {
  const question = questions.find((q) => q.id === id);
  if (!question) throw new Error(`no question ${id}`);
  return question;
};
const choice = (questions: Question[], id: string) => byId(questions, id) as MultipleChoiceQuestion;

/** Every non-empty subset of the objectives. */
const objectiveSets: ProgramObjective[][] = [1, 2, 3, 4, 5, 6, 7].map((mask) => PROGRAM_OBJECTIVES.filter((_, bit) => mask & (1 << bit)));

describe('generated survey templates', () => {
  it.each(PROGRAM_ROLES.flatMap((role) => objectiveSets.map((objectives) => [role, objectives] as const)))(
    'passes validateTemplate for %s with objectives %j',
    (role, objectives) => {
      expect(validateTemplate(generateQuestions(objectives, role), role)).toEqual([]);
    },
  );

  it('asks the common questions in a fixed order, hard constraints first, for either role', () => {
    for (const role of PROGRAM_ROLES) {
      expect(ids(generateQuestions([], role))).toEqual(['languages', 'availability', 'industries', 'experience_years', 'employer', 'interests', 'about']);
    }
  });

  it('binds the common questions to their features, with the required ones required', () => {
    const questions = generateQuestions(['networking'], 'mentee');
    expect(byId(questions, 'languages')).toMatchObject({ type: 'multiple_choice', source: { taxonomy: 'languages' }, minSelected: 1, maxSelected: 10, required: true, feature: 'languages' });
    expect(byId(questions, 'availability')).toMatchObject({ type: 'availability', minSlots: 2, required: true, feature: 'availability' });
    expect(byId(questions, 'industries')).toMatchObject({ source: { taxonomy: 'industries' }, minSelected: 1, maxSelected: 3, required: true, feature: 'industries' });
    expect(byId(questions, 'interests')).toMatchObject({ source: { taxonomy: 'interests' }, minSelected: 0, maxSelected: 10, required: false, feature: 'interests' });
    expect(byId(questions, 'experience_years')).toMatchObject({ type: 'number', min: 0, max: 60, integer: true, required: true, feature: 'experience_years' });
    expect(byId(questions, 'employer')).toMatchObject({ type: 'short_text', maxLength: 200, required: false, feature: 'employer' });
    expect(byId(questions, 'about')).toMatchObject({ type: 'short_text', maxLength: 1000, required: false });
    expect(byId(questions, 'about').feature).toBeUndefined();
    for (const feature of REQUIRED_FEATURES) expect(questions.find((q) => q.feature === feature)?.required).toBe(true);
  });

  it('words the background questions for the role', () => {
    const mentor = generateQuestions([], 'mentor');
    const mentee = generateQuestions([], 'mentee');
    expect(byId(mentor, 'industries').prompt).toBe('Which industry do you work in?');
    expect(byId(mentee, 'industries').prompt).toMatch(/studies or your first job/);
    expect(byId(mentee, 'experience_years').help).toMatch(/enter 0 if you are still a student/);
    expect(byId(mentor, 'employer').prompt).toBe('Who is your current employer?');
    expect(byId(mentee, 'employer').prompt).toMatch(/current or most recent employer/);
    expect(byId(mentor, 'about').prompt).toMatch(/mentee/);
    expect(byId(mentee, 'about').prompt).toMatch(/mentor/);
  });

  it('job_search: roles aimed at (mentee, 1–3, with target industries required) or advised on (mentor, 1–5, industries optional)', () => {
    const mentee = generateQuestions(['job_search'], 'mentee');
    const mentor = generateQuestions(['job_search'], 'mentor');
    expect(ids(mentee)).toEqual(['languages', 'availability', 'industries', 'experience_years', 'employer', 'target_roles', 'target_industries', 'interests', 'about']);
    expect(choice(mentee, 'target_roles')).toMatchObject({ minSelected: 1, maxSelected: 3, required: true, feature: 'target_roles', source: { options: ROLE_FAMILIES } });
    expect(choice(mentor, 'target_roles')).toMatchObject({ minSelected: 1, maxSelected: 5, required: true, feature: 'target_roles' });
    expect(byId(mentee, 'target_roles').prompt).toBe('Which kinds of role are you aiming for?');
    expect(byId(mentor, 'target_roles').prompt).toBe('Which kinds of role can you advise on?');
    expect(choice(mentee, 'target_industries')).toMatchObject({ source: { taxonomy: 'industries' }, minSelected: 1, maxSelected: 3, required: true, feature: 'target_industries' });
    expect(choice(mentor, 'target_industries')).toMatchObject({ minSelected: 0, required: false, feature: 'target_industries' });
    const roleIds = ROLE_FAMILIES.map((o) => o.id);
    expect(roleIds).toEqual(expect.arrayContaining(['data_analytics', 'software_engineering', 'finance', 'consulting', 'marketing', 'sales', 'operations', 'human_resources', 'research', 'public_sector', 'entrepreneurship']));
  });

  it('networking: a labelled network-size scale and the kinds of contact wanted or introduced', () => {
    const mentee = generateQuestions(['networking'], 'mentee');
    const mentor = generateQuestions(['networking'], 'mentor');
    expect(byId(mentee, 'network_size')).toMatchObject({ type: 'scale', required: true, feature: 'network_size', minLabel: 'Hardly anyone yet' });
    expect(choice(mentee, 'contact_kinds')).toMatchObject({ minSelected: 1, required: true, feature: 'contact_kinds' });
    expect(CONTACT_KINDS.map((o) => o.id)).toEqual(['alumni_same_field', 'industry_professionals', 'recruiters', 'entrepreneurs', 'researchers', 'public_sector']);
    expect(byId(mentee, 'contact_kinds').prompt).toBe('Which kinds of contact would you like to meet?');
    expect(byId(mentor, 'contact_kinds').prompt).toBe('Which kinds of contact could you introduce a mentee to?');
  });

  it('skills: mentors offer (1–10, required) and are not asked what they want; mentees want (1–5, required) and may offer', () => {
    const mentor = generateQuestions(['skills'], 'mentor');
    const mentee = generateQuestions(['skills'], 'mentee');
    expect(choice(mentor, 'skills_offered')).toMatchObject({ source: { taxonomy: 'skills' }, withLevels: true, minSelected: 1, maxSelected: 10, required: true });
    expect(ids(mentor)).not.toContain('skills_wanted');
    expect(choice(mentee, 'skills_wanted')).toMatchObject({ source: { taxonomy: 'skills' }, withLevels: true, minSelected: 1, maxSelected: 5, required: true });
    expect(choice(mentee, 'skills_offered')).toMatchObject({ withLevels: true, minSelected: 0, required: false });
  });

  it('is deterministic: objective blocks follow the fixed objective order whatever the input order or repetitions', () => {
    const expected = ['target_roles', 'target_industries', 'network_size', 'contact_kinds', 'skills_wanted', 'skills_offered'];
    const middle = (questions: Question[]) => ids(questions).slice(5, -2);
    expect(middle(generateQuestions(['job_search', 'networking', 'skills'], 'mentee'))).toEqual(expected);
    expect(middle(generateQuestions(['skills', 'networking', 'job_search', 'skills'], 'mentee'))).toEqual(expected);
    expect(generateQuestions(['skills', 'job_search'], 'mentor')).toEqual(generateQuestions(['job_search', 'skills'], 'mentor'));
  });
});
