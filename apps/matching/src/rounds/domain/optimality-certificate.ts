import { loadPenaltyTotal, type PreparedRound, prepareRound, type RoundProblem, SAFE_MAGNITUDE, scoreRowInto } from './round-problem';

/**
 * Proof that a round's assignment is optimal (issue "Matching", item 3: "The
 * result must carry an optimality certificate: a dual solution (mentor prices,
 * mentee values) whose total equals the assignment's, checked over all
 * feasible pairs").
 *
 * The round as a linear programme, over every feasible pair (i, j), with
 * a_ij = B + score_ij (B from round-problem.ts) and p_k the k-th slot penalty:
 *
 *   maximise  Σ a_ij·x_ij − Σ p_k·y_jk
 *   s.t.      Σ_j x_ij ≤ 1                (each mentee once)           dual u_i ≥ 0
 *             Σ_i x_ij = Σ_k y_jk         (mentor j's load)            dual π_j (free)
 *             0 ≤ y_jk ≤ 1, k = 1..c_j    (its slots)                  dual s_jk ≥ 0
 *
 * Its dual: minimise Σ u_i + Σ_jk s_jk subject to u_i + π_j ≥ a_ij for every
 * feasible pair and s_jk ≥ π_j − p_k; the best s_jk is max(0, π_j − p_k), so
 * mentee values and mentor prices are the whole certificate. Any feasible
 * dual bounds every assignment from above (weak duality), so a dual whose
 * total equals the assignment's value proves that no assignment, fractional
 * or whole, does better: a zero gap is optimality, whatever algorithm found
 * the assignment. A mentor without capacity has no slot, so its price costs
 * nothing and is set high enough to cover every pair.
 */
export interface OptimalityCertificate {
  /** B: the bonus each match carries, making the linear optimum the lexicographic one. */
  readonly lexicographicWeight: number;
  /** u_i ≥ 0 per mentee (0 for an unmatched one). */
  readonly menteeValue: Float64Array;
  /** π_j per mentor. */
  readonly mentorPrice: Float64Array;
  /** matched·B + total score − total penalty. */
  readonly primalValue: number;
  /** Σ u_i + Σ_j Σ_k max(0, π_j − p_k). */
  readonly dualValue: number;
}

/** What a certificate speaks about: the assignment and its claimed totals. */
export interface CertifiedAssignment {
  /** Mentor index per mentee, or -1. */
  readonly mentorOf: Int32Array;
  readonly matchedCount: number;
  readonly totalScore: number;
  readonly totalPenalty: number;
  readonly certificate: OptimalityCertificate;
}

export interface DualViolation {
  readonly mentee: number;
  readonly mentor: number;
  /** a_ij − u_i − π_j > 0: how far the pair beats the prices. */
  readonly shortfall: number;
}

export interface CertificateCheck {
  readonly ok: boolean;
  /** Dual total − primal total, recomputed from the input; 0 proves optimality (with no violation). */
  readonly gap: number;
  readonly primalValue: number;
  readonly dualValue: number;
  /** Feasible pairs where u_i + π_j < a_ij. */
  readonly violatingPairs: number;
  /** The first one in (mentee, mentor) order. */
  readonly firstViolation: DualViolation | null;
  /** Everything else that is wrong: the assignment, its totals, malformed duals. */
  readonly problems: readonly string[];
}

/**
 * Recomputes everything from the input alone: the assignment's feasibility
 * and totals through the scorer, dual feasibility over every feasible pair
 * (one pass over all pairs, not the solver's short list), and both totals in
 * exact integer arithmetic.
 */
export function checkCertificate(problem: RoundProblem, solution: CertifiedAssignment): CertificateCheck {
  const round = prepareRound(problem);
  const n = round.menteeCount;
  const m = round.mentorCount;
  const { certificate, mentorOf } = solution;
  const { menteeValue: u, mentorPrice: price } = certificate;
  const problems: string[] = [];

  if (mentorOf.length !== n) problems.push(`mentorOf has ${mentorOf.length} entries for ${n} mentees`);
  if (u.length !== n) problems.push(`menteeValue has ${u.length} entries for ${n} mentees`);
  if (price.length !== m) problems.push(`mentorPrice has ${price.length} entries for ${m} mentors`);
  if (problems.length > 0) return failed(problems);
  if (certificate.lexicographicWeight !== round.lexicographicWeight) {
    problems.push(`lexicographicWeight is ${certificate.lexicographicWeight}, the input gives ${round.lexicographicWeight}`);
  }
  // Integers within the safe range make every sum below exact.
  for (let i = 0; i < n; i++) {
    if (!isSafeWhole(u[i])) problems.push(`menteeValue[${i}] = ${u[i]} is not a whole number within ±2^50`);
    else if (u[i] < 0) problems.push(`menteeValue[${i}] = ${u[i]} is negative`);
  }
  for (let j = 0; j < m; j++) if (!isSafeWhole(price[j])) problems.push(`mentorPrice[${j}] = ${price[j]} is not a whole number within ±2^50`);
  if (problems.length > 0) return failed(problems);

  const big = round.lexicographicWeight;
  const load = new Int32Array(m);
  const buffer = new Int32Array(m);
  const row = new Int16Array(m);
  let matched = 0;
  let totalScore = 0;
  let violatingPairs = 0;
  let firstViolation: DualViolation | null = null;
  for (let i = 0; i < n; i++) {
    scoreRowInto(round, i, buffer, row, 0);
    const assigned = mentorOf[i];
    if (assigned !== -1) {
      if (!Number.isInteger(assigned) || assigned < 0 || assigned >= m) {
        problems.push(`mentee ${i} is assigned to mentor ${assigned}, which does not exist`);
      } else if (row[assigned] < 0) {
        problems.push(`mentee ${i} is assigned to mentor ${assigned} although a hard constraint fails`);
      } else {
        matched++;
        totalScore += row[assigned];
        load[assigned]++;
      }
    }
    // u_i + π_j ≥ B + s  ⇔  s − π_j ≤ u_i − B; one subtraction per pair,
    // and the rarely true test first (see keepMostBeating in round-solver.ts).
    const limit = u[i] - big;
    for (let j = 0; j < m; j++) {
      const s = row[j];
      if (s - price[j] > limit && s >= 0) {
        violatingPairs++;
        if (firstViolation === null) firstViolation = { mentee: i, mentor: j, shortfall: s - price[j] - limit };
      }
    }
  }

  let totalPenalty = 0;
  for (let j = 0; j < m; j++) {
    if (load[j] > round.capacity[j]) problems.push(`mentor ${j} holds ${load[j]} mentees for a capacity of ${round.capacity[j]}`);
    totalPenalty += loadPenaltyTotal(round, Math.min(load[j], round.capacity[j]));
  }
  if (matched !== solution.matchedCount) problems.push(`matchedCount is ${solution.matchedCount}, the assignment matches ${matched}`);
  if (totalScore !== solution.totalScore) problems.push(`totalScore is ${solution.totalScore}, the assignment scores ${totalScore}`);
  if (totalPenalty !== solution.totalPenalty) problems.push(`totalPenalty is ${solution.totalPenalty}, the assignment costs ${totalPenalty}`);

  const primal = BigInt(matched) * BigInt(big) + BigInt(totalScore) - BigInt(totalPenalty);
  const dual = dualTotal(round, u, price);
  const gap = dual - primal;
  if (BigInt(certificate.primalValue) !== primal) problems.push(`certificate.primalValue is ${certificate.primalValue}, recomputed ${primal}`);
  if (BigInt(certificate.dualValue) !== dual) problems.push(`certificate.dualValue is ${certificate.dualValue}, recomputed ${dual}`);
  if (gap !== 0n) problems.push(`duality gap is ${gap}, not 0`);
  if (violatingPairs > 0) problems.push(`${violatingPairs} feasible pair(s) beat the prices`);
  return {
    ok: problems.length === 0,
    gap: Number(gap),
    primalValue: Number(primal),
    dualValue: Number(dual),
    violatingPairs,
    firstViolation,
    problems,
  };
}

/** Σ u_i + Σ_j Σ_{k ≤ c_j} max(0, π_j − p_k), exactly. */
export function dualTotal(round: PreparedRound, menteeValue: Float64Array, mentorPrice: Float64Array): bigint {
  let total = 0n;
  for (let i = 0; i < menteeValue.length; i++) total += BigInt(menteeValue[i]);
  for (let j = 0; j < mentorPrice.length; j++) {
    for (let k = 0; k < round.capacity[j]; k++) {
      const slack = mentorPrice[j] - round.slotCost[k];
      if (slack > 0) total += BigInt(slack);
    }
  }
  return total;
}

function isSafeWhole(x: number): boolean {
  return Number.isInteger(x) && Math.abs(x) <= SAFE_MAGNITUDE;
}

function failed(problems: string[]): CertificateCheck {
  return { ok: false, gap: NaN, primalValue: NaN, dualValue: NaN, violatingPairs: 0, firstViolation: null, problems };
}
