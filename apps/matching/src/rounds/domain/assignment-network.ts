import type { CandidateGraph } from './candidate-graph';

/**
 * The exact half of the solver (issue "Matching", item 3: "a min-cost-flow /
 * assignment algorithm you write and test"), on this flow network:
 *
 *   mentee i ──(value a_ij = B + score_ij)──▶ mentor j ──(k-th slot, cost p_k)──▶ sink
 *   mentee i ─────────────(stay unmatched, value 0)─────────────────────────────▶ sink
 *
 * Each mentee sends one unit to the sink, through a mentor or straight (left
 * unmatched); the round maximises Σ a − Σ p, B being the lexicographic bonus
 * of round-problem.ts. A mentor's slots are convex (p_1 ≤ p_2 ≤ …), so the
 * flow fills them cheapest first and one "next slot" arc per mentor is exact.
 *
 * The flow is optimal exactly when potentials φ give every residual arc a
 * non-negative reduced cost:
 *   mentee→mentor (not assigned)  φ_i − a − φ_j       mentor→its mentee  a + φ_j − φ_i
 *   mentor→sink (next free slot)  p_{L+1} + φ_j − φ_t  sink→mentor (last used slot)  φ_t − φ_j − p_L
 *   matched mentee→sink (leave)   φ_i − φ_t           sink→unmatched mentee  φ_t − φ_i
 * Read as LP duals, u_i = φ_i − φ_t is a mentee's value and π_j = φ_t − φ_j a
 * mentor's price (optimality-certificate.ts): the solver's own bookkeeping is
 * the certificate.
 *
 * It starts from any assignment and prices (warmStart: in practice the
 * cost-scaling refiner's, off by a fraction of a point), and takes in a few
 * new pairs from pricing the same way (addPairs). Prices are clamped into
 * what each mentor's load allows and every arc still negative is left out,
 * then brought back one at a time. An arc x→y with reduced cost r < 0 is
 * repaired by a Dijkstra from y, no further than |r|, looking for a way back
 * to x: found at distance d < |r|, the cycle x → y ⇝ x gains |r| − d and is
 * flipped; not found, the potentials within |r| of y move, which prices the
 * arc exactly and moves nobody. Either way every arc in is non-negative
 * again. The work is bounded by how far off the start was, which is why the
 * refiner comes first.
 *
 * Everything is integers held in doubles, below 2^50 (checked by the caller),
 * so every sum is exact and ties are real ties. All state is typed arrays
 * owned by the instance: nothing here closes over the caller, so it runs as is
 * in a worker thread.
 */
export const UNMATCHED = -1;

export class AssignmentNetwork {
  readonly menteeCount: number;
  readonly mentorCount: number;
  private readonly sink: number;
  private graph: CandidateGraph;
  /** a_ij = B + score, per candidate edge. */
  private value: Float64Array;
  /** Arcs in the network; warmStart leaves the negative ones out until repairAll brings them in. */
  private active: Uint8Array;
  /** Matched mentees whose "leave" arc is still negative, also waiting for repairAll. */
  private readonly dropBlocked: Uint8Array;

  /** Mentor index per mentee, or UNMATCHED. */
  readonly mentorOf: Int32Array;
  /** Candidate edge of each assigned mentee. */
  private readonly assignedEdge: Int32Array;
  private readonly seatStride: number;
  private readonly seats: Int32Array;
  /** Mentees each mentor holds: its load. */
  readonly load: Int32Array;

  /** φ for mentees [0, n), mentors [n, n + m) and the sink (n + m). */
  private readonly potential: Float64Array;

  // Dijkstra scratch, reused by every search; the stamps avoid clearing.
  private readonly dist: Float64Array;
  private readonly pred: Int32Array;
  private readonly predEdge: Int32Array;
  private readonly seen: Int32Array;
  private readonly done: Int32Array;
  private readonly settled: Int32Array;
  private readonly heap: Int32Array;
  private readonly heapPos: Int32Array;
  private heapSize = 0;
  private stamp = 0;
  /** The current search's bound (its limit, then the target's distance once reached), target and outcome. */
  private best = Infinity;
  private target = -1;
  private reached = false;

  /** What the solve cost, for the round's report. */
  settledNodes = 0;
  repairs = 0;

  constructor(
    graph: CandidateGraph,
    private readonly capacity: Int32Array,
    private readonly slotCost: Float64Array,
    private readonly big: number,
  ) {
    const n = graph.menteeCount;
    const m = capacity.length;
    this.menteeCount = n;
    this.mentorCount = m;
    this.sink = n + m;
    this.graph = graph;
    this.value = edgeValues(graph, big);
    this.active = new Uint8Array(graph.edgeCount).fill(1);
    this.dropBlocked = new Uint8Array(n);
    this.mentorOf = new Int32Array(n).fill(UNMATCHED);
    this.assignedEdge = new Int32Array(n).fill(-1);
    this.seatStride = Math.max(1, slotCost.length);
    this.seats = new Int32Array(m * this.seatStride);
    this.load = new Int32Array(m);
    const nodes = n + m + 1;
    this.potential = new Float64Array(nodes);
    this.dist = new Float64Array(nodes);
    this.pred = new Int32Array(nodes);
    this.predEdge = new Int32Array(nodes);
    this.seen = new Int32Array(nodes);
    this.done = new Int32Array(nodes);
    this.settled = new Int32Array(nodes);
    this.heap = new Int32Array(nodes);
    this.heapPos = new Int32Array(nodes);
  }

  /**
   * Swaps in a graph that extends the current one (each mentee's old edges
   * first, in order, then `addedPerMentee[i]` new ones) and repairs the new
   * arcs that beat the prices. For a handful of pairs this is much cheaper
   * than solving again: only the potentials near them move.
   */
  addPairs(graph: CandidateGraph, addedPerMentee: Int32Array): void {
    const old = this.graph.rowStart;
    const active = new Uint8Array(graph.edgeCount);
    for (let i = 0; i < this.menteeCount; i++) {
      if (graph.rowStart[i + 1] - graph.rowStart[i] !== old[i + 1] - old[i] + addedPerMentee[i]) {
        throw new Error(`row ${i} of the new graph does not extend the old one`);
      }
      const shift = graph.rowStart[i] - old[i];
      const e = this.assignedEdge[i];
      if (e >= 0) this.assignedEdge[i] = e + shift;
      for (let f = old[i]; f < old[i + 1]; f++) active[f + shift] = 1;
    }
    this.graph = graph;
    this.value = edgeValues(graph, this.big);
    this.active = active;
    this.repairAll();
  }

  /**
   * Starts from an assignment (candidate edge per mentee, -1 unmatched) and
   * mentor prices, then repairs until optimal; see the class comment. Any
   * input works; a good one makes it cheap.
   */
  warmStart(edgeOf: Int32Array, mentorPrice: Float64Array): void {
    const n = this.menteeCount;
    const m = this.mentorCount;
    const phi = this.potential;
    const { rowStart, mentor } = this.graph;
    this.load.fill(0);
    for (let i = 0; i < n; i++) {
      const e = edgeOf[i];
      if (e >= 0 && this.load[mentor[e]] < this.capacity[mentor[e]]) this.seat(i, mentor[e], e);
      else this.leave(i);
    }
    phi[this.sink] = 0;
    for (let j = 0; j < m; j++) {
      const load = this.load[j];
      let price = mentorPrice[j];
      if (this.capacity[j] === 0) price = 0;
      else if (!Number.isFinite(price)) price = load < this.capacity[j] ? this.slotCost[load] : this.slotCost[load - 1];
      if (load > 0 && price < this.slotCost[load - 1]) price = this.slotCost[load - 1];
      if (load < this.capacity[j] && price > this.slotCost[load]) price = this.slotCost[load];
      phi[n + j] = -Math.round(price);
    }
    for (let i = 0; i < n; i++) {
      const j = this.mentorOf[i];
      phi[i] = j >= 0 ? this.value[this.assignedEdge[i]] + phi[n + j] : phi[this.sink];
      this.dropBlocked[i] = j >= 0 && phi[i] < phi[this.sink] ? 1 : 0;
      for (let e = rowStart[i]; e < rowStart[i + 1]; e++) {
        this.active[e] = e === this.assignedEdge[i] || phi[i] - this.value[e] - phi[n + mentor[e]] >= 0 ? 1 : 0;
      }
    }
    this.repairAll();
  }

  /**
   * Brings every left-out arc back, in mentee order, each with the repair
   * described in the class comment; the arcs already in stay non-negative
   * throughout, so each search is a plain Dijkstra.
   */
  private repairAll(): void {
    const n = this.menteeCount;
    const phi = this.potential;
    const { rowStart, mentor } = this.graph;
    for (let i = 0; i < n; i++) {
      if (this.dropBlocked[i] === 1) {
        // Leaving pays more than staying: look for a way back from the sink.
        const reduced = phi[i] - phi[this.sink];
        if (reduced < 0 && this.mentorOf[i] >= 0) {
          this.repairs++;
          if (this.search(this.sink, i, -reduced)) this.flip(this.sink, i, -1);
        }
        this.dropBlocked[i] = 0;
      }
      for (let e = rowStart[i]; e < rowStart[i + 1]; e++) {
        if (this.active[e] === 1) continue;
        const x = n + mentor[e];
        // An earlier repair may already have priced this pair.
        const reduced = phi[i] - this.value[e] - phi[x];
        if (reduced < 0) {
          this.repairs++;
          if (this.search(x, i, -reduced)) this.flip(x, i, e);
        }
        this.active[e] = 1;
      }
    }
  }

  /**
   * Raises mentee potentials to the tightest value (assigned arcs exactly
   * tight, unmatched mentees level with the sink). Raising a mentee's
   * potential only raises its out-arcs' reduced costs, so the flow stays
   * optimal; what it buys is complementary slackness, needed for a zero gap.
   */
  normalize(): void {
    const n = this.menteeCount;
    const phi = this.potential;
    for (let i = 0; i < n; i++) {
      const j = this.mentorOf[i];
      if (j >= 0) phi[i] = this.value[this.assignedEdge[i]] + phi[n + j];
      else phi[i] = phi[this.sink];
    }
  }

  /** u_i = φ_i − φ_t (after normalize). */
  menteeValue(i: number): number {
    return this.potential[i] - this.potential[this.sink];
  }

  /** π_j = φ_t − φ_j. */
  mentorPrice(j: number): number {
    return this.potential[this.sink] - this.potential[this.menteeCount + j];
  }

  /** Candidate edge per mentee (-1 when unmatched): a warm start for another network on the same graph. */
  assignedEdges(): Int32Array {
    return this.assignedEdge.slice();
  }

  scoreOfAssignment(i: number): number {
    return this.graph.score[this.assignedEdge[i]];
  }

  /**
   * Dijkstra on reduced costs from `source`, settling nodes closer than both
   * `limit` and the target. Then Johnson's update with distances capped at
   * T = min(limit, distance of the target): settled nodes move by (d − T),
   * the others stay, every residual arc stays non-negative and the path to
   * the target becomes tight. Returns whether the target is closer than the
   * limit (the path is then in `pred`).
   */
  private search(source: number, target: number, limit: number): boolean {
    const n = this.menteeCount;
    const sink = this.sink;
    const phi = this.potential;
    const dist = this.dist;
    const seen = this.seen;
    const done = this.done;
    const pred = this.pred;
    const predEdge = this.predEdge;
    const { rowStart, mentor } = this.graph;
    const active = this.active;
    const value = this.value;
    const seats = this.seats;
    const stride = this.seatStride;
    const assignedEdge = this.assignedEdge;
    const mentorOf = this.mentorOf;

    const stamp = ++this.stamp;
    this.heapSize = 0;
    this.best = limit;
    this.target = target;
    this.reached = false;
    let settled = 0;
    seen[source] = stamp;
    dist[source] = 0;
    this.heapPush(source);

    while (this.heapSize > 0) {
      const x = this.heap[0];
      const dx = dist[x];
      // Ties stop the search: reaching the target at the same distance is as good.
      if (dx >= this.best) break;
      this.heapPop();
      done[x] = stamp;
      this.settled[settled++] = x;
      const base = dx + phi[x];
      if (x < n) {
        const own = mentorOf[x];
        for (let e = rowStart[x]; e < rowStart[x + 1]; e++) {
          const j = mentor[e];
          if (j === own || active[e] === 0) continue;
          const y = n + j;
          const d = base - value[e] - phi[y];
          // A node no closer than the best bound can never be settled.
          if (d >= this.best) continue;
          if (seen[y] === stamp) {
            if (done[y] === stamp || d >= dist[y]) continue;
            dist[y] = d;
            pred[y] = x;
            predEdge[y] = e;
            this.siftUp(this.heapPos[y], y);
          } else {
            seen[y] = stamp;
            dist[y] = d;
            pred[y] = x;
            predEdge[y] = e;
            this.heapPush(y);
          }
        }
        // Leaving (or staying) unmatched; an unmatched mentee holds the reverse arc.
        if (own !== UNMATCHED && this.dropBlocked[x] === 0) this.relax(sink, base - phi[sink], x);
      } else if (x < sink) {
        const j = x - n;
        const load = this.load[j];
        for (let k = 0; k < load; k++) {
          const r = seats[j * stride + k];
          this.relax(r, base + value[assignedEdge[r]] - phi[r], x);
        }
        if (load < this.capacity[j]) this.relax(sink, base + this.slotCost[load] - phi[sink], x);
      } else {
        // Only pricing repairs pass through the sink: one mentor frees its
        // last slot, another takes one, or an unmatched mentee comes in.
        for (let j = 0; j < this.mentorCount; j++) {
          const load = this.load[j];
          if (load > 0) this.relax(n + j, base - this.slotCost[load - 1] - phi[n + j], x);
        }
        for (let i = 0; i < n; i++) if (mentorOf[i] === UNMATCHED) this.relax(i, base - phi[i], x);
      }
    }
    this.settledNodes += settled;

    const cap = this.best;
    for (let f = 0; f < settled; f++) {
      const x = this.settled[f];
      phi[x] += dist[x] - cap;
    }
    return this.reached;
  }

  private relax(y: number, d: number, from: number): void {
    if (d >= this.best) return;
    if (y === this.target) {
      this.best = d;
      this.reached = true;
      this.pred[y] = from;
      return;
    }
    if (this.seen[y] === this.stamp) {
      if (this.done[y] === this.stamp || d >= this.dist[y]) return;
      this.dist[y] = d;
      this.pred[y] = from;
      this.siftUp(this.heapPos[y], y);
    } else {
      this.seen[y] = this.stamp;
      this.dist[y] = d;
      this.pred[y] = from;
      this.heapPush(y);
    }
  }

  /**
   * Flips the arcs of the path source ⇝ target found by the last search, and
   * the closing arc target → source when the two close a cycle (`closingEdge`
   * ≥ 0: mentee target joins mentor source). Walking back from the target, a
   * mentor always gives up a seat before it takes one.
   */
  private flip(source: number, target: number, closingEdge: number): void {
    const n = this.menteeCount;
    const sink = this.sink;
    let y = target;
    while (y !== source) {
      const x = this.pred[y];
      if (x < n) {
        if (y === sink) this.leave(x);
        else this.seat(x, y - n, this.predEdge[y]);
      } else if (x < sink && y < n) {
        this.unseat(x - n, y);
      }
      // Arcs into or out of the sink only change a slot's use, which the seats already count.
      y = x;
    }
    if (closingEdge >= 0) this.seat(target, source - n, closingEdge);
    else if (source === sink && target < n) this.leave(target);
  }

  private seat(i: number, j: number, edge: number): void {
    this.mentorOf[i] = j;
    this.assignedEdge[i] = edge;
    this.seats[j * this.seatStride + this.load[j]++] = i;
  }

  private leave(i: number): void {
    this.mentorOf[i] = UNMATCHED;
    this.assignedEdge[i] = -1;
  }

  private unseat(j: number, i: number): void {
    const base = j * this.seatStride;
    const last = --this.load[j];
    for (let k = 0; k <= last; k++) {
      if (this.seats[base + k] === i) {
        this.seats[base + k] = this.seats[base + last];
        return;
      }
    }
    throw new Error(`mentee ${i} is not seated at mentor ${j}`);
  }

  private heapPush(x: number): void {
    this.siftUp(this.heapSize++, x);
  }

  private heapPop(): void {
    const last = this.heap[--this.heapSize];
    if (this.heapSize > 0) this.siftDown(0, last);
  }

  // Ties by node index, so the search order is a function of the input alone.
  private siftUp(p: number, x: number): void {
    const heap = this.heap;
    const dist = this.dist;
    const d = dist[x];
    while (p > 0) {
      const parent = (p - 1) >> 1;
      const y = heap[parent];
      const dy = dist[y];
      if (dy < d || (dy === d && y < x)) break;
      heap[p] = y;
      this.heapPos[y] = p;
      p = parent;
    }
    heap[p] = x;
    this.heapPos[x] = p;
  }

  private siftDown(p: number, x: number): void {
    const heap = this.heap;
    const dist = this.dist;
    const size = this.heapSize;
    const d = dist[x];
    for (;;) {
      let c = 2 * p + 1;
      if (c >= size) break;
      let y = heap[c];
      let dy = dist[y];
      if (c + 1 < size) {
        const z = heap[c + 1];
        const dz = dist[z];
        if (dz < dy || (dz === dy && z < y)) {
          c++;
          y = z;
          dy = dz;
        }
      }
      if (d < dy || (d === dy && x < y)) break;
      heap[p] = y;
      this.heapPos[y] = p;
      p = c;
    }
    heap[p] = x;
    this.heapPos[x] = p;
  }
}

function edgeValues(graph: CandidateGraph, big: number): Float64Array {
  const value = new Float64Array(graph.edgeCount);
  for (let e = 0; e < value.length; e++) value[e] = big + graph.score[e];
  return value;
}
