import type { CandidateGraph } from './candidate-graph';

/**
 * The first half of the lexicographic objective alone (issue "Matching",
 * item 3: "maximising first the number of matched mentees"): a maximum
 * matching of mentees to mentor seats on the candidate graph, by
 * Hopcroft–Karp (shortest augmenting paths, many per phase, O(√V·E)).
 *
 * It is where the solver starts: with every score set to 0 the round is a
 * pure counting problem, and König's theorem gives its optimal prices
 * directly (see konigPrices). That start is off by at most the score range on
 * any arc, and cost scaling brings the scores in from there
 * (cost-scaling-refiner.ts) without ever reopening the count, which is what
 * keeps a tight round (as many seats as mentees) fast.
 *
 * Deterministic: mentees and edges in index order.
 */
export interface CardinalityMatching {
  /** Candidate edge per mentee, or -1. */
  readonly edgeOf: Int32Array;
  readonly matched: number;
}

/** `start`, when given, is a matching to grow from (candidate edge per mentee, -1 for none). */
export function maximumMatching(graph: CandidateGraph, capacity: Int32Array, start?: Int32Array): CardinalityMatching {
  const n = graph.menteeCount;
  const m = capacity.length;
  const { rowStart, mentor } = graph;
  let stride = 1;
  for (let j = 0; j < m; j++) stride = Math.max(stride, capacity[j]);
  const edgeOf = new Int32Array(n).fill(-1);
  const seats = new Int32Array(m * stride);
  const load = new Int32Array(m);
  let matched = 0;

  if (start !== undefined) {
    for (let i = 0; i < n; i++) {
      const e = start[i];
      if (e >= 0 && load[mentor[e]] < capacity[mentor[e]]) {
        edgeOf[i] = e;
        seats[mentor[e] * stride + load[mentor[e]]++] = i;
        matched++;
      }
    }
  }
  // A greedy pass first: most mentees get a seat without any search.
  for (let i = 0; i < n; i++) {
    if (edgeOf[i] >= 0) continue;
    for (let e = rowStart[i]; e < rowStart[i + 1]; e++) {
      const j = mentor[e];
      if (load[j] < capacity[j]) {
        edgeOf[i] = e;
        seats[j * stride + load[j]++] = i;
        matched++;
        break;
      }
    }
  }

  const layer = new Int32Array(n);
  const queue = new Int32Array(n);
  const cursor = new Int32Array(n);
  const pathMentee = new Int32Array(n + 1);
  const pathEdge = new Int32Array(n + 1);
  const UNREACHED = 0x7fffffff;
  const used = new Int32Array(n);
  for (let phase = 1; ; phase++) {
    // BFS from every free mentee through alternating paths; stop at the layer where a mentor with a free seat appears.
    let head = 0;
    let tail = 0;
    for (let i = 0; i < n; i++) {
      if (edgeOf[i] < 0) {
        layer[i] = 0;
        queue[tail++] = i;
      } else {
        layer[i] = UNREACHED;
      }
    }
    let freeLayer = UNREACHED;
    while (head < tail) {
      const i = queue[head++];
      if (layer[i] >= freeLayer) break;
      for (let e = rowStart[i]; e < rowStart[i + 1]; e++) {
        const j = mentor[e];
        if (e === edgeOf[i]) continue;
        if (load[j] < capacity[j]) {
          if (freeLayer === UNREACHED) freeLayer = layer[i] + 1;
          continue;
        }
        for (let k = 0; k < load[j]; k++) {
          const r = seats[j * stride + k];
          if (layer[r] === UNREACHED) {
            layer[r] = layer[i] + 1;
            queue[tail++] = r;
          }
        }
      }
    }
    if (freeLayer === UNREACHED) break;

    // DFS along the layers for vertex-disjoint shortest augmenting paths (iterative: paths can be long).
    let augmented = 0;
    for (let i = 0; i < n; i++) cursor[i] = rowStart[i];
    for (let start = 0; start < n; start++) {
      if (edgeOf[start] >= 0 || layer[start] !== 0) continue;
      used[start] = phase;
      let depth = 0;
      pathMentee[0] = start;
      while (depth >= 0) {
        const i = pathMentee[depth];
        let advanced = false;
        while (cursor[i] < rowStart[i + 1]) {
          const e = cursor[i];
          const j = mentor[e];
          if (e === edgeOf[i]) {
            cursor[i]++;
            continue;
          }
          if (load[j] < capacity[j]) {
            cursor[i]++;
            if (layer[i] + 1 !== freeLayer) continue;
            // Flip the path: each mentee on it moves to the mentor after it.
            pathEdge[depth] = e;
            for (let d = depth; d >= 0; d--) {
              const r = pathMentee[d];
              const f = pathEdge[d];
              const to = mentor[f];
              if (edgeOf[r] >= 0) unseat(seats, load, stride, mentor[edgeOf[r]], r);
              seats[to * stride + load[to]++] = r;
              edgeOf[r] = f;
            }
            matched++;
            augmented++;
            depth = -1;
            advanced = true;
            break;
          }
          // Stay on this edge until none of the mentor's mentees leads anywhere.
          let next = -1;
          for (let k = 0; k < load[j]; k++) {
            const r = seats[j * stride + k];
            if (layer[r] === layer[i] + 1 && used[r] !== phase) {
              next = r;
              break;
            }
          }
          if (next < 0) {
            cursor[i]++;
            continue;
          }
          // A mentee is used by one path per phase at most.
          used[next] = phase;
          pathEdge[depth] = e;
          pathMentee[++depth] = next;
          advanced = true;
          break;
        }
        if (!advanced) {
          used[i] = phase;
          depth--;
        }
      }
    }
    if (augmented === 0) break;
  }
  return { edgeOf, matched };
}

/**
 * Optimal prices of the counting problem (every pair worth `big`), from
 * König's theorem: mentors reachable from an unmatched mentee by alternating
 * paths are full and worth `big`, the others nothing; mentees reachable that
 * way are worth nothing, the other matched ones `big`. Every pair is then
 * covered (u_i + π_j ≥ big) and the totals agree.
 */
export function konigPrices(graph: CandidateGraph, capacity: Int32Array, matching: CardinalityMatching, big: number): Float64Array {
  const { mentor, rowStart } = graph;
  const reached = reachableFromUnmatched(graph, capacity, matching);
  const price = new Float64Array(capacity.length);
  for (let i = 0; i < graph.menteeCount; i++) {
    if (reached[i] === 0) continue;
    for (let e = rowStart[i]; e < rowStart[i + 1]; e++) price[mentor[e]] = big;
  }
  return price;
}

/**
 * Mentees reachable from an unmatched one by alternating paths (any edge to
 * a mentor, then a mentee seated there), unmatched ones included. In a
 * maximum matching every mentor reached this way is full.
 */
export function reachableFromUnmatched(graph: CandidateGraph, capacity: Int32Array, matching: CardinalityMatching): Uint8Array {
  const n = graph.menteeCount;
  const m = capacity.length;
  const { rowStart, mentor } = graph;
  // Mentees seated per mentor, as lists.
  const seatedStart = new Int32Array(m + 1);
  for (let i = 0; i < n; i++) if (matching.edgeOf[i] >= 0) seatedStart[mentor[matching.edgeOf[i]] + 1]++;
  for (let j = 0; j < m; j++) seatedStart[j + 1] += seatedStart[j];
  const next = seatedStart.slice(0, m);
  const seated = new Int32Array(n);
  for (let i = 0; i < n; i++) if (matching.edgeOf[i] >= 0) seated[next[mentor[matching.edgeOf[i]]]++] = i;

  const reached = new Uint8Array(n);
  const visited = new Uint8Array(m);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) {
    if (matching.edgeOf[i] < 0) {
      reached[i] = 1;
      queue[tail++] = i;
    }
  }
  while (head < tail) {
    const i = queue[head++];
    for (let e = rowStart[i]; e < rowStart[i + 1]; e++) {
      const j = mentor[e];
      if (visited[j] === 1) continue;
      visited[j] = 1;
      for (let s = seatedStart[j]; s < seatedStart[j + 1]; s++) {
        const r = seated[s];
        if (reached[r] === 0) {
          reached[r] = 1;
          queue[tail++] = r;
        }
      }
    }
  }
  return reached;
}

function unseat(seats: Int32Array, load: Int32Array, stride: number, j: number, i: number): void {
  const base = j * stride;
  const last = --load[j];
  for (let k = 0; k <= last; k++) {
    if (seats[base + k] === i) {
      seats[base + k] = seats[base + last];
      return;
    }
  }
  throw new Error(`mentee ${i} is not seated at mentor ${j}`);
}
