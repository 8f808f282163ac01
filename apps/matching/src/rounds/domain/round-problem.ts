/**
 * What an organizer-run matching round solves (PRODUCT.md, lifecycle step 3:
 * "Organisers run rounds that compute an optimal assignment under hard
 * constraints"; issue "Matching", item 3): unmatched mentees of one programme,
 * mentors with remaining capacity, and a score per pair that the scoring model
 * computes. The solver never sees the scoring model, only the scores, so the
 * two can change independently.
 */

/**
 * The pair-weight oracle. Rows, not single pairs: the round scans every
 * feasible pair (once to pick candidates, once more to certify), and a row per
 * call lets the scorer run a tight loop over typed arrays instead of paying a
 * call per pair. Implementations must be pure (the same row for the same
 * mentee) and hold only data that can be rebuilt inside a worker thread.
 */
export interface PairScorer {
  /**
   * Writes into `out[j]`, for every mentor j (`out.length` is the mentor
   * count), the integer score of the pair (mentee, j) in 0..maxScore, or -1
   * when a hard constraint fails (no common language, an exclusion, ...).
   */
  scoreRow(mentee: number, out: Int32Array): void;
}

export interface RoundProblem {
  readonly menteeCount: number;
  /** Remaining capacity per mentor; its length is the mentor count. */
  readonly mentorCapacity: Int32Array | readonly number[];
  /**
   * Optional load balancing: `loadPenalty[k - 1]` is subtracted from the total
   * when a mentor takes a k-th mentee in this round. Non-decreasing integers
   * ≥ 0; beyond its length the last entry repeats. Empty (the default) means no
   * balancing.
   */
  readonly loadPenalty?: readonly number[];
  /** Upper bound of a pair's score; defaults to 10 000 points, at most 32 767 (scores are kept as 16-bit integers). */
  readonly maxScore?: number;
  readonly scorer: PairScorer;
}

export const DEFAULT_MAX_SCORE = 10_000;
/** Scores travel as 16-bit integers, so that every feasible pair of a 20 000 × 8 000 round fits in memory. */
export const MAX_SCORE_LIMIT = 32_767;

/**
 * Remaining capacity is a small number (the programme's default is 1..5);
 * the bound keeps the per-mentor seat table small and catches unit mistakes.
 */
export const MAX_MENTOR_CAPACITY = 1_000;

/**
 * Exact integer arithmetic in doubles holds below 2^53. The solver and the
 * certificate check refuse any dual beyond this bound, so a sum of two of
 * them (plus a pair's value) is always exact.
 */
export const SAFE_MAGNITUDE = 2 ** 50;

/** The validated, typed-array form of a problem, shared by the solver and the certificate check. */
export interface PreparedRound {
  readonly menteeCount: number;
  readonly mentorCount: number;
  readonly capacity: Int32Array;
  readonly maxCapacity: number;
  /** `slotCost[k - 1]`: penalty of a mentor's k-th mentee, for k = 1..maxCapacity. */
  readonly slotCost: Float64Array;
  readonly maxScore: number;
  /** Most mentees any assignment can match: min(mentees, total capacity). */
  readonly maxMatchable: number;
  /** The constant that makes one more match outweigh any score difference; see lexicographicWeight. */
  readonly lexicographicWeight: number;
  readonly scorer: PairScorer;
}

export class RoundProblemError extends Error {
  override readonly name = 'RoundProblemError';
}

/**
 * The issue asks to maximise first the number of matched mentees, then the
 * score (net of load penalties). Both become one linear objective by giving
 * every match a bonus `B` on top of its score. With N = the most mentees any
 * assignment can match, W = maxScore and P = the largest slot penalty, take
 * B = N·(W + P) + 1. If assignment A matches d ≥ 1 more mentees than B', their
 * objectives differ by d·B + (net_A − net_B') ≥ B − N·P − N·W > 0, since a net
 * total lies in [−N·P, N·W]; with equal counts the bonus cancels and the net
 * totals decide. So the linear optimum is exactly the lexicographic one.
 */
export function lexicographicWeight(maxMatchable: number, maxScore: number, maxPenalty: number): number {
  return maxMatchable * (maxScore + maxPenalty) + 1;
}

/** Validates a problem once and returns the form the hot loops use; throws RoundProblemError. */
export function prepareRound(problem: RoundProblem): PreparedRound {
  const { menteeCount, mentorCapacity, scorer } = problem;
  if (!Number.isInteger(menteeCount) || menteeCount < 0) throw new RoundProblemError('menteeCount must be a whole number ≥ 0');
  const mentorCount = mentorCapacity.length;
  const capacity = new Int32Array(mentorCount);
  let maxCapacity = 0;
  let totalCapacity = 0;
  for (let j = 0; j < mentorCount; j++) {
    const c = mentorCapacity[j];
    if (!Number.isInteger(c) || c < 0 || c > MAX_MENTOR_CAPACITY) {
      throw new RoundProblemError(`mentorCapacity[${j}] must be a whole number from 0 to ${MAX_MENTOR_CAPACITY}`);
    }
    capacity[j] = c;
    if (c > maxCapacity) maxCapacity = c;
    totalCapacity += c;
  }
  const maxScore = problem.maxScore ?? DEFAULT_MAX_SCORE;
  if (!Number.isInteger(maxScore) || maxScore < 0 || maxScore > MAX_SCORE_LIMIT) {
    throw new RoundProblemError(`maxScore must be a whole number from 0 to ${MAX_SCORE_LIMIT}`);
  }
  const penalties = problem.loadPenalty ?? [];
  for (let k = 0; k < penalties.length; k++) {
    const p = penalties[k];
    if (!Number.isInteger(p) || p < 0 || p > 2 ** 31 - 1) throw new RoundProblemError(`loadPenalty[${k}] must be a whole number ≥ 0`);
    // Convexity is what makes "one slot per load level, cheapest first" exact:
    // with a decreasing step the flow would fill a mentor's 3rd slot before
    // its 2nd and the penalty it pays would not be the one the issue defines.
    if (k > 0 && p < penalties[k - 1]) throw new RoundProblemError('loadPenalty must be non-decreasing (a later mentee never costs less)');
  }
  const slotCost = new Float64Array(maxCapacity);
  for (let k = 0; k < maxCapacity; k++) {
    slotCost[k] = penalties.length === 0 ? 0 : penalties[Math.min(k, penalties.length - 1)];
  }
  const maxPenalty = maxCapacity === 0 ? 0 : slotCost[maxCapacity - 1];
  const maxMatchable = Math.min(menteeCount, totalCapacity);
  const big = lexicographicWeight(maxMatchable, maxScore, maxPenalty);
  // Duals and path lengths are sums along simple paths of the flow network
  // (n + m + 1 nodes, arcs worth at most B + W + P). The solver and the
  // certificate check re-verify the bound on the values they produce, so an
  // inexact sum could never pass as a proof.
  if ((big + maxScore + maxPenalty) * (menteeCount + mentorCount + 2) > SAFE_MAGNITUDE) {
    throw new RoundProblemError('round too large for exact integer arithmetic; split it or lower maxScore / loadPenalty');
  }
  if (typeof scorer?.scoreRow !== 'function') throw new RoundProblemError('scorer.scoreRow must be a function');
  return {
    menteeCount,
    mentorCount,
    capacity,
    maxCapacity,
    slotCost,
    maxScore,
    maxMatchable,
    lexicographicWeight: big,
    scorer,
  };
}

/** Penalty a mentor pays for holding `load` mentees: the sum of its first `load` slot costs. */
export function loadPenaltyTotal(round: PreparedRound, load: number): number {
  let total = 0;
  for (let k = 0; k < load; k++) total += round.slotCost[k];
  return total;
}

/**
 * Scores one mentee's row into `out` at `offset`, through `buffer` (the
 * scorer's 32-bit row). Range first (a read-only scan), then one typed-array
 * copy: faster than checking while copying.
 */
export function scoreRowInto(round: PreparedRound, mentee: number, buffer: Int32Array, out: Int16Array, offset: number): void {
  round.scorer.scoreRow(mentee, buffer);
  let low = 0;
  let high = 0;
  for (let j = 0; j < buffer.length; j++) {
    const s = buffer[j];
    low = s < low ? s : low;
    high = s > high ? s : high;
  }
  if (low < -1 || high > round.maxScore) rejectScores(round, mentee, buffer);
  out.set(buffer, offset);
}

/**
 * A faulty scoring model fails the round loudly, naming the first bad pair,
 * instead of bending the lexicographic constant (which assumes 0..maxScore).
 */
export function rejectScores(round: PreparedRound, mentee: number, row: Int32Array): never {
  const j = row.findIndex((s) => s < -1 || s > round.maxScore || !Number.isInteger(s));
  throw new RoundProblemError(`score of mentee ${mentee} and mentor ${j} is ${row[j]}, outside -1..${round.maxScore}`);
}

/** Adapts a per-pair function (convenient in tests and small rounds) to the row-oriented scorer. */
export function scorerFromPairFunction(weight: (mentee: number, mentor: number) => number): PairScorer {
  return {
    scoreRow(mentee: number, out: Int32Array): void {
      for (let j = 0; j < out.length; j++) out[j] = weight(mentee, j);
    },
  };
}
