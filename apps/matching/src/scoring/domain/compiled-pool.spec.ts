import type { Candidate, CandidateFeatures, ProgramObjective } from './candidate';
import { type CompiledPool, compilePool, PoolScorer } from './compiled-pool';
import { generateInstance, type Instance, seededRandom } from './instance-generator';
import { HARD_CONSTRAINTS, type HardConstraint, scorePair } from './pair-score';
import { CRITERIA, defaultModel, type ScoringModel } from './scoring-model';

const ALL: ProgramObjective[] = ['skills', 'job_search', 'networking'];

/** A model with seeded random weights and constraints, exercising every table (zero weights, odd minima, the gap rule). */
function randomModel(seed: number): ScoringModel {
  const random = seededRandom(seed);
  const weights = Object.fromEntries(CRITERIA.map((criterion) => [criterion, random() < 0.15 ? 0 : Math.floor(random() * 1001)])) as ScoringModel['weights'];
  return {
    weights,
    constraints: {
      minCommonSlots: [0, 1, 2, 3, 5, 11][Math.floor(random() * 6)],
      excludeSameEmployer: random() < 0.7,
      minSeniorityGapYears: random() < 0.5 ? null : Math.floor(random() * 12),
    },
  };
}

/** Every row of `pool` against scorePair, pair by pair; returns how often each constraint failed, so a test can check it saw them. */
function expectRowsToMatchScorePair(pool: CompiledPool, instance: Pick<Instance, 'mentees' | 'mentors' | 'previousPairs'>, model: ScoringModel, objectives: ProgramObjective[], rows?: number[]) {
  const { mentees, mentors } = instance;
  const previous = new Set(instance.previousPairs.map(([e, r]) => `${e}|${r}`));
  const out = new Int32Array(mentors.length);
  const mismatches: string[] = [];
  const failures = Object.fromEntries(HARD_CONSTRAINTS.map((constraint) => [constraint, 0])) as Record<HardConstraint, number>;
  let feasible = 0;
  for (const i of rows ?? mentees.map((_, index) => index)) {
    pool.scoreRow(i, out);
    mentors.forEach((mentor, j) => {
      const score = scorePair(mentees[i], mentor, model, { objectives, previouslyMatched: previous.has(`${mentees[i].userId}|${mentor.userId}`) });
      const expected = score.feasible ? score.total : -1;
      if (score.feasible) feasible += 1;
      for (const check of score.constraints) if (!check.held) failures[check.constraint] += 1;
      if (out[j] !== expected) mismatches.push(`mentee ${i}, mentor ${j}: scoreRow ${out[j]}, scorePair ${expected}`);
    });
  }
  expect(mismatches.slice(0, 5)).toEqual([]);
  return { feasible, failures };
}

/** The same candidates with list terms spread over a larger vocabulary, so no list criterion fits a 32-bit mask. */
function widened(instance: Instance, seed: number): Instance {
  const random = seededRandom(seed);
  const spread = (values: readonly string[]) => [...new Set(values.map((value) => `${value}-${Math.floor(random() * 12)}`))];
  const widen = (candidate: Candidate): Candidate => ({
    ...candidate,
    features: {
      ...candidate.features,
      industries: spread(candidate.features.industries),
      targetRoles: spread(candidate.features.targetRoles),
      targetIndustries: spread(candidate.features.targetIndustries),
      contactKinds: spread(candidate.features.contactKinds),
    },
  });
  return { ...instance, mentees: instance.mentees.map(widen), mentors: instance.mentors.map(widen) };
}

/** The same candidates free many more hours, so a programme asking for 12 common hours has feasible pairs. */
function busy(instance: Instance, seed: number): Instance {
  const random = seededRandom(seed);
  const more = (candidate: Candidate): Candidate => {
    const slots = new Set(candidate.features.availability.weeklySlotsUtc);
    for (let k = 0; k < 40; k++) slots.add(100 + Math.floor(random() * 60));
    return { ...candidate, features: { ...candidate.features, availability: { ...candidate.features.availability, weeklySlotsUtc: [...slots].sort((a, b) => a - b) } } };
  };
  return { ...instance, mentees: instance.mentees.map(more), mentors: instance.mentors.map(more) };
}

const compile = (instance: Instance, model: ScoringModel, objectives: ProgramObjective[] = instance.objectives) =>
  compilePool(instance.mentees, instance.mentors, model, { objectives, previousPairs: instance.previousPairs });

describe('scoreRow equals scorePair', () => {
  it.each([1, 2, 3, 4])('on a generated pool under the default model (seed %i)', (seed) => {
    const instance = generateInstance({ mentees: 50, mentors: 45, seed });
    const model = defaultModel(instance.objectives);
    const { feasible, failures } = expectRowsToMatchScorePair(compile(instance, model), instance, model, instance.objectives);
    expect(feasible).toBeGreaterThan(50);
    expect(failures.common_language).toBeGreaterThan(0);
    expect(failures.availability_overlap).toBeGreaterThan(0);
  });

  it('with changed weights and constraints, every objective set, and every hard constraint failing somewhere', () => {
    const seen = Object.fromEntries(HARD_CONSTRAINTS.map((constraint) => [constraint, 0])) as Record<HardConstraint, number>;
    let feasible = 0;
    for (let seed = 10; seed < 22; seed++) {
      const objectives = ALL.filter((_, k) => (seed >> k) & 1 || seed % 7 === 0);
      const instance = generateInstance({ mentees: 30, mentors: 40, seed, objectives: objectives.length > 0 ? objectives : ['skills'] });
      const model = randomModel(seed);
      const result = expectRowsToMatchScorePair(compile(instance, model), instance, model, instance.objectives);
      feasible += result.feasible;
      for (const constraint of HARD_CONSTRAINTS) seen[constraint] += result.failures[constraint];
    }
    expect(feasible).toBeGreaterThan(1000);
    for (const constraint of HARD_CONSTRAINTS) expect([constraint, seen[constraint] > 0]).toEqual([constraint, true]);
  });

  it('when no list fits a bit mask (posting lists and dense columns for every criterion)', () => {
    const instance = widened(generateInstance({ mentees: 40, mentors: 260, seed: 5 }), 5);
    const model = { ...defaultModel(ALL), constraints: { minCommonSlots: 1, excludeSameEmployer: true, minSeniorityGapYears: null } };
    const pool = compile(instance, model);
    for (const index of [pool.features.industries, pool.features.targetRoles, pool.features.targetIndustries, pool.features.contactKinds]) {
      expect(index.masks.length).toBe(0);
    }
    expect(pool.features.interests.columns.length).toBeGreaterThan(0);
    expect(pool.features.contactKinds.columns.length).toBeGreaterThan(0);
    expect(expectRowsToMatchScorePair(pool, instance, model, ALL).feasible).toBeGreaterThan(1000);
  });

  it('on a larger pool, where common terms go through dense columns', () => {
    const instance = generateInstance({ mentees: 400, mentors: 500, seed: 6 });
    const model = { ...defaultModel(ALL), constraints: { minCommonSlots: 1, excludeSameEmployer: false, minSeniorityGapYears: 2 } };
    const pool = compile(instance, model);
    expect(pool.features.skills.columns.length).toBeGreaterThan(0);
    const rows = Array.from({ length: 20 }, (_, k) => k * 19);
    expect(expectRowsToMatchScorePair(pool, instance, model, ALL, rows).feasible).toBeGreaterThan(1000);
  });

  it('when a programme asks for more common hours than the bit-sliced counter holds', () => {
    const instance = busy(generateInstance({ mentees: 30, mentors: 50, seed: 7 }), 7);
    for (const minCommonSlots of [11, 12, 16]) {
      const model = { ...randomModel(minCommonSlots), constraints: { minCommonSlots, excludeSameEmployer: true, minSeniorityGapYears: null } };
      const { feasible, failures } = expectRowsToMatchScorePair(compile(instance, model), instance, model, instance.objectives);
      expect(feasible).toBeGreaterThan(100);
      expect(failures.availability_overlap).toBeGreaterThan(0);
    }
    const impossible = { ...defaultModel(ALL), constraints: { minCommonSlots: 120, excludeSameEmployer: false, minSeniorityGapYears: null } };
    expect(expectRowsToMatchScorePair(compile(instance, impossible), instance, impossible, instance.objectives).feasible).toBe(0);
  });

  it('on odd candidates: empty lists, unknown experience, repeated skills, stray slots, languages nobody else speaks', () => {
    const plain: CandidateFeatures = generateInstance({ mentees: 1, mentors: 0, seed: 8 }).mentees[0].features;
    const person = (userId: string, role: Candidate['role'], features: Partial<CandidateFeatures>, excludedUserIds: string[] = []): Candidate => ({
      userId,
      role,
      excludedUserIds,
      features: { ...plain, ...features },
    });
    const week = { timeZone: 'Asia/Kolkata', utcOffsetMinutes: 330, weeklySlotsUtc: [12, 13, 14, 200, 2.5, 13] };
    const mentees = [
      person('e1', 'mentee', { skillsWanted: [{ id: 'sql', level: 2 }, { id: 'sql', level: 5 }, { id: 'nobody-offers', level: 3 }], interests: [], experienceYears: null }),
      person('e2', 'mentee', { languages: ['eu'], availability: week }),
      person('e3', 'mentee', { skillsWanted: [], targetRoles: ['a', 'b', 'c'], contactKinds: [], availability: week, employerKey: 'f'.repeat(32) }, ['r2']),
      person('e4', 'mentee', { languages: ['fr', 'eu'], availability: { ...week, weeklySlotsUtc: [] } }),
    ];
    const mentors = [
      person('r1', 'mentor', { skillsOffered: [{ id: 'sql', level: 3 }, { id: 'sql', level: 1 }], languages: ['fr', 'eu'], availability: week, experienceYears: 61 }),
      person('r2', 'mentor', { skillsOffered: [], interests: plain.interests, availability: week, employerKey: 'f'.repeat(32), targetRoles: ['a', 'z'] }, ['e1']),
      person('r3', 'mentor', { languages: [], availability: week }),
      person('e1', 'mentor', { availability: week }),
    ];
    const instance = { mentees, mentors, previousPairs: [['e2', 'r1']] as Array<[string, string]>, objectives: ALL };
    const lenient = { ...defaultModel(ALL), constraints: { minCommonSlots: 0, excludeSameEmployer: false, minSeniorityGapYears: 0 } };
    expect(expectRowsToMatchScorePair(compile(instance, defaultModel(ALL)), instance, defaultModel(ALL), ALL).feasible).toBeGreaterThan(0);
    expect(expectRowsToMatchScorePair(compile(instance, lenient), instance, lenient, ALL).feasible).toBeGreaterThan(3);
    for (let seed = 0; seed < 6; seed++) expectRowsToMatchScorePair(compile(instance, randomModel(seed)), instance, randomModel(seed), ALL);
  });

  it('with no mentors or no mentees', () => {
    const instance = generateInstance({ mentees: 3, mentors: 0, seed: 9 });
    const pool = compile(instance, defaultModel(ALL));
    const out = new Int32Array(0);
    pool.scoreRow(2, out);
    expect(out.length).toBe(0);
    expect(compile(generateInstance({ mentees: 0, mentors: 3, seed: 9 }), defaultModel(ALL)).menteeCount).toBe(0);
  });
});

describe('the compiled pool', () => {
  const generated = generateInstance({ mentees: 40, mentors: 70, seed: 11 });
  const model = defaultModel(generated.objectives);
  // Three pairs that would be feasible (mentee who[k], mentor open[k]), ruled out by the mentee, by the mentor, by a previous match.
  const firstFeasible = (mentee: Candidate) =>
    generated.mentors.findIndex((mentor) => scorePair(mentee, mentor, model, { objectives: generated.objectives, previouslyMatched: false }).feasible);
  const who = generated.mentees.map((_, i) => i).filter((i) => firstFeasible(generated.mentees[i]) >= 0).slice(0, 3);
  const open = who.map((i) => firstFeasible(generated.mentees[i]));
  const instance: Instance = {
    ...generated,
    mentees: generated.mentees.map((mentee, i) => (i === who[0] ? { ...mentee, excludedUserIds: [generated.mentors[open[0]].userId] } : mentee)),
    mentors: generated.mentors.map((mentor, j) => (j === open[1] ? { ...mentor, excludedUserIds: [...mentor.excludedUserIds, generated.mentees[who[1]].userId] } : mentor)),
    previousPairs: [...generated.previousPairs, [generated.mentees[who[2]].userId, generated.mentors[open[2]].userId]],
  };
  const pool = compile(instance, model);
  const rows = (scorer: { scoreRow(i: number, out: Int32Array): void }) =>
    instance.mentees.map((_, i) => {
      const out = new Int32Array(instance.mentors.length);
      scorer.scoreRow(i, out);
      return Array.from(out);
    });

  it('rules out a pair excluded by the mentee, by the mentor, or matched before', () => {
    expect(who).toHaveLength(3);
    const out = new Int32Array(instance.mentors.length);
    const unrestricted = compile(generated, model);
    who.forEach((i, k) => {
      unrestricted.scoreRow(i, out);
      expect(out[open[k]]).toBeGreaterThanOrEqual(0);
      pool.scoreRow(i, out);
      expect(out[open[k]]).toBe(-1);
    });
    const failedOf = (k: number) => pool.explain(who[k], open[k]).constraints.filter((check) => !check.held);
    expect(failedOf(0).map((check) => check.detail)).toEqual(['the mentee declared a conflict with this mentor']);
    expect(failedOf(1).map((check) => check.detail)).toEqual(['the mentor declared a conflict with this mentee']);
    expect(failedOf(2).map((check) => check.constraint)).toEqual(['not_matched_before']);
  });

  it('explains a pair with scorePair, knowing who was matched before', () => {
    const i = who[2];
    const j = open[2];
    expect(pool.explain(i, j)).toEqual(scorePair(instance.mentees[i], instance.mentors[j], model, { objectives: instance.objectives, previouslyMatched: true }));
    expect(pool.explain(0, 1)).toEqual(scorePair(instance.mentees[0], instance.mentors[1], model, { objectives: instance.objectives, previouslyMatched: false }));
    expect(() => pool.explain(0, 70)).toThrow(RangeError);
  });

  it('scores the same rows under another model as a fresh compilation would (what-if)', () => {
    const other = randomModel(42);
    expect(rows(pool.withModel(other))).toEqual(rows(compile(instance, other)));
    expect(rows(pool.withModel(other))).not.toEqual(rows(pool));
    expect(pool.withModel(other).maxTotal).toBe(CRITERIA.reduce((sum, criterion) => sum + other.weights[criterion], 0));
  });

  it('rebuilds from a structured clone of its features, as a worker thread would', () => {
    const scorer = new PoolScorer(structuredClone(pool.features), model, instance.objectives);
    expect(rows(scorer)).toEqual(rows(pool));
  });

  it('gives the same row however many times and in whatever order rows are asked', () => {
    const first = rows(pool);
    const out = new Int32Array(instance.mentors.length);
    for (let i = instance.mentees.length - 1; i >= 0; i--) {
      pool.scoreRow(i, out);
      expect(Array.from(out)).toEqual(first[i]);
    }
  });

  it('refuses a wrong output length, an unknown mentee, swapped roles, repeated people and an invalid model', () => {
    expect(() => pool.scoreRow(0, new Int32Array(3))).toThrow('scoreRow needs an output of 70 entries, got 3');
    expect(() => pool.scoreRow(40, new Int32Array(70))).toThrow(RangeError);
    expect(() => compilePool(instance.mentors, instance.mentees, model, { objectives: ALL, previousPairs: [] })).toThrow(RangeError);
    expect(() => compilePool([instance.mentees[0], instance.mentees[0]], instance.mentors, model, { objectives: ALL, previousPairs: [] })).toThrow(
      `mentee ${instance.mentees[0].userId} appears twice`,
    );
    const bad = { ...model, weights: { ...model.weights, skills: -1 } };
    expect(() => compilePool(instance.mentees, instance.mentors, bad, { objectives: ALL, previousPairs: [] })).toThrow('invalid scoring model: weights.skills');
  });
});
