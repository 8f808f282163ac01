import type { FeasiblePairs } from './feasible-pairs';

/**
 * The pairs the solver works on: a short list per mentee, grown by pricing.
 * Solving on all feasible pairs would hold up to mentees × mentors edges
 * (160 M at the target size); a mentee's optimal mentor is almost
 * always among its best-scored few, and the certificate check over all pairs
 * (issue "Matching", item 3: "checked over all feasible pairs, not just a
 * candidate short list") puts back any pair the short list missed.
 *
 * Compressed rows: the edges of mentee i are `rowStart[i] .. rowStart[i + 1]`.
 */
export class CandidateGraph {
  constructor(
    readonly rowStart: Int32Array,
    readonly mentor: Int32Array,
    readonly score: Int32Array,
  ) {}

  get menteeCount(): number {
    return this.rowStart.length - 1;
  }

  get edgeCount(): number {
    return this.rowStart[this.rowStart.length - 1];
  }

  /**
   * A new graph where each mentee keeps its edges, in order, followed by the
   * added ones (given grouped by mentee, in increasing mentee order). Keeping
   * the old edges first lets the solver renumber its assignment with
   * `newRowStart[i] + (e - oldRowStart[i])`.
   */
  withAddedPairs(added: AddedPairs): CandidateGraph {
    const n = this.menteeCount;
    const total = this.edgeCount + added.count;
    const rowStart = new Int32Array(n + 1);
    const mentor = new Int32Array(total);
    const score = new Int32Array(total);
    let out = 0;
    let a = 0;
    for (let i = 0; i < n; i++) {
      rowStart[i] = out;
      for (let e = this.rowStart[i]; e < this.rowStart[i + 1]; e++) {
        mentor[out] = this.mentor[e];
        score[out++] = this.score[e];
      }
      while (a < added.count && added.mentee[a] === i) {
        mentor[out] = added.mentor[a];
        score[out++] = added.score[a++];
      }
    }
    rowStart[n] = out;
    if (a !== added.count) throw new Error('added pairs must be grouped by mentee in increasing order');
    return new CandidateGraph(rowStart, mentor, score);
  }
}

/** Builds a graph row by row, as the scan over all pairs produces it. */
export class CandidateGraphBuilder {
  private readonly rowStart: Int32Array;
  private mentor: Int32Array;
  private score: Int32Array;
  private rows = 0;
  private edges = 0;

  constructor(menteeCount: number, expectedEdges: number) {
    this.rowStart = new Int32Array(menteeCount + 1);
    this.mentor = new Int32Array(Math.max(16, expectedEdges));
    this.score = new Int32Array(Math.max(16, expectedEdges));
  }

  /** Appends the next mentee's edges (mentees must come in order 0, 1, 2, ...). */
  addRow(mentors: Int32Array, scores: Int32Array, count: number): void {
    if (this.edges + count > this.mentor.length) this.grow(this.edges + count);
    this.mentor.set(mentors.subarray(0, count), this.edges);
    this.score.set(scores.subarray(0, count), this.edges);
    this.edges += count;
    this.rowStart[++this.rows] = this.edges;
  }

  build(): CandidateGraph {
    if (this.rows !== this.rowStart.length - 1) throw new Error(`expected ${this.rowStart.length - 1} rows, got ${this.rows}`);
    return new CandidateGraph(this.rowStart, this.mentor.slice(0, this.edges), this.score.slice(0, this.edges));
  }

  private grow(atLeast: number): void {
    const size = Math.max(atLeast, this.mentor.length * 2);
    const mentor = new Int32Array(size);
    const score = new Int32Array(size);
    mentor.set(this.mentor);
    score.set(this.score);
    this.mentor = mentor;
    this.score = score;
  }
}

/** Pairs to add to a graph, grouped by mentee in increasing order. */
export class AddedPairs {
  mentee: Int32Array = new Int32Array(64);
  mentor: Int32Array = new Int32Array(64);
  score: Int32Array = new Int32Array(64);
  count = 0;

  add(mentee: number, mentor: number, score: number): void {
    if (this.count === this.mentee.length) {
      const size = this.count * 2;
      this.mentee = grown(this.mentee, size);
      this.mentor = grown(this.mentor, size);
      this.score = grown(this.score, size);
    }
    this.mentee[this.count] = mentee;
    this.mentor[this.count] = mentor;
    this.score[this.count++] = score;
  }
}

function grown(array: Int32Array, size: number): Int32Array {
  const bigger = new Int32Array(size);
  bigger.set(array);
  return bigger;
}

/** What one range's ShortListBuilder hands to `ShortListBuilder.joined`. */
export interface ShortListPart {
  /** The mentees' lists in compressed rows (plain arrays, so they cross threads). */
  readonly rowStart: Int32Array;
  readonly rowMentor: Int32Array;
  readonly rowScore: Int32Array;
  readonly columnMentee: Int32Array;
  readonly columnScore: Int32Array;
  readonly columnCount: Int32Array;
}

/**
 * The first pass's short lists, built in the same scan of each row: the
 * mentee's `perMentee` best-scored mentors, and every mentor's `perMentor`
 * best-scored mentees. Lists from the mentees' side alone crowd onto the
 * mentors everybody ranks high and leave the others without an edge: the
 * first solve then prices those at nothing, and pricing has to discover them
 * pass after pass. A few edges from every mentor's side give the first solve
 * a price for every mentor.
 *
 * Best first, ties to the lower index (mentor for a mentee's list, mentee
 * for a mentor's, rows coming in mentee order), so the lists depend on
 * nothing but the scores. Mentors without remaining capacity can never be
 * assigned and get no edge.
 */
export class ShortListBuilder {
  private readonly rows: CandidateGraphBuilder;
  private readonly rowMentor: Int32Array;
  private readonly rowScore: Int32Array;
  private readonly columnMentee: Int32Array;
  private readonly columnScore: Int32Array;
  private readonly columnCount: Int32Array;
  /** Score a newcomer must beat in each mentor's list (-1 until it is full; never, without capacity). */
  private readonly columnFloor: Int32Array;
  private mentees = 0;

  /**
   * @param firstMentee the index of the first mentee offered: a split first
   *   pass builds one builder per range of `menteeCount` mentees, then
   *   `ShortListBuilder.joined` puts their parts together.
   */
  constructor(
    private readonly menteeCount: number,
    private readonly capacity: Int32Array,
    private readonly perMentee: number,
    private readonly perMentor: number,
    private readonly firstMentee = 0,
  ) {
    const m = capacity.length;
    this.rows = new CandidateGraphBuilder(menteeCount, menteeCount * Math.min(perMentee, m));
    this.rowMentor = new Int32Array(perMentee);
    this.rowScore = new Int32Array(perMentee);
    this.columnMentee = new Int32Array(m * perMentor);
    this.columnScore = new Int32Array(m * perMentor);
    this.columnCount = new Int32Array(m);
    this.columnFloor = new Int32Array(m).fill(perMentor > 0 ? -1 : 2 ** 31 - 1);
    for (let j = 0; j < m; j++) if (capacity[j] === 0) this.columnFloor[j] = 2 ** 31 - 1;
  }

  /** Offers the next mentee's feasible pairs (loaded in `pairs`, mentors in increasing order). */
  offer(pairs: FeasiblePairs): void {
    const mentee = this.firstMentee + this.mentees++;
    const { mentor, score, start, end } = pairs;
    const capacity = this.capacity;
    const columnFloor = this.columnFloor;
    const k = this.perMentee;
    const rowMentor = this.rowMentor;
    const rowScore = this.rowScore;
    let count = 0;
    // An equal score loses: the one kept has the lower index.
    let floor = -1;
    for (let e = start; e < end; e++) {
      const j = mentor[e];
      const s = score[e];
      if (s > columnFloor[j]) this.keepInColumn(j, mentee, s);
      if (s <= floor || capacity[j] === 0) continue;
      let p = count < k ? count++ : k - 1;
      while (p > 0 && rowScore[p - 1] < s) {
        rowScore[p] = rowScore[p - 1];
        rowMentor[p] = rowMentor[p - 1];
        p--;
      }
      rowScore[p] = s;
      rowMentor[p] = j;
      if (count === k) floor = rowScore[k - 1];
    }
    this.rows.addRow(rowMentor, rowScore, count);
  }

  build(): CandidateGraph {
    if (this.mentees !== this.menteeCount) throw new Error(`expected ${this.menteeCount} rows, got ${this.mentees}`);
    const graph = this.rows.build();
    return this.perMentor > 0 ? graph.withAddedPairs(this.columnPairsMissingFrom(graph)) : graph;
  }

  /** The lists of this builder's range, for `joined`: the mentees' lists, and the mentors' lists among these mentees. */
  part(): ShortListPart {
    if (this.mentees !== this.menteeCount) throw new Error(`expected ${this.menteeCount} rows, got ${this.mentees}`);
    const rows = this.rows.build();
    return { rowStart: rows.rowStart, rowMentor: rows.mentor, rowScore: rows.score, columnMentee: this.columnMentee, columnScore: this.columnScore, columnCount: this.columnCount };
  }

  /**
   * The graph one builder offered every mentee would build, from the parts of
   * consecutive mentee ranges (in mentee order). Mentees' lists are per row,
   * so they are concatenated. A mentor's list is its best `perMentor` by
   * score, ties to the lower mentee: replaying each part's list, parts in
   * mentee order, through the same insertion keeps exactly those (a mentee
   * missing from its part's list loses to `perMentor` mentees of lower index
   * or higher score, and still does).
   */
  static joined(menteeCount: number, capacity: Int32Array, perMentee: number, perMentor: number, parts: readonly ShortListPart[]): CandidateGraph {
    const lists = new ShortListBuilder(menteeCount, capacity, perMentee, perMentor);
    const m = capacity.length;
    for (const part of parts) {
      const { rowStart, rowMentor, rowScore } = part;
      const rows = rowStart.length - 1;
      for (let i = 0; i < rows; i++) lists.rows.addRow(rowMentor.subarray(rowStart[i]), rowScore.subarray(rowStart[i]), rowStart[i + 1] - rowStart[i]);
      lists.mentees += rows;
      for (let j = 0; j < m; j++) {
        for (let p = 0; p < part.columnCount[j]; p++) {
          const s = part.columnScore[j * perMentor + p];
          if (s > lists.columnFloor[j]) lists.keepInColumn(j, part.columnMentee[j * perMentor + p], s);
        }
      }
    }
    return lists.build();
  }

  private keepInColumn(j: number, mentee: number, s: number): void {
    const k = this.perMentor;
    const base = j * k;
    const count = this.columnCount[j];
    let p = count < k ? count : k - 1;
    if (count < k) this.columnCount[j] = count + 1;
    while (p > 0 && this.columnScore[base + p - 1] < s) {
      this.columnScore[base + p] = this.columnScore[base + p - 1];
      this.columnMentee[base + p] = this.columnMentee[base + p - 1];
      p--;
    }
    this.columnScore[base + p] = s;
    this.columnMentee[base + p] = mentee;
    if (this.columnCount[j] === k) this.columnFloor[j] = this.columnScore[base + k - 1];
  }

  /** The mentors' lists as pairs the mentees' lists lack, grouped by mentee in increasing order. */
  private columnPairsMissingFrom(graph: CandidateGraph): AddedPairs {
    const n = graph.menteeCount;
    const m = this.capacity.length;
    const k = this.perMentor;
    // Bucket by mentee (a counting sort keeps mentor order within a mentee).
    const start = new Int32Array(n + 1);
    for (let j = 0; j < m; j++) for (let p = 0; p < this.columnCount[j]; p++) start[this.columnMentee[j * k + p] + 1]++;
    for (let i = 0; i < n; i++) start[i + 1] += start[i];
    const next = start.slice(0, n);
    const mentorOf = new Int32Array(start[n]);
    const scoreOf = new Int32Array(start[n]);
    for (let j = 0; j < m; j++) {
      for (let p = 0; p < this.columnCount[j]; p++) {
        const i = this.columnMentee[j * k + p];
        mentorOf[next[i]] = j;
        scoreOf[next[i]++] = this.columnScore[j * k + p];
      }
    }
    const added = new AddedPairs();
    const mark = new Int32Array(m).fill(-1);
    for (let i = 0; i < n; i++) {
      for (let e = graph.rowStart[i]; e < graph.rowStart[i + 1]; e++) mark[graph.mentor[e]] = i;
      for (let a = start[i]; a < start[i + 1]; a++) if (mark[mentorOf[a]] !== i) added.add(i, mentorOf[a], scoreOf[a]);
    }
    return added;
  }
}
