import { type PreparedRound, rejectScores } from './round-problem';

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

  constructor(
    private readonly round: PreparedRound,
    budgetBytes: number,
  ) {
    const n = round.menteeCount;
    const m = round.mentorCount;
    const wide = m > 65_536;
    const room = Math.min(n * m, Math.floor(budgetBytes / (wide ? 6 : 4)));
    this.kept = n > 0 && m > 0 && room > 0;
    // Untouched pages cost no memory: the arrays are sized for the budget and fill as rows come.
    const size = this.kept ? room : m;
    this.mentor = wide ? new Int32Array(size + 1) : new Uint16Array(size + 1);
    this.score = new Int16Array(size + 1);
    this.rowStart = new Int32Array(this.kept ? n + 1 : 0);
    this.buffer = new Int32Array(m);
  }

  /** Whether every row is kept in memory (so a pass costs a read, not a scoring run). */
  get cached(): boolean {
    return this.kept;
  }

  load(mentee: number): void {
    if (this.kept && mentee < this.stored) {
      this.start = this.rowStart[mentee];
      this.end = this.rowStart[mentee + 1];
      return;
    }
    if (this.kept && mentee !== this.stored) throw new Error(`rows must first be read in order: got ${mentee}, expected ${this.stored}`);
    this.round.scorer.scoreRow(mentee, this.buffer);
    if (this.kept && this.rowStart[this.stored] + this.round.mentorCount > this.score.length - 1 && !this.fits(this.rowStart[this.stored])) this.forget();
    const at = this.kept ? this.rowStart[this.stored] : 0;
    const count = this.compact(mentee, at);
    this.start = at;
    this.end = at + count;
    if (this.kept) this.rowStart[++this.stored] = this.end;
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
