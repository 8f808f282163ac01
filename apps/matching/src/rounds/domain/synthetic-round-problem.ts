import type { PairScorer, RoundProblem } from './round-problem';

/**
 * Seeded synthetic rounds for the solver's tests and for the matching
 * benchmark (issue "Matching", benchmark section: 20k mentees × 8k mentors).
 * Not a scoring model: just enough structure that the solver meets what a
 * real one produces — hard constraints that cut pairs (no common language, a
 * past match), scores correlated across mentees (some mentors are wanted by
 * everybody, which is what makes short lists miss), and per-pair noise.
 * The same options give the same problem, byte for byte; the scorer holds
 * only typed arrays, so a worker thread can rebuild it from the options.
 */
export interface SyntheticRoundOptions {
  readonly menteeCount: number;
  readonly mentorCount: number;
  readonly seed: number;
  /** Remaining capacity per mentor, drawn uniformly in [min, max]; default 1..4. */
  readonly capacity?: { readonly min: number; readonly max: number };
  readonly loadPenalty?: readonly number[];
}

const INTERESTS = 8;
const FIELDS = 12;

/** Scores stay within 0..9 678 by construction (3 000 + 8·9·65 + 999 + 999). */
export const SYNTHETIC_MAX_SCORE = 10_000;

export function syntheticRoundProblem(options: SyntheticRoundOptions): RoundProblem {
  const { menteeCount: n, mentorCount: m, seed } = options;
  const capacityRange = options.capacity ?? { min: 1, max: 4 };
  const random = seededRandom(seed);
  const menteeLanguages = new Uint8Array(n);
  const menteeField = new Uint8Array(n);
  const menteeInterest = new Uint8Array(n * INTERESTS);
  for (let i = 0; i < n; i++) {
    menteeLanguages[i] = languages(random, 0.25);
    menteeField[i] = Math.floor(random() * FIELDS);
    for (let d = 0; d < INTERESTS; d++) menteeInterest[i * INTERESTS + d] = Math.floor(random() * 4);
  }
  const mentorLanguages = new Uint8Array(m);
  const mentorField = new Uint8Array(m);
  const mentorSkill = new Uint8Array(m * INTERESTS);
  const mentorAppeal = new Uint16Array(m);
  const mentorCapacity = new Int32Array(m);
  for (let j = 0; j < m; j++) {
    mentorLanguages[j] = languages(random, 0.5);
    mentorField[j] = Math.floor(random() * FIELDS);
    for (let d = 0; d < INTERESTS; d++) mentorSkill[j * INTERESTS + d] = Math.floor(random() * 4);
    // Squared so that a few mentors are much more attractive than most.
    mentorAppeal[j] = Math.floor(1000 * random() ** 2);
    mentorCapacity[j] = capacityRange.min + Math.floor(random() * (capacityRange.max - capacityRange.min + 1));
  }
  const scorer = new SyntheticScorer(seed, menteeLanguages, menteeField, menteeInterest, mentorLanguages, mentorField, packSkills(mentorSkill, m), mentorAppeal);
  return {
    menteeCount: n,
    mentorCapacity,
    loadPenalty: options.loadPenalty ?? [],
    maxScore: SYNTHETIC_MAX_SCORE,
    scorer,
  };
}

export class SyntheticScorer implements PairScorer {
  /** Per-row lookup tables: the dot product of one half of the interests with every 4-skill half (4⁴ = 256 each). */
  private readonly low = new Int32Array(256);
  private readonly high = new Int32Array(256);

  constructor(
    private readonly seed: number,
    private readonly menteeLanguages: Uint8Array,
    private readonly menteeField: Uint8Array,
    private readonly menteeInterest: Uint8Array,
    private readonly mentorLanguages: Uint8Array,
    private readonly mentorField: Uint8Array,
    /** Each mentor's 8 skills (0..3) packed two bits each: low byte skills 0–3, high byte 4–7. */
    private readonly mentorSkills: Uint16Array,
    private readonly mentorAppeal: Uint16Array,
  ) {}

  scoreRow(mentee: number, out: Int32Array): void {
    const languages = this.menteeLanguages[mentee];
    const field = this.menteeField[mentee];
    const at = mentee * INTERESTS;
    for (let half = 0; half < 256; half++) {
      let low = 0;
      let high = 0;
      for (let d = 0; d < 4; d++) {
        const skill = (half >> (2 * d)) & 3;
        low += this.menteeInterest[at + d] * skill;
        high += this.menteeInterest[at + 4 + d] * skill;
      }
      this.low[half] = 65 * low;
      this.high[half] = 65 * high;
    }
    const menteeHash = mix(this.seed ^ Math.imul(mentee + 1, 0x9e3779b1));
    for (let j = 0; j < out.length; j++) {
      const noise = mix(menteeHash ^ Math.imul(j + 1, 0x85ebca6b));
      // Hard constraints: a common language, and no pair excluded (~1 %: "not matched before").
      if ((this.mentorLanguages[j] & languages) === 0 || (noise & 127) === 0) {
        out[j] = -1;
        continue;
      }
      const skills = this.mentorSkills[j];
      out[j] =
        (this.mentorField[j] === field ? 3000 : 0) + this.low[skills & 255] + this.high[skills >> 8] + this.mentorAppeal[j] + (((noise >>> 8) & 0xffff) * 1000 >>> 16);
    }
  }
}

function packSkills(skills: Uint8Array, mentorCount: number): Uint16Array {
  const packed = new Uint16Array(mentorCount);
  for (let j = 0; j < mentorCount; j++) {
    let word = 0;
    for (let d = 0; d < INTERESTS; d++) word |= skills[j * INTERESTS + d] << (2 * d);
    packed[j] = word;
  }
  return packed;
}

/** One to three of four languages; the first is the programme's main one. */
function languages(random: () => number, secondShare: number): number {
  const first = random() < 0.7 ? 0 : 1 + Math.floor(random() * 3);
  let mask = 1 << first;
  if (random() < secondShare) mask |= 1 << Math.floor(random() * 4);
  return mask;
}

/** mulberry32: small, fast, and the same sequence on every platform. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit finaliser (murmur3's): turns (seed, mentee, mentor) into independent-looking bits. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
