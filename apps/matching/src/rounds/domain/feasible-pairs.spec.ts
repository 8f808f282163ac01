import { FeasiblePairs, keepMostBeating } from './feasible-pairs';
import { prepareRound, RoundProblemError, scorerFromPairFunction } from './round-problem';
import { seededRandom } from './synthetic-round-problem';

function roundOf(weights: number[][], mentors: number, maxScore = 100) {
  return prepareRound({
    menteeCount: weights.length,
    mentorCapacity: new Array(mentors).fill(1),
    maxScore,
    scorer: scorerFromPairFunction((i, j) => weights[i][j]),
  });
}

function rowOf(pairs: FeasiblePairs): [number, number][] {
  const out: [number, number][] = [];
  for (let e = pairs.start; e < pairs.end; e++) out.push([pairs.mentor[e], pairs.score[e]]);
  return out;
}

describe('FeasiblePairs', () => {
  const random = seededRandom(3);
  const weights = Array.from({ length: 40 }, () => Array.from({ length: 25 }, () => (random() < 0.4 ? Math.floor(random() * 101) : -1)));
  const dense = weights.map((row) => row.flatMap((s, j) => (s >= 0 ? [[j, s] as [number, number]] : [])));

  it('keeps exactly the feasible pairs of each row, in mentor order, and reads them back', () => {
    const pairs = new FeasiblePairs(roundOf(weights, 25), 1 << 20);
    weights.forEach((_, i) => {
      pairs.load(i);
      expect(rowOf(pairs)).toEqual(dense[i]);
    });
    expect(pairs.cached).toBe(true);
    for (let i = weights.length - 1; i >= 0; i--) {
      pairs.load(i);
      expect(rowOf(pairs)).toEqual(dense[i]);
    }
  });

  it('falls back to scoring again when the budget runs out mid-pass, with the same rows', () => {
    let calls = 0;
    const round = prepareRound({
      menteeCount: weights.length,
      mentorCapacity: new Array(25).fill(1),
      maxScore: 100,
      scorer: { scoreRow: (i, out) => (calls++, out.set(weights[i])) },
    });
    const pairs = new FeasiblePairs(round, 4 * 100); // room for 100 pairs: a few rows
    weights.forEach((_, i) => {
      pairs.load(i);
      expect(rowOf(pairs)).toEqual(dense[i]);
    });
    expect(pairs.cached).toBe(false);
    const first = calls;
    pairs.load(0);
    expect(rowOf(pairs)).toEqual(dense[0]);
    expect(calls).toBe(first + 1);
  });

  it('rejects a score outside -1..maxScore, naming the pair', () => {
    const pairs = new FeasiblePairs(roundOf([[1, 101]], 2), 1 << 20);
    expect(() => pairs.load(0)).toThrow(RoundProblemError);
    expect(() => new FeasiblePairs(roundOf([[-3, 1]], 2), 0).load(0)).toThrow('score of mentee 0 and mentor 0 is -3, outside -1..100');
  });
});

describe('keepMostBeating', () => {
  it('keeps the pairs beating the limit by most, ties to the lower mentor, optionally among marked mentors only', () => {
    const pairs = new FeasiblePairs(roundOf([[10, -1, 30, 30, 5, 40]], 6), 1 << 20);
    pairs.load(0);
    const price = Float64Array.from([0, 0, 10, 10, 0, 25]);
    const mentors = new Int32Array(3);
    const scores = new Int32Array(3);
    const excess = new Float64Array(3);
    // Excesses: 10, -, 20, 20, 5, 15. Above 5: mentors 2 and 3 (20), 5 (15), 0 (10).
    expect(keepMostBeating(pairs, price, 5, null, 3, mentors, scores, excess)).toBe(3);
    expect(Array.from(mentors)).toEqual([2, 3, 5]);
    expect(Array.from(scores)).toEqual([30, 30, 40]);
    expect(Array.from(excess)).toEqual([20, 20, 15]);
    const among = Uint8Array.from([1, 1, 0, 0, 1, 0]);
    expect(keepMostBeating(pairs, price, 5, among, 3, mentors, scores, excess)).toBe(1);
    expect(mentors[0]).toBe(0);
  });
});
