import type { ProgramObjective } from './candidate';
import { CRITERIA, type Criterion, defaultModel, maxTotal, parseModel, type ScoringModel, validateModel } from './scoring-model';

const OBJECTIVE_SETS: ProgramObjective[][] = [
  ['skills'],
  ['job_search'],
  ['networking'],
  ['skills', 'job_search'],
  ['skills', 'networking'],
  ['job_search', 'networking'],
  ['skills', 'job_search', 'networking'],
];

const heaviest = (model: ScoringModel): Criterion => [...CRITERIA].sort((a, b) => model.weights[b] - model.weights[a])[0];

describe('defaultModel', () => {
  it.each(OBJECTIVE_SETS)('weighs whole points adding up to 1 000, always some availability and time zone (%s…)', (...objectives) => {
    const model = defaultModel(objectives);
    expect(maxTotal(model)).toBe(1000);
    for (const criterion of CRITERIA) {
      expect(Number.isInteger(model.weights[criterion])).toBe(true);
      expect(model.weights[criterion]).toBeGreaterThanOrEqual(0);
    }
    expect(model.weights.availability).toBeGreaterThan(0);
    expect(model.weights.time_zone).toBeGreaterThan(0);
    expect(validateModel(model)).toEqual([]);
    expect(model.constraints).toEqual({ minCommonSlots: 2, excludeSameEmployer: true, minSeniorityGapYears: null });
  });

  it('makes skills weigh most in a skills programme, and gives nothing to what its survey does not ask', () => {
    const model = defaultModel(['skills']);
    expect(model.weights).toEqual({ skills: 500, interests: 50, industry: 50, objectives: 0, availability: 150, time_zone: 100, seniority: 150 });
    expect(heaviest(model)).toBe('skills');
  });

  it('puts a job search on target roles and industries (objectives) and the mentor’s industry', () => {
    const model = defaultModel(['job_search']);
    expect(model.weights).toEqual({ skills: 0, interests: 50, industry: 200, objectives: 350, availability: 150, time_zone: 100, seniority: 150 });
    expect(heaviest(model)).toBe('objectives');
  });

  it('puts networking on contacts and reach (objectives) and shared interests', () => {
    const model = defaultModel(['networking']);
    expect(model.weights).toEqual({ skills: 0, interests: 250, industry: 150, objectives: 300, availability: 150, time_zone: 100, seniority: 50 });
    expect(model.weights.interests).toBeGreaterThan(defaultModel(['job_search']).weights.interests);
  });

  it('averages the profiles of several objectives, whatever their order or repetition', () => {
    expect(defaultModel(['job_search', 'skills']).weights).toEqual({
      skills: 250,
      interests: 50,
      industry: 125,
      objectives: 175,
      availability: 150,
      time_zone: 100,
      seniority: 150,
    });
    expect(defaultModel(['networking', 'job_search', 'networking'])).toEqual(defaultModel(['job_search', 'networking']));
    // Thirds: 166.67, 116.67, 133.33, 216.67, 116.67 are rounded so the total stays 1 000; of the
    // equal remainders, the criteria listed first get the extra points.
    expect(defaultModel(['skills', 'job_search', 'networking']).weights).toEqual({
      skills: 167,
      interests: 117,
      industry: 133,
      objectives: 217,
      availability: 150,
      time_zone: 100,
      seniority: 116,
    });
  });
});

const valid = (): Record<string, unknown> => JSON.parse(JSON.stringify(defaultModel(['skills'])));

describe('validateModel', () => {
  it('accepts a complete model, zero weights included', () => {
    const model = valid();
    (model.weights as Record<string, number>).interests = 0;
    (model.constraints as Record<string, unknown>).minSeniorityGapYears = 5;
    expect(validateModel(model)).toEqual([]);
  });

  it('refuses a negative weight', () => {
    const model = valid();
    (model.weights as Record<string, number>).skills = -10;
    expect(validateModel(model)).toEqual([{ path: 'weights.skills', issue: 'must not be negative (0 to 1000; 0 switches the criterion off)' }]);
  });

  it('names the criteria when one is unknown', () => {
    const model = valid();
    (model.weights as Record<string, number>).charisma = 10;
    expect(validateModel(model)).toEqual([
      { path: 'weights.charisma', issue: 'is not a criterion (one of skills, interests, industry, objectives, availability, time_zone, seniority)' },
    ]);
  });

  it('refuses fractions, strings and weights over 1 000', () => {
    const model = valid();
    Object.assign(model.weights as object, { skills: 12.5, interests: '50', industry: 1001 });
    expect(validateModel(model)).toEqual([
      { path: 'weights.skills', issue: 'must be a whole number of points from 0 to 1000' },
      { path: 'weights.interests', issue: 'must be a whole number of points from 0 to 1000' },
      { path: 'weights.industry', issue: 'must be at most 1000' },
    ]);
  });

  it('refuses unknown fields at the top and among the constraints', () => {
    const model = { ...valid(), mode: 'fast', constraints: { ...(valid().constraints as object), maxDistanceKm: 10 } };
    expect(validateModel(model)).toEqual([
      { path: 'mode', issue: 'is not a field of a scoring model (weights, constraints)' },
      { path: 'constraints.maxDistanceKm', issue: 'is not a constraint (one of minCommonSlots, excludeSameEmployer, minSeniorityGapYears)' },
    ]);
  });

  it('reports every problem at once, missing fields included', () => {
    const problems = validateModel({
      weights: { skills: -1, interests: 1.5, colour: 3, industry: 10, objectives: 10, availability: 10 },
      constraints: { minCommonSlots: 169, excludeSameEmployer: 'yes', minSeniorityGapYears: -2, extra: true },
      extra: 1,
    });
    expect(problems).toEqual([
      { path: 'extra', issue: 'is not a field of a scoring model (weights, constraints)' },
      { path: 'weights.skills', issue: 'must not be negative (0 to 1000; 0 switches the criterion off)' },
      { path: 'weights.interests', issue: 'must be a whole number of points from 0 to 1000' },
      { path: 'weights.colour', issue: 'is not a criterion (one of skills, interests, industry, objectives, availability, time_zone, seniority)' },
      { path: 'weights.time_zone', issue: 'is required (0 switches the criterion off)' },
      { path: 'weights.seniority', issue: 'is required (0 switches the criterion off)' },
      { path: 'constraints.extra', issue: 'is not a constraint (one of minCommonSlots, excludeSameEmployer, minSeniorityGapYears)' },
      { path: 'constraints.minCommonSlots', issue: 'must be a whole number of weekly hours from 0 to 168' },
      { path: 'constraints.excludeSameEmployer', issue: 'must be true or false' },
      { path: 'constraints.minSeniorityGapYears', issue: 'must be null or a whole number of years from 0 to 60' },
    ]);
  });

  it('refuses what is not a model at all', () => {
    expect(validateModel(null)).toEqual([{ path: '', issue: 'must be an object with weights and constraints' }]);
    expect(validateModel([1, 2])).toEqual([{ path: '', issue: 'must be an object with weights and constraints' }]);
    expect(validateModel({ weights: [], constraints: 'none' })).toEqual([
      { path: 'weights', issue: 'must be an object with a weight for each criterion (skills, interests, industry, objectives, availability, time_zone, seniority)' },
      { path: 'constraints', issue: 'must be an object with minCommonSlots, excludeSameEmployer, minSeniorityGapYears' },
    ]);
    expect(validateModel({ weights: valid().weights })).toEqual([
      { path: 'constraints', issue: 'must be an object with minCommonSlots, excludeSameEmployer, minSeniorityGapYears' },
    ]);
  });
});

describe('parseModel', () => {
  it('returns a copy of a valid model, detached from the input', () => {
    const input = valid();
    const parsed = parseModel(input);
    expect(parsed).toEqual({ ok: true, model: input });
    (input.weights as Record<string, number>).skills = 7;
    expect(parsed.ok && parsed.model.weights.skills).toBe(500);
  });

  it('returns the problems of an invalid one', () => {
    expect(parseModel({ weights: {}, constraints: {} })).toMatchObject({ ok: false, problems: expect.arrayContaining([{ path: 'weights.skills', issue: 'is required (0 switches the criterion off)' }]) });
  });
});
