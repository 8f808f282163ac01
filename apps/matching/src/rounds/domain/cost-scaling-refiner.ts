import type { CandidateGraph } from './candidate-graph';

/**
 * The fast half of the solver: cost-scaling push–relabel (Goldberg) on the
 * same flow network as assignment-network.ts, run down to ε = 1. On a tight
 * round (as many seats as mentees) one-at-a-time shortest paths spend most of
 * their time on the last mentees, each search crossing the whole graph to the
 * few seats still free; here every mentee bids at once, like an auction, and
 * the market clears in a handful of ε phases.
 *
 * ε-optimal is not optimal: the result (an assignment, and potentials within
 * ε of complementary slackness, ε being 1/scale of a point at the end) is
 * handed to AssignmentNetwork.warmStart, which repairs the few arcs still off
 * once prices are rounded back to whole points, and makes it exact. So
 * nothing here is trusted; a slow or imperfect refinement costs time only.
 *
 * Network and conventions as in assignment-network.ts: min-cost flow with
 * cost −a_ij on mentee→mentor arcs, p_k on a mentor's k-th slot arc to the
 * sink, 0 on mentee→sink ("unmatched"); reduced cost c + φ(tail) − φ(head).
 * Every mentee supplies one unit, the sink absorbs them all. Integers in
 * doubles; deterministic (FIFO queue, arcs in index order).
 */
export class CostScalingRefiner {
  readonly menteeCount: number;
  readonly mentorCount: number;
  private readonly sink: number;
  private readonly rowStart: Int32Array;
  private readonly mentor: Int32Array;
  private readonly value: Float64Array;
  /** Edges into each mentor (reverse index), where the ones carrying flow are kept first. */
  private readonly inStart: Int32Array;
  private readonly inEdge: Int32Array;
  private readonly inPos: Int32Array;
  private readonly inCount: Int32Array;
  private readonly edgeMentee: Int32Array;

  private readonly flow: Uint8Array;
  /** 1 when the mentee's unit goes straight to the sink (unmatched). */
  private readonly dropped: Uint8Array;
  /** Slot arcs in use per mentor (always the cheapest ones). */
  private readonly slotsUsed: Int32Array;
  private readonly excess: Int32Array;
  private readonly potential: Float64Array;
  /** The sink's current arc (see dischargeSink). */
  private sinkCursor = 0;

  private readonly queue: Int32Array;
  private readonly queued: Uint8Array;
  private head = 0;
  private tail = 0;

  pushes = 0;
  relabels = 0;

  private readonly slotCost: Float64Array;

  /**
   * `scale` multiplies every cost, so that ε = 1 at the end means 1/scale of
   * a point: the start handed to the exact stage is off by less, and it has
   * fewer arcs to repair.
   */
  constructor(
    graph: CandidateGraph,
    private readonly capacity: Int32Array,
    slotCost: Float64Array,
    big: number,
    private readonly scale = 1,
  ) {
    this.slotCost = slotCost.map((cost) => cost * scale);
    const n = graph.menteeCount;
    const m = capacity.length;
    const edges = graph.edgeCount;
    this.menteeCount = n;
    this.mentorCount = m;
    this.sink = n + m;
    this.rowStart = graph.rowStart;
    this.mentor = graph.mentor;
    this.value = new Float64Array(edges);
    this.edgeMentee = new Int32Array(edges);
    for (let i = 0; i < n; i++) {
      for (let e = graph.rowStart[i]; e < graph.rowStart[i + 1]; e++) {
        this.value[e] = (big + graph.score[e]) * scale;
        this.edgeMentee[e] = i;
      }
    }
    this.inStart = new Int32Array(m + 1);
    for (let e = 0; e < edges; e++) this.inStart[graph.mentor[e] + 1]++;
    for (let j = 0; j < m; j++) this.inStart[j + 1] += this.inStart[j];
    this.inEdge = new Int32Array(edges);
    this.inPos = new Int32Array(edges);
    this.inCount = new Int32Array(m);
    this.flow = new Uint8Array(edges);
    this.dropped = new Uint8Array(n);
    this.slotsUsed = new Int32Array(m);
    const nodes = n + m + 1;
    this.excess = new Int32Array(nodes);
    this.potential = new Float64Array(nodes);
    this.queue = new Int32Array(nodes + 1);
    this.queued = new Uint8Array(nodes);
  }

  /**
   * Starts from an assignment (candidate edge per mentee, -1 unmatched) and
   * mentor prices; mentee potentials are made tight, as the exact network
   * does, so both sides speak of the same duals.
   */
  load(edgeOf: Int32Array, mentorPrice: Float64Array): void {
    const n = this.menteeCount;
    const m = this.mentorCount;
    const phi = this.potential;
    this.flow.fill(0);
    this.slotsUsed.fill(0);
    this.excess.fill(0);
    // Edges into each mentor, none carrying flow yet.
    const fill = this.inStart.slice(0, m);
    for (let i = 0; i < n; i++) {
      for (let e = this.rowStart[i]; e < this.rowStart[i + 1]; e++) {
        const j = this.mentor[e];
        this.inPos[e] = fill[j];
        this.inEdge[fill[j]++] = e;
      }
    }
    this.inCount.fill(0);
    phi[this.sink] = 0;
    for (let j = 0; j < m; j++) phi[n + j] = -mentorPrice[j] * this.scale;
    for (let i = 0; i < n; i++) {
      const e = edgeOf[i];
      if (e >= 0) {
        const j = this.mentor[e];
        this.addFlow(e, j);
        this.slotsUsed[j]++;
        this.dropped[i] = 0;
        phi[i] = this.value[e] + phi[n + j];
      } else {
        this.dropped[i] = 1;
        phi[i] = phi[this.sink];
      }
    }
  }

  /** ε phases from `startEpsilon` down to 1, dividing by `factor`. */
  refine(startEpsilon: number, factor: number): void {
    let epsilon = Math.max(1, Math.ceil(startEpsilon));
    for (;;) {
      this.phase(epsilon);
      if (epsilon === 1) return;
      epsilon = Math.max(1, Math.ceil(epsilon / factor));
    }
  }

  /** Candidate edge per mentee, -1 when unmatched. */
  edgeOf(): Int32Array {
    const out = new Int32Array(this.menteeCount).fill(-1);
    for (let i = 0; i < this.menteeCount; i++) {
      for (let e = this.rowStart[i]; e < this.rowStart[i + 1]; e++) if (this.flow[e] === 1) out[i] = e;
    }
    return out;
  }

  /** π_j = φ_t − φ_j. */
  mentorPrice(out: Float64Array): void {
    for (let j = 0; j < this.mentorCount; j++) out[j] = Math.round((this.potential[this.sink] - this.potential[this.menteeCount + j]) / this.scale);
  }

  private phase(epsilon: number): void {
    const n = this.menteeCount;
    const m = this.mentorCount;
    const sink = this.sink;
    const phi = this.potential;
    // Saturate every arc with a negative reduced cost: the pseudoflow is then
    // 0-optimal, and pushes/relabels restore feasibility keeping ε-optimality.
    for (let i = 0; i < n; i++) {
      for (let e = this.rowStart[i]; e < this.rowStart[i + 1]; e++) {
        const j = this.mentor[e];
        const reduced = phi[i] - this.value[e] - phi[n + j];
        if (this.flow[e] === 0 && reduced < 0) {
          this.addFlow(e, j);
          this.excess[i]--;
          this.excess[n + j]++;
        } else if (this.flow[e] === 1 && reduced > 0) {
          this.removeFlow(e, j);
          this.excess[i]++;
          this.excess[n + j]--;
        }
      }
      const leave = phi[i] - phi[sink];
      if (this.dropped[i] === 0 && leave < 0) {
        this.dropped[i] = 1;
        this.excess[i]--;
        this.excess[sink]++;
      } else if (this.dropped[i] === 1 && leave > 0) {
        this.dropped[i] = 0;
        this.excess[i]++;
        this.excess[sink]--;
      }
    }
    for (let j = 0; j < m; j++) {
      const x = n + j;
      while (this.slotsUsed[j] < this.capacity[j] && this.slotCost[this.slotsUsed[j]] + phi[x] - phi[sink] < 0) {
        this.slotsUsed[j]++;
        this.excess[x]--;
        this.excess[sink]++;
      }
      while (this.slotsUsed[j] > 0 && phi[sink] - phi[x] - this.slotCost[this.slotsUsed[j] - 1] < 0) {
        this.slotsUsed[j]--;
        this.excess[x]++;
        this.excess[sink]--;
      }
    }
    this.head = 0;
    this.tail = 0;
    const nodes = n + m + 1;
    this.sinkCursor = 0;
    for (let v = 0; v < nodes; v++) {
      if (this.excess[v] > 0) this.enqueue(v);
    }
    while (this.head !== this.tail) {
      const v = this.queue[this.head];
      this.head = this.head + 1 === this.queue.length ? 0 : this.head + 1;
      this.queued[v] = 0;
      if (v < n) this.dischargeMentee(v, epsilon);
      else if (v < sink) this.dischargeMentor(v, epsilon);
      else this.dischargeSink(epsilon);
    }
  }

  /**
   * A mentee with its unit in hand (excess 1, nothing flowing out: its supply
   * is one) bids, as in an auction: one scan finds its best and second-best
   * arc, the unit goes to the best, and its potential drops to the second
   * best − ε (Goldberg–Kennedy's double push). Raising it instead is safe too:
   * nothing flows into the mentee, so no arc into it can turn admissible.
   */
  private dischargeMentee(i: number, epsilon: number): void {
    const n = this.menteeCount;
    const phi = this.potential;
    const mentor = this.mentor;
    const value = this.value;
    const flow = this.flow;
    while (this.excess[i] > 0) {
      // Leaving unmatched is worth φ_t (value 0); it competes like any arc.
      let best = this.dropped[i] === 0 ? phi[this.sink] : -Infinity;
      let second = -Infinity;
      let bestEdge = -1;
      for (let e = this.rowStart[i]; e < this.rowStart[i + 1]; e++) {
        if (flow[e] === 1) continue;
        const v = value[e] + phi[n + mentor[e]];
        if (v > best) {
          second = best;
          best = v;
          bestEdge = e;
        } else if (v > second) {
          second = v;
        }
      }
      if (best === -Infinity) throw new Error(`mentee ${i} has excess and nowhere to send it`);
      this.pushes++;
      this.relabels++;
      phi[i] = (second === -Infinity ? best : second) - epsilon;
      this.excess[i]--;
      if (bestEdge < 0) {
        this.dropped[i] = 1;
        this.excess[this.sink]++;
        if (this.excess[this.sink] > 0) this.enqueue(this.sink);
      } else {
        const j = mentor[bestEdge];
        this.addFlow(bestEdge, j);
        this.excess[n + j]++;
        this.dischargeMentor(n + j, epsilon);
      }
    }
  }

  private dischargeMentor(x: number, epsilon: number): void {
    const n = this.menteeCount;
    const j = x - n;
    const phi = this.potential;
    const sink = this.sink;
    while (this.excess[x] > 0) {
      let pushed = false;
      const used = this.slotsUsed[j];
      if (used < this.capacity[j] && this.slotCost[used] + phi[x] - phi[sink] < 0) {
        this.slotsUsed[j]++;
        this.excess[x]--;
        this.excess[sink]++;
        this.pushes++;
        if (this.excess[sink] > 0) this.enqueue(sink);
        continue;
      }
      // Send a unit back to a mentee holding a seat here (the displaced bidder).
      // The list is short and reorders as seats change, so it is scanned whole.
      const base = this.inStart[j];
      for (let k = 0; k < this.inCount[j]; k++) {
        const e = this.inEdge[base + k];
        const i = this.edgeMentee[e];
        if (this.value[e] + phi[x] - phi[i] < 0) {
          this.removeFlow(e, j);
          this.excess[x]--;
          this.excess[i]++;
          this.pushes++;
          this.enqueue(i);
          pushed = true;
          break;
        }
      }
      if (pushed) continue;
      let best = used < this.capacity[j] ? phi[sink] - this.slotCost[used] : -Infinity;
      for (let k = 0; k < this.inCount[j]; k++) {
        const e = this.inEdge[base + k];
        const v = phi[this.edgeMentee[e]] - this.value[e];
        if (v > best) best = v;
      }
      phi[x] = best - epsilon;
      this.relabels++;
    }
  }

  /**
   * More reached the sink than it absorbs: send units back by releasing a
   * mentor's last slot or un-dropping a mentee. Its arcs are scanned as one
   * list (mentors, then mentees) from a current-arc pointer, since no arc
   * behind the pointer can turn admissible before the sink is relabelled.
   */
  private dischargeSink(epsilon: number): void {
    const n = this.menteeCount;
    const m = this.mentorCount;
    const sink = this.sink;
    const phi = this.potential;
    while (this.excess[sink] > 0) {
      let k = this.sinkCursor;
      for (; k < m + n; k++) {
        if (k < m) {
          const used = this.slotsUsed[k];
          if (used > 0 && phi[sink] - phi[n + k] - this.slotCost[used - 1] < 0) {
            this.slotsUsed[k]--;
            this.excess[sink]--;
            this.excess[n + k]++;
            this.enqueue(n + k);
            break;
          }
        } else {
          const i = k - m;
          if (this.dropped[i] === 1 && phi[sink] - phi[i] < 0) {
            this.dropped[i] = 0;
            this.excess[sink]--;
            this.excess[i]++;
            this.enqueue(i);
            break;
          }
        }
      }
      this.sinkCursor = k;
      if (k < m + n) {
        this.pushes++;
        continue;
      }
      let best = -Infinity;
      for (let j = 0; j < m; j++) if (this.slotsUsed[j] > 0) best = Math.max(best, phi[n + j] + this.slotCost[this.slotsUsed[j] - 1]);
      for (let i = 0; i < n; i++) if (this.dropped[i] === 1) best = Math.max(best, phi[i]);
      phi[sink] = best - epsilon;
      this.sinkCursor = 0;
      this.relabels++;
    }
  }

  private enqueue(v: number): void {
    if (this.queued[v] === 1) return;
    this.queued[v] = 1;
    this.queue[this.tail] = v;
    this.tail = this.tail + 1 === this.queue.length ? 0 : this.tail + 1;
  }

  private addFlow(e: number, j: number): void {
    this.flow[e] = 1;
    // Move the edge into the carrying prefix of the mentor's list.
    const base = this.inStart[j];
    const at = this.inPos[e];
    const to = base + this.inCount[j]++;
    const other = this.inEdge[to];
    this.inEdge[to] = e;
    this.inPos[e] = to;
    this.inEdge[at] = other;
    this.inPos[other] = at;
  }

  private removeFlow(e: number, j: number): void {
    this.flow[e] = 0;
    const base = this.inStart[j];
    const at = this.inPos[e];
    const last = base + --this.inCount[j];
    const other = this.inEdge[last];
    this.inEdge[last] = e;
    this.inPos[e] = last;
    this.inEdge[at] = other;
    this.inPos[other] = at;
  }
}
