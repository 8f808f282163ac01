import { linearSumAssignment } from 'linear-sum-assignment';
import type { PairScorer } from '../../apps/matching/src/rounds/domain/round-problem';

/**
 * The reference optimum for small rounds, from an independent algorithm: a
 * dense rectangular assignment (Jonker–Volgenant) over every mentee and every
 * seat (a mentor of capacity c is c columns). A feasible pair is worth
 * B + score with B larger than any total score, so the most matches come
 * first, then the best total, as in the exact solver; an infeasible pair is
 * worth 0, i.e. the mentee stays unmatched.
 */
export function denseOptimum(menteeCount: number, capacities: readonly number[], scorer: PairScorer): { matched: number; total: number } {
  const seats: number[] = capacities.flatMap((capacity, mentor) => Array.from({ length: capacity }, () => mentor));
  const row = new Int32Array(capacities.length);
  const scores: Int32Array[] = [];
  let maxScore = 0;
  for (let i = 0; i < menteeCount; i++) {
    scorer.scoreRow(i, row);
    scores.push(Int32Array.from(row));
    for (const score of row) maxScore = Math.max(maxScore, score);
  }
  const bonus = (maxScore + 1) * Math.min(menteeCount, seats.length) + 1;
  const matrix = scores.map((mentee) => seats.map((mentor) => (mentee[mentor] >= 0 ? bonus + mentee[mentor] : 0)));
  const { rowAssignments } = linearSumAssignment(matrix, { maximaze: true });
  let matched = 0;
  let total = 0;
  rowAssignments.forEach((seat, mentee) => {
    if (seat < 0) return;
    const score = scores[mentee][seats[seat]];
    if (score < 0) return;
    matched += 1;
    total += score;
  });
  return { matched, total };
}
