import { isTimeZone, validateAnswers } from './answers';
import type { Question, TaxonomyTermIds } from './question';
import { generateQuestions } from './template-generator';

const taxonomy: TaxonomyTermIds = {
  skills: new Set(['python', 'data-analysis', 'public-speaking', 'negotiation']),
  industries: new Set(['financial-services', 'consulting', 'energy']),
  interests: new Set(['climate', 'fintech', 'chess']),
  languages: new Set(['en', 'fr', 'de']),
};

/** The generated mentee survey for every objective, plus the types the generator does not use. */
const questions: Question[] = [
  ...generateQuestions(['job_search', 'networking', 'skills'], 'mentee'),
  { id: 'campus', type: 'single_choice', prompt: 'Campus?', required: false, source: { options: [{ id: 'paris', label: 'Paris' }, { id: 'lyon', label: 'Lyon' }] } },
  { id: 'main_skill', type: 'single_choice', prompt: 'Main skill?', required: false, source: { taxonomy: 'skills' } },
  { id: 'grade', type: 'number', prompt: 'Grade?', required: false, min: 0, max: 20, integer: false },
];

const valid = {
  languages: ['fr', 'en'],
  availability: { timeZone: 'Europe/Paris', slots: ['tue-18', 'thu-19', 'sat-10'] },
  industries: ['financial-services'],
  experience_years: 0,
  employer: 'Société Générale SA',
  target_roles: ['data_analytics', 'finance'],
  target_industries: ['consulting', 'financial-services'],
  network_size: 2,
  contact_kinds: ['recruiters'],
  skills_wanted: [
    { id: 'data-analysis', level: 4 },
    { id: 'public-speaking', level: 3 },
  ],
  skills_offered: [{ id: 'python', level: 3 }],
  interests: ['climate'],
  about: 'I love trains.',
  campus: 'lyon',
  main_skill: 'negotiation',
  grade: 15.5,
};

const issuesAt = (answers: unknown, path: string) => validateAnswers(questions, answers, taxonomy).filter((p) => p.path === path).map((p) => p.issue);
const withAnswer = (id: string, value: unknown) => ({ ...valid, [id]: value });

describe('answer validation', () => {
  it('accepts a complete, valid set of answers', () => {
    expect(validateAnswers(questions, valid, taxonomy)).toEqual([]);
  });

  it('accepts optional questions absent, null or (short text) empty', () => {
    const { employer: _e, interests: _i, skills_offered: _s, campus: _c, ...required } = valid;
    expect(validateAnswers(questions, { ...required, about: '', main_skill: null, grade: null }, taxonomy)).toEqual([]);
  });

  it('wants an object keyed by question id', () => {
    for (const answers of [null, [], 'x', 3, undefined]) {
      expect(validateAnswers(questions, answers, taxonomy)).toEqual([{ path: 'answers', issue: 'must be an object keyed by question id' }]);
    }
  });

  it('refuses an answer to a question the version does not have', () => {
    expect(issuesAt(withAnswer('mood', 'great'), 'answers.mood')).toEqual(['is not a question of this template version']);
  });

  it('wants the required questions answered (absent, null, or blank text)', () => {
    expect(issuesAt(withAnswer('languages', null), 'answers.languages')).toEqual(['is required']);
    const { skills_wanted: _, ...withoutSkills } = valid;
    expect(issuesAt(withoutSkills, 'answers.skills_wanted')).toEqual(['is required']);
    const requiredText: Question[] = [{ id: 'why', type: 'short_text', prompt: 'Why?', required: true, maxLength: 10 }];
    expect(validateAnswers(requiredText, { why: '   ' }, taxonomy)).toEqual([{ path: 'answers.why', issue: 'is required' }]);
  });

  it('checks single choices against the fixed options or the taxonomy', () => {
    expect(issuesAt(withAnswer('campus', 'nice'), 'answers.campus')).toEqual(['must be one of the options: paris, lyon']);
    expect(issuesAt(withAnswer('campus', 1), 'answers.campus')).toEqual(['must be an option id (a string)']);
    expect(issuesAt(withAnswer('main_skill', 'juggling'), 'answers.main_skill')).toEqual(["is not a term of the network's skills taxonomy"]);
  });

  it('checks multiple choices: a list, no repeats, within the bounds, known ids', () => {
    expect(issuesAt(withAnswer('languages', 'fr'), 'answers.languages')).toEqual(['must be a list of option ids']);
    expect(issuesAt(withAnswer('languages', []), 'answers.languages')).toEqual(['must select between 1 and 10 (got 0)']);
    expect(issuesAt(withAnswer('target_roles', ['finance', 'sales', 'design', 'legal']), 'answers.target_roles')).toEqual(['must select between 1 and 3 (got 4)']);
    expect(issuesAt(withAnswer('interests', Array(11).fill('chess')), 'answers.interests')).toContain('must select at most 10 (got 11)');
    const bad = withAnswer('languages', ['fr', 'xx', 'fr', 3]);
    expect(issuesAt(bad, 'answers.languages[1]')).toEqual(["is not a term of the network's languages taxonomy"]);
    expect(issuesAt(bad, 'answers.languages[2]')).toEqual(['repeats the choice at answers.languages[0]']);
    expect(issuesAt(bad, 'answers.languages[3]')).toEqual(['must be an option id (a string)']);
    expect(issuesAt(withAnswer('contact_kinds', ['mentors']), 'answers.contact_kinds[0]')).toEqual([
      'must be one of the options: alumni_same_field, industry_professionals, recruiters, entrepreneurs, researchers, public_sector',
    ]);
  });

  it('checks levelled choices: objects {id, level 1–5} and nothing else', () => {
    const answers = withAnswer('skills_wanted', [{ id: 'python', level: 6 }, 'negotiation', { id: 'juggling', level: 2, note: 'x' }, { id: 'python', level: 2.5 }]);
    expect(validateAnswers(questions, answers, taxonomy)).toEqual([
      { path: 'answers.skills_wanted[0].level', issue: 'must be a whole number from 1 to 5' },
      { path: 'answers.skills_wanted[1]', issue: 'must be an object {"id", "level"}' },
      { path: 'answers.skills_wanted[2].note', issue: 'is not a known property' },
      { path: 'answers.skills_wanted[2].id', issue: "is not a term of the network's skills taxonomy" },
      { path: 'answers.skills_wanted[3].level', issue: 'must be a whole number from 1 to 5' },
      { path: 'answers.skills_wanted[3].id', issue: 'repeats the choice at answers.skills_wanted[0]' },
    ]);
    expect(issuesAt(withAnswer('skills_wanted', ['python']), 'answers.skills_wanted[0]')).toEqual(['must be an object {"id", "level"}']);
  });

  it('checks scales and numbers', () => {
    for (const value of [0, 6, 2.5, '3']) {
      expect(issuesAt(withAnswer('network_size', value), 'answers.network_size')).toEqual(['must be a whole number from 1 (Hardly anyone yet) to 5 (A wide network in my field)']);
    }
    for (const value of [-1, 61, 1.5, '5', NaN]) {
      expect(issuesAt(withAnswer('experience_years', value), 'answers.experience_years')).toEqual(['must be a whole number from 0 to 60 years']);
    }
    expect(issuesAt(withAnswer('grade', 20.5), 'answers.grade')).toEqual(['must be a number from 0 to 20']);
    expect(issuesAt(withAnswer('grade', 19.75), 'answers.grade')).toEqual([]);
  });

  it('checks short texts: a text within the length, counted in characters', () => {
    expect(issuesAt(withAnswer('employer', 42), 'answers.employer')).toEqual(['must be a text']);
    expect(issuesAt(withAnswer('employer', 'é'.repeat(201)), 'answers.employer')).toEqual(['must be at most 200 characters (got 201)']);
    expect(issuesAt(withAnswer('employer', '😀'.repeat(200)), 'answers.employer')).toEqual([]);
  });

  it('checks availability: a known time zone, enough well-formed distinct slots, nothing else', () => {
    expect(issuesAt(withAnswer('availability', ['tue-18']), 'answers.availability')).toEqual(['must be an object {"timeZone", "slots"}']);
    const answers = withAnswer('availability', { timeZone: 'Mars/Olympus', slots: ['tue-18', 'tue-24', 'Tue-18', 'tue-18', 'tue-8'], note: 1 });
    expect(validateAnswers(questions, answers, taxonomy)).toEqual([
      { path: 'answers.availability.note', issue: 'is not a known property' },
      { path: 'answers.availability.timeZone', issue: 'must be an IANA time zone, e.g. Europe/Paris' },
      { path: 'answers.availability.slots[1]', issue: 'must be a weekly slot <day>-<hour>: mon…sun, 00…23, e.g. "tue-18"' },
      { path: 'answers.availability.slots[2]', issue: 'must be a weekly slot <day>-<hour>: mon…sun, 00…23, e.g. "tue-18"' },
      { path: 'answers.availability.slots[3]', issue: 'repeats answers.availability.slots[0]' },
      { path: 'answers.availability.slots[4]', issue: 'must be a weekly slot <day>-<hour>: mon…sun, 00…23, e.g. "tue-18"' },
    ]);
    expect(issuesAt(withAnswer('availability', { timeZone: 'UTC', slots: ['mon-09'] }), 'answers.availability.slots')).toEqual(['must list between 2 slots and 168 (got 1)']);
    expect(issuesAt(withAnswer('availability', { timeZone: 'UTC', slots: 'mon-09' }), 'answers.availability.slots')).toEqual([
      'must be a list of weekly slots such as "tue-18" (Tuesday 18:00–19:00)',
    ]);
    expect(issuesAt(withAnswer('availability', { slots: ['mon-09', 'mon-10'] }), 'answers.availability.timeZone')).toEqual(['must be an IANA time zone, e.g. Europe/Paris']);
  });

  it('tells IANA time zones from other strings', () => {
    expect(['Europe/Paris', 'Asia/Kolkata', 'America/New_York', 'UTC', 'europe/paris'].map(isTimeZone)).toEqual([true, true, true, true, true]);
    expect(['', 'Mars/Olympus', 'GMT+25', 'Paris'].map(isTimeZone)).toEqual([false, false, false, false]);
  });

  it('reports every problem at once, each with its question id', () => {
    const answers = {
      ...valid,
      languages: [],
      availability: { timeZone: 'Europe/Paris', slots: ['mon-25', 'tue-18'] },
      experience_years: -2,
      target_roles: undefined,
      network_size: 9,
      campus: 'nice',
      mood: 'fine',
    };
    expect(validateAnswers(questions, answers, taxonomy).map((p) => p.path)).toEqual([
      'answers.mood',
      'answers.languages',
      'answers.availability.slots[0]',
      'answers.experience_years',
      'answers.target_roles',
      'answers.network_size',
      'answers.campus',
    ]);
  });
});
