import { MAX_QUESTIONS, type Question } from './question';
import { FEATURE_SHAPES, parseTemplate, validateTemplate } from './template';
import { generateQuestions } from './template-generator';

const languages = {
  id: 'languages',
  type: 'multiple_choice',
  prompt: 'Languages?',
  required: true,
  feature: 'languages',
  source: { taxonomy: 'languages' },
  minSelected: 1,
  maxSelected: 5,
  withLevels: false,
};
const availability = { id: 'availability', type: 'availability', prompt: 'When?', required: true, feature: 'availability', minSlots: 1 };
/** The smallest valid template: the required features only. */
const minimal = [languages, availability];

const issuesAt = (questions: unknown, path: string) => validateTemplate(questions, 'mentee').filter((p) => p.path === path).map((p) => p.issue);

describe('survey template validation', () => {
  it('accepts the minimal template and hands it back typed', () => {
    expect(validateTemplate(minimal, 'mentor')).toEqual([]);
    const parsed = parseTemplate(minimal, 'mentor');
    expect(parsed).toEqual({ ok: true, questions: minimal });
  });

  it('accepts every question type with its parameters', () => {
    const questions = [
      ...minimal,
      { id: 'campus', type: 'single_choice', prompt: 'Campus?', help: '', required: false, source: { options: [{ id: 'paris', label: 'Paris' }, { id: 'lyon-2', label: 'Lyon' }] } },
      { id: 'field', type: 'single_choice', prompt: 'Main skill?', required: false, source: { taxonomy: 'skills' } },
      { id: 'confidence', type: 'scale', prompt: 'Confidence?', required: true, minLabel: 'Low', maxLabel: 'High' },
      { id: 'gpa', type: 'number', prompt: 'Grade?', required: false, min: 0, max: 20, integer: false, unit: 'points' },
      { id: 'motto', type: 'short_text', prompt: 'Motto?', required: false, maxLength: 1000 },
    ];
    expect(validateTemplate(questions, 'mentee')).toEqual([]);
  });

  it('refuses what is not a list, never throwing on any JSON', () => {
    expect(validateTemplate({ questions: [] }, 'mentee')).toEqual([{ path: 'questions', issue: 'must be a list of questions' }]);
    for (const junk of [null, undefined, 42, 'x', true, [null], [[]], [42], [{ type: {} }], [{ source: null, type: 'single_choice' }], [{ type: 'multiple_choice', source: { options: [null, 7, []] } }], [{ type: 'number', min: 'a', max: null }]]) {
      expect(() => validateTemplate(junk, 'mentee')).not.toThrow();
      expect(validateTemplate(junk, 'mentee').length).toBeGreaterThan(0);
    }
    expect(parseTemplate(null, 'mentee')).toEqual({ ok: false, problems: [{ path: 'questions', issue: 'must be a list of questions' }] });
  });

  it('reports every problem of a bad template at once, with its path', () => {
    const questions = [
      { ...languages, required: false, colour: 'blue' },
      { id: 'Languages 2', type: 'multiple_choice', prompt: ' ', help: 7, required: 'yes', source: { taxonomy: 'hobbies' }, minSelected: 4, maxSelected: 2, withLevels: false },
      'not a question',
      { id: 'pick', type: 'multiple_choice', prompt: 'Pick', required: false, source: { options: [{ id: 'a', label: 'A' }, { id: 'a', label: '' }, { id: 'B C', label: 'B', extra: 1 }] }, minSelected: 0, maxSelected: 51, withLevels: 'no' },
      { id: 'pick', type: 'essay', prompt: 'Essay', required: false },
      { id: 'years', type: 'number', prompt: 'Years', required: true, min: 10, max: 10, integer: true, feature: 'experience_years' },
      { id: 'note', type: 'short_text', prompt: 'Note', required: false, maxLength: 1001, feature: 'motto' },
      { id: 'slots', type: 'availability', prompt: 'Slots', required: false, minSlots: 0 },
      { id: 'level', type: 'scale', prompt: 'Level', required: false, minLabel: '', maxLabel: 'x'.repeat(101) },
    ];
    expect(validateTemplate(questions, 'mentee')).toEqual([
      { path: 'questions[0].colour', issue: 'is not a known property' },
      { path: 'questions[1].id', issue: 'must be an identifier of at most 64 characters: a lower-case letter, then lower-case letters, digits or _' },
      { path: 'questions[1].prompt', issue: 'must be a text of 1 to 500 characters' },
      { path: 'questions[1].help', issue: 'must be a text of at most 1000 characters' },
      { path: 'questions[1].required', issue: 'must be true or false' },
      { path: 'questions[1].source.taxonomy', issue: 'must be one of skills, industries, interests, languages' },
      { path: 'questions[1].minSelected', issue: 'must not be greater than maxSelected' },
      { path: 'questions[2]', issue: 'must be an object' },
      { path: 'questions[3].source.options[1].id', issue: 'repeats the id of questions[3].source.options[0]' },
      { path: 'questions[3].source.options[1].label', issue: 'must be a text of 1 to 200 characters' },
      { path: 'questions[3].source.options[2].extra', issue: 'is not a known property' },
      { path: 'questions[3].source.options[2].id', issue: 'must be a tag of at most 64 characters: lower-case letters and digits, words joined by - or _' },
      { path: 'questions[3].maxSelected', issue: 'must be a whole number from 1 to 50' },
      { path: 'questions[3].withLevels', issue: 'must be true or false' },
      { path: 'questions[4].id', issue: 'repeats the id of questions[3]' },
      { path: 'questions[4].type', issue: 'must be one of single_choice, multiple_choice, scale, number, short_text, availability' },
      { path: 'questions[5].max', issue: 'must be greater than min' },
      { path: 'questions[6].feature', issue: expect.stringMatching(/^must be one of skills_offered, .*contact_kinds \(or absent\)$/) },
      { path: 'questions[6].maxLength', issue: 'must be a whole number from 1 to 1000' },
      { path: 'questions[7].minSlots', issue: 'must be a whole number from 1 to 168' },
      { path: 'questions[8].minLabel', issue: 'must be a text of 1 to 100 characters' },
      { path: 'questions[8].maxLabel', issue: 'must be a text of 1 to 100 characters' },
      { path: 'questions[0].required', issue: 'must be true: matching cannot do without the languages feature' },
      { path: 'questions', issue: 'must include a question bound to the availability feature: matching cannot do without it' },
    ]);
  });

  it('limits the number of questions', () => {
    const many = [...minimal, ...Array.from({ length: MAX_QUESTIONS - 1 }, (_, i) => ({ id: `q${i}`, type: 'short_text', prompt: 'Q', required: false, maxLength: 10 }))];
    expect(issuesAt(many, 'questions')).toEqual([`must have at most ${MAX_QUESTIONS} questions`]);
    expect(validateTemplate(many.slice(1), 'mentee').filter((p) => p.path === 'questions' && p.issue.startsWith('must have'))).toEqual([]);
  });

  it('wants a choice source with either options or a taxonomy', () => {
    const single = (source: unknown) => [...minimal, { id: 'x', type: 'single_choice', prompt: 'X', required: false, source }];
    expect(issuesAt(single({ options: [{ id: 'a', label: 'A' }], taxonomy: 'skills' }), 'questions[2].source')).toEqual(['must have either options or taxonomy, not both']);
    expect(issuesAt(single({}), 'questions[2].source')).toEqual([expect.stringMatching(/^must be \{"options"/)]);
    expect(issuesAt(single({ options: [] }), 'questions[2].source.options')).toEqual(['must be a list of 1 to 100 options']);
    expect(issuesAt(single({ options: [{ id: 'a'.repeat(65), label: 'A' }] }), 'questions[2].source.options[0].id')).toHaveLength(1);
    expect(issuesAt(single({ taxonomy: 'skills', sort: 'asc' }), 'questions[2].source.sort')).toEqual(['is not a known property']);
  });

  it('checks type parameters: selection bounds against the options, number bounds', () => {
    const multi = { id: 'm', type: 'multiple_choice', prompt: 'M', required: false, source: { options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] }, minSelected: 3, maxSelected: 3, withLevels: false };
    expect(issuesAt([...minimal, multi], 'questions[2].minSelected')).toEqual(['must not be greater than the number of options (2)']);
    const number = { id: 'n', type: 'number', prompt: 'N', required: false, min: 0.5, max: Infinity, integer: true };
    expect(issuesAt([...minimal, number], 'questions[2].min')).toEqual(['must be a whole number when integer is true']);
    expect(issuesAt([...minimal, number], 'questions[2].max')).toEqual(['must be a finite number']);
    expect(issuesAt([...minimal, { ...number, min: 1, max: 5, unit: '' }], 'questions[2].unit')).toEqual(['must be a text of 1 to 20 characters']);
    expect(issuesAt([...minimal, { ...number, min: 1, max: 5, integer: true, minSlots: 2 }], 'questions[2].minSlots')).toEqual(['is not a known property']);
  });

  it('binds a feature to one question only', () => {
    const twice = [...minimal, { ...languages, id: 'spoken' }];
    expect(issuesAt(twice, 'questions[2].feature')).toEqual(['is already bound to questions[0]: one question per feature']);
  });

  it('requires the shape each feature needs', () => {
    const generated = generateQuestions(['job_search', 'networking', 'skills'], 'mentee') as Question[];
    const replace = (id: string, patch: object) => generated.map((q) => (q.id === id ? { ...q, ...patch } : q));
    expect(issuesAt(replace('languages', { type: 'single_choice', minSelected: undefined }), 'questions[0].type')).toEqual(['must be multiple_choice for the languages feature']);
    expect(issuesAt(replace('languages', { maxSelected: 11, minSelected: 0 }), 'questions[0].maxSelected')).toEqual(['must be at most 10 for the languages feature']);
    expect(issuesAt(replace('languages', { maxSelected: 11, minSelected: 0 }), 'questions[0].minSelected')).toEqual(['must be at least 1 for the languages feature']);
    const index = (id: string) => generated.findIndex((q) => q.id === id);
    expect(issuesAt(replace('skills_wanted', { withLevels: false }), `questions[${index('skills_wanted')}].withLevels`)).toEqual(['must be true for the skills_wanted feature']);
    expect(issuesAt(replace('industries', { source: { taxonomy: 'skills' } }), `questions[${index('industries')}].source`)).toEqual(['must be the industries taxonomy for the industries feature']);
    expect(issuesAt(replace('target_roles', { source: { taxonomy: 'skills' } }), `questions[${index('target_roles')}].source`)).toEqual(['must be a fixed list of options for the target_roles feature']);
    expect(issuesAt(replace('interests', { maxSelected: 31 }), `questions[${index('interests')}].maxSelected`)).toEqual(['must be at most 30 for the interests feature']);
    const years = `questions[${index('experience_years')}]`;
    const badYears = replace('experience_years', { min: -1, max: 100, integer: false });
    expect(issuesAt(badYears, `${years}.integer`)).toEqual(['must be true for the experience_years feature']);
    expect(issuesAt(badYears, `${years}.min`)).toEqual(['must be at least 0 for the experience_years feature']);
    expect(issuesAt(badYears, `${years}.max`)).toEqual(['must be at most 60 for the experience_years feature']);
    expect(issuesAt(replace('network_size', { type: 'number', min: 1, max: 5, integer: true, minLabel: undefined, maxLabel: undefined }), `questions[${index('network_size')}].type`)).toEqual([
      'must be scale for the network_size feature',
    ]);
    expect(issuesAt(replace('employer', { type: 'scale', maxLength: undefined, minLabel: 'a', maxLabel: 'b' }), `questions[${index('employer')}].type`)).toEqual(['must be short_text for the employer feature']);
  });

  it('describes a shape for every feature', () => {
    expect(FEATURE_SHAPES.languages).toEqual({ type: 'multiple_choice', source: 'languages', withLevels: false, selected: { min: 1, max: 10 } });
    expect(FEATURE_SHAPES.skills_offered).toMatchObject({ type: 'multiple_choice', source: 'skills', withLevels: true });
    expect(FEATURE_SHAPES.contact_kinds).toMatchObject({ type: 'multiple_choice', source: 'options' });
    expect(FEATURE_SHAPES.availability).toEqual({ type: 'availability' });
  });

  it('wants the required features present and required', () => {
    expect(validateTemplate([languages], 'mentor')).toEqual([{ path: 'questions', issue: 'must include a question bound to the availability feature: matching cannot do without it' }]);
    expect(validateTemplate([], 'mentor').map((p) => p.issue)).toEqual([
      'must include a question bound to the languages feature: matching cannot do without it',
      'must include a question bound to the availability feature: matching cannot do without it',
    ]);
    expect(validateTemplate([languages, { ...availability, required: false }], 'mentor')).toEqual([
      { path: 'questions[1].required', issue: 'must be true: matching cannot do without the availability feature' },
    ]);
  });
});
