import { type PreparedRound, rejectScores } from './round-problem';

/**
 * The kept rows of consecutive mentees `from, from + 1, ...`: mentee
 * `from + r` has pairs `rowStart[r]..rowStart[r + 1]` of `mentor` and `score`.
 * Plain typed arrays, so a worker thread can hand them over (transferred, not
 * copied) after scanning its share of the rows.
 */
export interface StoredRows {
  readonly from: number;
  readonly rowStart: Int32Array;
  readonly mentor: Uint16Array | Int32Array;
  readonly score: Int16Array;
}

/**
 * Every feasible pair's score, read row by row by each pass over all pairs
 * (issue "Matching", item 3: the certificate is "checked over all feasible
 * pairs"). Infeasible pairs have no edge, so rows are kept sparse: a mentor
 * index and a 16-bit score per feasible pair, 4 bytes (6 beyond 65 536
 * mentors). Hard constraints usually rule out most pairs, which makes the
 * store and every later pass a fraction of the dense matrix.
 *
 * The first pass asks the scorer and keeps the rows if they fit the memory
 * budget; later passes read them back. Past the budget, every pass asks the
 * scorer again: slower, same result.
 *
 * After `load(i)`, mentee i's pairs are `mentor[start..end)` and
 * `score[start..end)`, mentors in increasing order.
 *
 * The first pass may be split by mentee range (one store per range, from
 * `firstMentee`, e.g. in worker threads) and the stores joined afterwards
 * (`FeasiblePairs.joined`): the rows and the budget decision are the same as
 * one store's, so every later pass reads the same pairs.
 */
export class FeasiblePairs {
  mentor: Uint16Array | Int32Array;
  score: Int16Array;
  start = 0;
  end = 0;
  private kept: boolean;
  /** Rows kept so far (the first pass stores them in mentee order). */
  private stored = 0;
  private readonly rowStart: Int32Array;
  private readonly buffer: Int32Array;
  /** Joined stores, by increasing `from`; null while this store reads its own rows. */
  private segments: readonly StoredRows[] | null = null;

  /**
   * @param firstMentee the first row this store keeps; rows before it are
   *   another store's (a split first pass). The budget is the whole round's.
   */
  constructor(
    private readonly round: PreparedRound,
    budgetBytes: number,
    private readonly firstMentee = 0,
  ) {
    const n = round.menteeCount - firstMentee;
    const m = round.mentorCount;
    const room = FeasiblePairs.room(round, budgetBytes);
    this.kept = n > 0 && m > 0 && room > 0;
    // Untouched pages cost no memory: the arrays are sized for the budget and fill as rows come.
    const size = this.kept ? room : m;
    this.mentor = m > 65_536 ? new Int32Array(size + 1) : new Uint16Array(size + 1);
    this.score = new Int16Array(size + 1);
    this.rowStart = new Int32Array(this.kept ? n + 1 : 0);
    this.buffer = new Int32Array(m);
  }

  /** Feasible pairs the budget holds for the whole round. */
  private static room(round: PreparedRound, budgetBytes: number): number {
    return Math.min(round.menteeCount * round.mentorCount, Math.floor(budgetBytes / (round.mentorCount > 65_536 ? 6 : 4)));
  }

  /**
   * One store from the stores of a split first pass (given in mentee order,
   * covering every mentee): kept if every part kept its rows and together
   * they fit the budget, exactly when a single store would have kept them.
   * Otherwise later passes score again.
   */
  static joined(round: PreparedRound, budgetBytes: number, parts: ReadonlyArray<StoredRows | null>): FeasiblePairs {
    const pairs = new FeasiblePairs(round, 0);
    let total = 0;
    let next = 0;
    for (const part of parts) {
      if (part !== null && part.from !== next) throw new Error(`stored rows must cover the mentees in order: got ${part.from}, expected ${next}`);
      if (part === null) {
        total = Infinity;
        break;
      }
      total += part.rowStart[part.rowStart.length - 1];
      next += part.rowStart.length - 1;
    }
    if (total === Infinity || round.menteeCount === 0 || round.mentorCount === 0 || total > FeasiblePairs.room(round, budgetBytes)) return pairs;
    if (next !== round.menteeCount) throw new Error(`stored rows cover ${next} mentees of ${round.menteeCount}`);
    pairs.segments = parts as readonly StoredRows[];
    pairs.kept = true;
    pairs.stored = round.menteeCount;
    return pairs;
  }

  /** The rows this store kept (null if it ran over budget), to hand to `joined`. */
  storedRows(): StoredRows | null {
    if (!this.kept || this.segments !== null) return null;
    const end = this.rowStart[this.stored];
    return { from: this.firstMentee, rowStart: this.rowStart.slice(0, this.stored + 1), mentor: this.mentor.subarray(0, end), score: this.score.subarray(0, end) };
  }

  /** Whether every row is kept in memory (so a pass costs a read, not a scoring run). */
  get cached(): boolean {
    return this.kept;
  }

  load(mentee: number): void {
    if (this.segments !== null) {
      this.loadJoined(mentee);
      return;
    }
    const row = mentee - this.firstMentee;
    if (this.kept && row >= 0 && row < this.stored) {
      this.start = this.rowStart[row];
      this.end = this.rowStart[row + 1];
      return;
    }
    if (this.kept && row !== this.stored) throw new Error(`rows must first be read in order: got ${mentee}, expected ${this.firstMentee + this.stored}`);
    this.round.scorer.scoreRow(mentee, this.buffer);
    if (this.kept && this.rowStart[this.stored] + this.round.mentorCount > this.score.length - 1 && !this.fits(this.rowStart[this.stored])) this.forget();
    const at = this.kept ? this.rowStart[this.stored] : 0;
    const count = this.compact(mentee, at);
    this.start = at;
    this.end = at + count;
    if (this.kept) this.rowStart[++this.stored] = this.end;
  }

  private loadJoined(mentee: number): void {
    const segments = this.segments!;
    let k = segments.length - 1;
    while (k > 0 && segments[k].from > mentee) k--;
    const segment = segments[k];
    const row = mentee - segment.from;
    this.mentor = segment.mentor;
    this.score = segment.score;
    this.start = segment.rowStart[row];
    this.end = segment.rowStart[row + 1];
  }

  /**
   * Validates the scorer's row and packs its feasible pairs at `at`, without
   * branching on feasibility (a mispredicted branch per pair would cost more
   * than the writes). Scores outside -1..maxScore fail the round loudly
   * instead of bending the lexicographic constant.
   */
  private compact(mentee: number, at: number): number {
    const row = this.buffer;
    const mentor = this.mentor;
    const score = this.score;
    let low = 0;
    let high = 0;
    let k = at;
    for (let j = 0; j < row.length; j++) {
      const s = row[j];
      low = s < low ? s : low;
      high = s > high ? s : high;
      mentor[k] = j;
      score[k] = s;
      // +1 for s ≥ 0, +0 for -1: the slot is overwritten by the next pair.
      k += ~s >>> 31;
    }
    if (low < -1 || high > this.round.maxScore) rejectScores(this.round, mentee, row);
    return k - at;
  }

  /** Whether this row's feasible pairs still fit (counted before packing, only near the end of the budget). */
  private fits(at: number): boolean {
    let count = 0;
    for (let j = 0; j < this.buffer.length; j++) if (this.buffer[j] >= 0) count++;
    return at + count <= this.score.length - 1;
  }

  /** Over budget: from now on every pass scores again, one row at a time. */
  private forget(): void {
    this.kept = false;
    const m = this.round.mentorCount;
    this.mentor = this.mentor instanceof Int32Array ? new Int32Array(m + 1) : new Uint16Array(m + 1);
    this.score = new Int16Array(m + 1);
  }
}

/**
 * Keeps, from pairs `start..end` of one row, those whose excess
 * s − price[mentor] beats `limit`, at most `keep` of them, largest first,
 * ties to the lower mentor. `among`, when given, restricts the scan to
 * mentors it marks with 1. The pricing pass runs this on every pair, so the
 * loop is kept bare: one subtraction and one rarely true comparison.
 * Returns how many were kept.
 */
export function keepMostBeating(
  pairs: FeasiblePairs,
  price: Float64Array,
  limit: number,
  among: Uint8Array | null,
  keep: number,
  keptMentor: Int32Array,
  keptScore: Int32Array,
  keptExcess: Float64Array,
): number {
  const { mentor, score, start, end } = pairs;
  let floor = limit;
  let count = 0;
  for (let e = start; e < end; e++) {
    const j = mentor[e];
    const excess = score[e] - price[j];
    if (excess <= floor || (among !== null && among[j] === 0)) continue;
    let p = count < keep ? count++ : keep - 1;
    while (p > 0 && keptExcess[p - 1] < excess) {
      keptExcess[p] = keptExcess[p - 1];
      keptMentor[p] = keptMentor[p - 1];
      keptScore[p] = keptScore[p - 1];
      p--;
    }
    keptExcess[p] = excess;
    keptMentor[p] = j;
    keptScore[p] = score[e];
    if (count === keep) floor = keptExcess[keep - 1];
  }
  return count;
}
