import type { MatchProposedData } from '@passerelle/contracts';
import type { Candidate, ProgramObjective } from '../../scoring/domain/candidate';
import { type CompiledPool, compilePool, type PoolScorer } from '../../scoring/domain/compiled-pool';
import type { PairScore } from '../../scoring/domain/pair-score';
import { maxTotal, type ScoringModel } from '../../scoring/domain/scoring-model';
import type { RoundProblem } from '../domain/round-problem';
import { type FirstPass, type RoundSolution, solveRound } from '../domain/round-solver';

/**
 * Load balancing (issue 5, item 3: "increasing cost for a mentor's 2nd, 3rd…
 * mentee"), as shares of the best possible pair score: a mentor's first mentee
 * is free, the second costs 5 %, the third 12 %… Convex, as the solver needs.
 */
export const LOAD_PENALTY_SHARES = [0, 0.05, 0.12, 0.2, 0.3] as const;

export interface RoundInput {
  readonly mentees: readonly Candidate[];
  readonly mentors: readonly Candidate[];
  /** Remaining capacity of each mentor, in `mentors` order. */
  readonly capacities: readonly number[];
  readonly model: ScoringModel;
  readonly objectives: readonly ProgramObjective[];
  /** [mentee user id, mentor user id] of pairs matched before: a hard constraint excludes them. */
  readonly previousPairs: ReadonlyArray<readonly [string, string]>;
  readonly loadBalancing: boolean;
}

export interface Proposal {
  readonly mentee: number;
  readonly mentor: number;
  readonly score: MatchProposedData['score'];
}

export interface RoundOutput {
  readonly proposals: Proposal[];
  readonly matchedCount: number;
  readonly unmatched: { noFeasibleMentor: number; mentorsFull: number };
  readonly totalScore: number;
  readonly minScore: number | null;
  readonly meanScore: number | null;
  readonly mentorLoad: { min: number; max: number; mean: number };
  readonly solveMs: number;
  readonly timings: { candidatesMs: number; solveMs: number; certifyMs: number };
  /** The optimality certificate, kept to answer "why not X?" (issue 5, item 6). */
  readonly duals: { readonly lexicographicWeight: number; readonly menteeValue: number[]; readonly mentorPrice: number[] };
}

export function eventScore(score: PairScore): MatchProposedData['score'] {
  return {
    total: score.total,
    maxTotal: score.maxTotal,
    breakdown: score.breakdown.map(({ criterion, points, maxPoints }) => ({ criterion, points, maxPoints })),
    constraints: score.constraints.map(({ constraint, held }) => ({ constraint, held })),
  };
}

/**
 * Scores every pair, solves the round exactly and keeps the certificate. Pure
 * and synchronous: it runs in a worker thread (round-worker.ts), off the
 * request thread; round-worker.ts uses computeRoundWith to spread the first
 * pass over more threads.
 */
export function computeRound(input: RoundInput): RoundOutput {
  const started = performance.now();
  const { pool, problem } = roundProblem(input);
  return roundOutput(input, pool, solveRound(problem), started);
}

/**
 * Scans a round's first pass ahead, e.g. in worker threads
 * (scanFirstPassInWorkers); undefined leaves it to solveRound.
 */
export type FirstPassScanner = (pool: PoolScorer, problem: RoundProblem) => Promise<FirstPass | undefined>;

/** computeRound with the first pass over all pairs scanned by `scan`: the same output, sooner on a large round. */
export async function computeRoundWith(input: RoundInput, scan: FirstPassScanner): Promise<RoundOutput> {
  const started = performance.now();
  const { pool, problem } = roundProblem(input);
  const firstPass = await scan(pool, problem);
  return roundOutput(input, pool, solveRound(problem, {}, firstPass), started);
}

function roundProblem(input: RoundInput): { pool: CompiledPool; problem: RoundProblem } {
  const pool = compilePool(input.mentees, input.mentors, input.model, { objectives: input.objectives, previousPairs: input.previousPairs });
  const maxScore = maxTotal(input.model);
  const problem: RoundProblem = {
    menteeCount: input.mentees.length,
    mentorCapacity: input.capacities,
    loadPenalty: input.loadBalancing ? LOAD_PENALTY_SHARES.map((share) => Math.round(share * maxScore)) : [],
    maxScore,
    scorer: pool,
  };
  return { pool, problem };
}

function roundOutput(input: RoundInput, pool: CompiledPool, solution: RoundSolution, started: number): RoundOutput {
  const proposals: Proposal[] = [];
  const scores: number[] = [];
  let noFeasibleMentor = 0;
  const row = new Int32Array(input.mentors.length);
  for (let mentee = 0; mentee < input.mentees.length; mentee++) {
    const mentor = solution.mentorOf[mentee];
    if (mentor >= 0) {
      const score = pool.explain(mentee, mentor);
      proposals.push({ mentee, mentor, score: eventScore(score) });
      scores.push(score.total);
      continue;
    }
    pool.scoreRow(mentee, row);
    if (!row.some((points) => points >= 0)) noFeasibleMentor += 1;
  }
  const loads = Array.from(solution.mentorLoad);
  const total = scores.reduce((sum, score) => sum + score, 0);
  return {
    proposals,
    matchedCount: solution.matchedCount,
    unmatched: { noFeasibleMentor, mentorsFull: input.mentees.length - solution.matchedCount - noFeasibleMentor },
    totalScore: total,
    minScore: scores.length > 0 ? Math.min(...scores) : null,
    meanScore: scores.length > 0 ? Math.round((total / scores.length) * 100) / 100 : null,
    mentorLoad: {
      min: loads.length > 0 ? Math.min(...loads) : 0,
      max: loads.length > 0 ? Math.max(...loads) : 0,
      mean: loads.length > 0 ? Math.round((loads.reduce((sum, load) => sum + load, 0) / loads.length) * 100) / 100 : 0,
    },
    solveMs: Math.round(performance.now() - started),
    timings: { candidatesMs: solution.timings.candidatesMs, solveMs: solution.timings.solveMs, certifyMs: solution.timings.certifyMs },
    duals: {
      lexicographicWeight: solution.certificate.lexicographicWeight,
      menteeValue: Array.from(solution.certificate.menteeValue),
      mentorPrice: Array.from(solution.certificate.mentorPrice),
    },
  };
}
