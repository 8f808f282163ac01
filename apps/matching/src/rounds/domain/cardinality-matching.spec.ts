import { CandidateGraphBuilder, type CandidateGraph } from './candidate-graph';
import { konigPrices, maximumMatching } from './cardinality-matching';
import { seededRandom } from './synthetic-round-problem';

function randomGraph(random: () => number, mentees: number, mentors: number, density: number): CandidateGraph {
  const builder = new CandidateGraphBuilder(mentees, mentees * mentors);
  for (let i = 0; i < mentees; i++) {
    const row = Int32Array.from({ length: mentors }, (_, j) => j).filter(() => random() < density);
    builder.addRow(row, new Int32Array(row.length), row.length);
  }
  return builder.build();
}

/** The largest matching, by trying every choice (tiny graphs only). */
function bruteForceMaximum(graph: CandidateGraph, capacity: Int32Array): number {
  const load = new Int32Array(capacity.length);
  const visit = (i: number): number => {
    if (i === graph.menteeCount) return 0;
    let best = visit(i + 1);
    for (let e = graph.rowStart[i]; e < graph.rowStart[i + 1]; e++) {
      const j = graph.mentor[e];
      if (load[j] >= capacity[j]) continue;
      load[j]++;
      best = Math.max(best, 1 + visit(i + 1));
      load[j]--;
    }
    return best;
  };
  return visit(0);
}

describe('maximumMatching (Hopcroft–Karp with seats)', () => {
  it('finds as many pairs as an exhaustive search, within capacities, on 300 random graphs', () => {
    const random = seededRandom(5);
    for (let t = 0; t < 300; t++) {
      const capacity = Int32Array.from({ length: 1 + Math.floor(random() * 4) }, () => Math.floor(random() * 3));
      const graph = randomGraph(random, Math.floor(random() * 8), capacity.length, random());
      const matching = maximumMatching(graph, capacity);
      expect(matching.matched).toBe(bruteForceMaximum(graph, capacity));
      const load = new Int32Array(capacity.length);
      let counted = 0;
      matching.edgeOf.forEach((e, i) => {
        if (e < 0) return;
        expect(e).toBeGreaterThanOrEqual(graph.rowStart[i]);
        expect(e).toBeLessThan(graph.rowStart[i + 1]);
        load[graph.mentor[e]]++;
        counted++;
      });
      expect(counted).toBe(matching.matched);
      load.forEach((l, j) => expect(l).toBeLessThanOrEqual(capacity[j]));
    }
  });

  it('grows a given matching instead of starting over, and still reaches the maximum', () => {
    const random = seededRandom(8);
    const capacity = Int32Array.from({ length: 30 }, () => 1 + Math.floor(random() * 2));
    const graph = randomGraph(random, 60, 30, 0.08);
    const fresh = maximumMatching(graph, capacity);
    const start = fresh.edgeOf.map((e, i) => (i % 3 === 0 ? e : -1));
    expect(maximumMatching(graph, capacity, start).matched).toBe(fresh.matched);
  });
});

describe('konigPrices', () => {
  it('prices the counting problem exactly: every pair covered, totals equal (König)', () => {
    const random = seededRandom(21);
    const big = 1_000;
    for (let t = 0; t < 200; t++) {
      const capacity = Int32Array.from({ length: 1 + Math.floor(random() * 6) }, () => Math.floor(random() * 3));
      const graph = randomGraph(random, Math.floor(random() * 12), capacity.length, random() * 0.6);
      const matching = maximumMatching(graph, capacity);
      const price = konigPrices(graph, capacity, matching, big);
      // Each matched mentee is worth what its pair leaves; unmatched ones nothing.
      const value = Array.from(matching.edgeOf, (e) => (e < 0 ? 0 : big - price[graph.mentor[e]]));
      value.forEach((u) => expect(u).toBeGreaterThanOrEqual(0));
      for (let i = 0; i < graph.menteeCount; i++) {
        for (let e = graph.rowStart[i]; e < graph.rowStart[i + 1]; e++) expect(value[i] + price[graph.mentor[e]]).toBeGreaterThanOrEqual(big);
      }
      // A priced mentor is full, so the dual total Σu + Σ c_j·π_j equals matched·big.
      const dual = value.reduce((a, b) => a + b, 0) + Array.from(price).reduce((sum, p, j) => sum + p * capacity[j], 0);
      expect(dual).toBe(matching.matched * big);
    }
  });
});
