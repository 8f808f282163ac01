import { AddedPairs, ShortListBuilder } from './candidate-graph';
import { FeasiblePairs } from './feasible-pairs';
import { prepareRound, scorerFromPairFunction } from './round-problem';

function pairsOf(weights: number[][], capacity: number[]): { pairs: FeasiblePairs; capacity: Int32Array } {
  const round = prepareRound({ menteeCount: weights.length, mentorCapacity: capacity, maxScore: 100, scorer: scorerFromPairFunction((i, j) => weights[i][j]) });
  return { pairs: new FeasiblePairs(round, 1 << 20), capacity: round.capacity };
}

function rows(graph: { menteeCount: number; rowStart: Int32Array; mentor: Int32Array; score: Int32Array }): [number, number][][] {
  return Array.from({ length: graph.menteeCount }, (_, i) =>
    Array.from({ length: graph.rowStart[i + 1] - graph.rowStart[i] }, (_, k) => [graph.mentor[graph.rowStart[i] + k], graph.score[graph.rowStart[i] + k]] as [number, number]),
  );
}

describe('ShortListBuilder', () => {
  it("keeps each mentee's best mentors, best first, ties to the lower mentor, none without capacity or constraint", () => {
    const { pairs, capacity } = pairsOf(
      [
        [5, 9, 9, -1, 7, 50],
        [1, 2, 3, 4, 5, 6],
      ],
      [1, 1, 1, 1, 1, 0],
    );
    const lists = new ShortListBuilder(2, capacity, 3, 0);
    for (let i = 0; i < 2; i++) {
      pairs.load(i);
      lists.offer(pairs);
    }
    expect(rows(lists.build())).toEqual([
      [
        [1, 9],
        [2, 9],
        [4, 7],
      ],
      [
        [4, 5],
        [3, 4],
        [2, 3],
      ],
    ]);
  });

  it("adds each mentor's best mentees the mentees' lists lack, ties to the earlier mentee", () => {
    const { pairs, capacity } = pairsOf(
      [
        [9, 1],
        [9, 2],
        [8, 2],
      ],
      [1, 1],
    );
    // One per mentee: everybody lists mentor 0; one per mentor adds mentor 1's best (mentee 1, first of the 2s).
    const lists = new ShortListBuilder(3, capacity, 1, 1);
    for (let i = 0; i < 3; i++) {
      pairs.load(i);
      lists.offer(pairs);
    }
    expect(rows(lists.build())).toEqual([[[0, 9]], [[0, 9], [1, 2]], [[0, 8]]]);
  });
});

describe('CandidateGraph.withAddedPairs', () => {
  it('appends new pairs after each mentee\'s old ones, so edge numbers can be shifted row by row', () => {
    const { pairs, capacity } = pairsOf([[3, 2, 1], [1, 2, 3]], [1, 1, 1]);
    const lists = new ShortListBuilder(2, capacity, 1, 0);
    for (let i = 0; i < 2; i++) {
      pairs.load(i);
      lists.offer(pairs);
    }
    const graph = lists.build();
    const added = new AddedPairs();
    added.add(0, 2, 1);
    added.add(1, 0, 1);
    added.add(1, 1, 2);
    const bigger = graph.withAddedPairs(added);
    expect(rows(bigger)).toEqual([
      [
        [0, 3],
        [2, 1],
      ],
      [
        [2, 3],
        [0, 1],
        [1, 2],
      ],
    ]);
    expect(Array.from(bigger.rowStart)).toEqual([0, 2, 5]);
  });
});
