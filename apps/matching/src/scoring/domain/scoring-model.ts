/**
 * A programme's scoring model (PRODUCT.md, lifecycle step 3: "compute an
 * optimal assignment under hard constraints … Every proposal carries its
 * score breakdown"; issue "Matching", item 2): hard constraints that rule a
 * pair out, and weighted criteria whose points add up to the pair's score.
 * Organisers change the weights and see the effect, so a model is plain data,
 * validated here once with every problem reported together.
 */
import { PROGRAM_OBJECTIVES, type ProgramObjective } from './candidate';
import { WEEK_HOURS } from './similarity';

export const CRITERIA = ['skills', 'interests', 'industry', 'objectives', 'availability', 'time_zone', 'seniority'] as const;
export type Criterion = (typeof CRITERIA)[number];

/**
 * A weight is the most points a criterion can give (at similarity 1). Whole
 * points because the round solver works on integer scores; at most 1 000 each,
 * so a pair's total stays within the solver's 10 000-point scale.
 */
export const MAX_WEIGHT = 1000;
export const MAX_SENIORITY_GAP_YEARS = 60;

export interface ScoringConstraints {
  /** Weekly one-hour slots both must be free in, 0–168. */
  readonly minCommonSlots: number;
  /** Rule out a mentor and mentee with the same employer (a cheap guard against "my own manager"). */
  readonly excludeSameEmployer: boolean;
  /** When set, the mentor must have at least this many more years of experience. */
  readonly minSeniorityGapYears: number | null;
}

export interface ScoringModel {
  readonly weights: Readonly<Record<Criterion, number>>;
  readonly constraints: ScoringConstraints;
}

export interface Problem {
  readonly path: string;
  readonly issue: string;
}

/**
 * Default weights, on a 1 000-point scale so a score reads as per mille.
 * A base every programme shares (350 points) — being able to meet
 * (availability, time zone) and a light touch of rapport (interests) and
 * seniority — plus 650 points following the programme's objectives, the
 * average of each objective's profile when there are several:
 *  - skills: the skills criterion dominates; seniority and the same field
 *    help a mentor teach at the right level;
 *  - job_search: the objectives criterion (target roles and industries) and
 *    the mentor's industry, since a job search runs through one; seniority
 *    because the mentor should know how hiring works;
 *  - networking: the objectives criterion (contact kinds, network reach),
 *    shared interests (what networks form around) and the same field
 *    (PRODUCT.md: "connections with professionals of the same field").
 * Only criteria the programme's intake survey asks about get weight: the
 * survey asks for wanted skills only under the skills objective, so a
 * job-search programme gives the skills criterion nothing.
 */
const BASE_WEIGHTS: Readonly<Partial<Record<Criterion, number>>> = { availability: 150, time_zone: 100, interests: 50, seniority: 50 };
const OBJECTIVE_WEIGHTS: Readonly<Record<ProgramObjective, Readonly<Partial<Record<Criterion, number>>>>> = {
  skills: { skills: 500, seniority: 100, industry: 50 },
  job_search: { objectives: 350, industry: 200, seniority: 100 },
  networking: { objectives: 300, interests: 200, industry: 150 },
};
export const DEFAULT_CONSTRAINTS: ScoringConstraints = {
  // The intake survey asks for at least two slots; two common hours let a pair meet and still pick.
  minCommonSlots: 2,
  excludeSameEmployer: true,
  minSeniorityGapYears: null,
};

/** The model a programme starts with, derived from its objectives (unknown or repeated objectives are ignored). */
export function defaultModel(objectives: readonly ProgramObjective[]): ScoringModel {
  const chosen = PROGRAM_OBJECTIVES.filter((objective) => objectives.includes(objective));
  const parts = Math.max(1, chosen.length);
  // Each weight as a fraction over `parts`, in whole numbers, so the rounding below is exact.
  const numerators = CRITERIA.map(
    (criterion) => (BASE_WEIGHTS[criterion] ?? 0) * parts + chosen.reduce((sum, objective) => sum + (OBJECTIVE_WEIGHTS[objective][criterion] ?? 0), 0),
  );
  return { weights: wholeWeights(numerators, parts), constraints: { ...DEFAULT_CONSTRAINTS } };
}

/**
 * Rounds the averaged weights (numerator / parts) to whole points that still
 * add up to the same total (largest remainder; ties go to the criterion
 * listed first), so two- and three-objective programmes keep the 1 000-point
 * reading.
 */
function wholeWeights(numerators: readonly number[], parts: number): Record<Criterion, number> {
  const floors = numerators.map((numerator) => Math.floor(numerator / parts));
  let missing = Math.round(numerators.reduce((sum, numerator) => sum + numerator, 0) / parts) - floors.reduce((sum, value) => sum + value, 0);
  const order = numerators.map((numerator, index) => ({ index, remainder: numerator % parts })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (missing <= 0) break;
    floors[index] += 1;
    missing -= 1;
  }
  const weights = {} as Record<Criterion, number>;
  CRITERIA.forEach((criterion, index) => (weights[criterion] = floors[index]));
  return weights;
}

/** The most points a pair can score under `model`. */
export function maxTotal(model: ScoringModel): number {
  return CRITERIA.reduce((sum, criterion) => sum + model.weights[criterion], 0);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isWhole = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);
const CONSTRAINT_KEYS = ['minCommonSlots', 'excludeSameEmployer', 'minSeniorityGapYears'] as const;

/**
 * Every problem of a model an organiser submitted, all at once (the API
 * answers 400 with them: "bad weights (negative, unknown criterion) → 400").
 * A model is complete: every criterion has a weight (0 switches it off) and
 * every constraint a value; unknown fields are refused, not ignored, so a
 * misspelt criterion never silently weighs nothing.
 */
export function validateModel(input: unknown): Problem[] {
  if (!isObject(input)) return [{ path: '', issue: 'must be an object with weights and constraints' }];
  const problems: Problem[] = [];
  for (const key of Object.keys(input)) {
    if (key !== 'weights' && key !== 'constraints') problems.push({ path: key, issue: 'is not a field of a scoring model (weights, constraints)' });
  }

  const { weights, constraints } = input;
  if (!isObject(weights)) {
    problems.push({ path: 'weights', issue: `must be an object with a weight for each criterion (${CRITERIA.join(', ')})` });
  } else {
    for (const [key, value] of Object.entries(weights)) {
      if (!(CRITERIA as readonly string[]).includes(key)) {
        problems.push({ path: `weights.${key}`, issue: `is not a criterion (one of ${CRITERIA.join(', ')})` });
      } else if (!isWhole(value)) {
        problems.push({ path: `weights.${key}`, issue: `must be a whole number of points from 0 to ${MAX_WEIGHT}` });
      } else if (value < 0) {
        problems.push({ path: `weights.${key}`, issue: `must not be negative (0 to ${MAX_WEIGHT}; 0 switches the criterion off)` });
      } else if (value > MAX_WEIGHT) {
        problems.push({ path: `weights.${key}`, issue: `must be at most ${MAX_WEIGHT}` });
      }
    }
    for (const criterion of CRITERIA) {
      if (!Object.prototype.hasOwnProperty.call(weights, criterion)) problems.push({ path: `weights.${criterion}`, issue: 'is required (0 switches the criterion off)' });
    }
  }

  if (!isObject(constraints)) {
    problems.push({ path: 'constraints', issue: `must be an object with ${CONSTRAINT_KEYS.join(', ')}` });
    return problems;
  }
  for (const key of Object.keys(constraints)) {
    if (!(CONSTRAINT_KEYS as readonly string[]).includes(key)) {
      problems.push({ path: `constraints.${key}`, issue: `is not a constraint (one of ${CONSTRAINT_KEYS.join(', ')})` });
    }
  }
  const { minCommonSlots, excludeSameEmployer, minSeniorityGapYears } = constraints;
  if (minCommonSlots === undefined) problems.push({ path: 'constraints.minCommonSlots', issue: 'is required' });
  else if (!isWhole(minCommonSlots) || minCommonSlots < 0 || minCommonSlots > WEEK_HOURS) {
    problems.push({ path: 'constraints.minCommonSlots', issue: `must be a whole number of weekly hours from 0 to ${WEEK_HOURS}` });
  }
  if (excludeSameEmployer === undefined) problems.push({ path: 'constraints.excludeSameEmployer', issue: 'is required' });
  else if (typeof excludeSameEmployer !== 'boolean') problems.push({ path: 'constraints.excludeSameEmployer', issue: 'must be true or false' });
  if (minSeniorityGapYears === undefined) problems.push({ path: 'constraints.minSeniorityGapYears', issue: 'is required (null for none)' });
  else if (minSeniorityGapYears !== null && (!isWhole(minSeniorityGapYears) || minSeniorityGapYears < 0 || minSeniorityGapYears > MAX_SENIORITY_GAP_YEARS)) {
    problems.push({ path: 'constraints.minSeniorityGapYears', issue: `must be null or a whole number of years from 0 to ${MAX_SENIORITY_GAP_YEARS}` });
  }
  return problems;
}

export type ParsedModel = { readonly ok: true; readonly model: ScoringModel } | { readonly ok: false; readonly problems: Problem[] };

/** `input` as a model when it is valid (a fresh copy, nothing else carried over), or its problems. */
export function parseModel(input: unknown): ParsedModel {
  const problems = validateModel(input);
  if (problems.length > 0) return { ok: false, problems };
  const { weights, constraints } = input as { weights: Record<Criterion, number>; constraints: ScoringConstraints };
  const copy = {} as Record<Criterion, number>;
  for (const criterion of CRITERIA) copy[criterion] = weights[criterion];
  return {
    ok: true,
    model: {
      weights: copy,
      constraints: {
        minCommonSlots: constraints.minCommonSlots,
        excludeSameEmployer: constraints.excludeSameEmployer,
        minSeniorityGapYears: constraints.minSeniorityGapYears,
      },
    },
  };
}
