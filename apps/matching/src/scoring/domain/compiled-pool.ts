/**
 * The scoring model compiled for a whole round (issue "Matching", benchmark:
 * a round of 20 000 mentees × 8 000 mentors scores every feasible pair, solves
 * and certifies over all pairs within 5 s on 2 cores). 160 million pairs
 * leave a few nanoseconds each, and most pairs fail a hard constraint (no
 * common language, too few common hours), so a row — one mentee against
 * every mentor — is scored in two steps, in loops that allocate nothing:
 *
 * 1. Feasibility, 32 mentors at a time. Per language, a bitset of the mentors
 *    who speak it; per hour of the week, a bitset of the mentors free then.
 *    The mentee's languages OR together; the mentee's hours are added up
 *    bit-sliced (four bit planes form a 0–15 counter per mentor, saturating),
 *    which gives "at least N common hours" for a whole word at once. The
 *    mentors left are visited one by one for the cheap rules (seniority gap,
 *    employer, exclusions) and the per-mentor points (availability, time
 *    zone, seniority, network reach).
 * 2. The list criteria (skills, interests, industry, the objectives parts)
 *    for the feasible mentors only: for each of the mentee's terms, either
 *    its posting list (the mentors listing it) when it is short, or a dense
 *    column over the mentors when the term is common (compiled for terms at
 *    least 1 mentor in 16 lists); a criterion with at most 32 terms in all
 *    (contact kinds, role families) is one bit mask per mentor, counted by
 *    popcount. Counts per feasible mentor then turn into points through
 *    tables.
 *
 * Every table is filled with the formulas of similarity.ts through
 * `ratioPoints`, on the same integers scorePair (pair-score.ts) uses, so the
 * totals equal scorePair's to the point; the spec checks it on generated
 * pools, feasible and infeasible pairs alike.
 */
import type { Candidate, LeveledTerm, ProgramObjective } from './candidate';
import { type PairScore, scorePair } from './pair-score';
import { maxTotal, type ScoringModel, validateModel } from './scoring-model';
import {
  availabilityFullCreditSlots,
  availabilityUnits,
  experienceOf,
  isValidSlot,
  levelOf,
  MAX_EXPERIENCE_YEARS,
  type ObjectivePart,
  objectiveParts,
  ratioPoints,
  REACH_UNITS,
  reachUnits,
  SENIORITY_UNITS,
  seniorityUnits,
  SKILL_UNITS,
  skillCoverageUnits,
  splitWeight,
  TIME_ZONE_SPAN_MINUTES,
  timeZoneUnits,
  WEEK_HOURS,
} from './similarity';

export interface PoolContext {
  readonly objectives: readonly ProgramObjective[];
  /** Pairs matched in earlier rounds of the programme, as [mentee user id, mentor user id]. */
  readonly previousPairs: Iterable<readonly [string, string]>;
}

/** 32-bit words of a 168-hour week. */
const SLOT_WORDS = Math.ceil(WEEK_HOURS / 32);
/** mentorInfo's fields. */
const MENTOR_FIELDS = 4;
const OFFSET = 0;
const YEARS = 1;
const EMPLOYER = 2;
const REACH = 3;
/** Years index: 0 = unknown, y + 1 for y years. */
const YEARS_SPAN = MAX_EXPERIENCE_YEARS + 2;
/**
 * The bit-sliced common-hours counter saturates at 15. It decides "at least
 * minCommonSlots" and the availability points exactly while full credit
 * (minCommonSlots + 4) is at most 15; beyond that (a programme asking for 12
 * common hours a week or more) rows count common hours mentor by mentor.
 */
const COUNTER_MAX = 15;
/**
 * The points tables are sized by the longest lists; the event schema caps a
 * list at 30 terms, and compiling refuses a mentee listing more than this.
 */
const MAX_LISTED = 63;
/** A criterion whose mentors list at most this many distinct terms is scored through one 32-bit mask per mentor. */
const MASK_TERMS = 32;
/** A term gets a dense column when at least one mentor in this many lists it. */
const DENSE_SHARE = 16;
/** A failed seniority rule: any total holding it stays negative (a total is at most 7 × 1 000). */
const FAILED = -(1 << 24);
/** Accumulator slots that absorb the postings of infeasible mentors, spread so the writes do not queue on one address. */
const TRASH_SLOTS = 16;

/** A list per mentee in compressed rows: mentee i's ids are `id[start[i]..start[i+1])`. */
export interface MenteeLists {
  readonly start: Int32Array;
  readonly id: Int32Array;
  /** Distinct terms each mentee listed, including those no mentor lists (they count in the denominators). */
  readonly count: Int32Array;
}

/**
 * One list criterion's index. For each term, the mentors listing it (posting
 * list, with the level for skills and 1 otherwise) and, for common terms, a
 * dense column of that value over all mentors.
 */
export interface TermIndex {
  readonly postingStart: Int32Array;
  readonly postingMentor: Int32Array;
  readonly postingValue: Uint8Array;
  /** Per term: the offset of its dense column in `columns`, or -1. */
  readonly column: Int32Array;
  readonly columns: Uint8Array;
  /** The mentees' terms, as ids of this index (terms no mentor lists are dropped but counted). */
  readonly mentee: MenteeLists;
  /** Distinct terms the mentors list. */
  readonly terms: number;
  /** When `terms` ≤ MASK_TERMS: each mentor's terms as bits; else empty. */
  readonly masks: Int32Array;
}

/**
 * Everything the row scorer reads that does not depend on the model: typed
 * arrays and numbers only, so a worker thread receives it by structured clone
 * and builds its own scorer (`new PoolScorer(features, model, objectives)`).
 */
export interface PoolFeatures {
  readonly menteeCount: number;
  readonly mentorCount: number;
  /** 32-bit words of a bitset over the mentors. */
  readonly mentorWords: number;

  /** Per language, the mentors who speak it: `[language × mentorWords + word]`. */
  readonly speakers: Int32Array;
  readonly menteeLanguages: MenteeLists;
  /** Per hour of the week, the mentors free then: `[hour × mentorWords + word]`. */
  readonly freeAt: Int32Array;
  readonly menteeSlots: MenteeLists;
  /** Each side's week as SLOT_WORDS words, for rows that count common hours one mentor at a time. */
  readonly menteeWeek: Int32Array;
  readonly mentorWeek: Int32Array;

  /** Distinct UTC offsets (minutes) of both sides; offset classes index it. */
  readonly offsets: Float64Array;
  readonly menteeOffset: Int32Array;
  readonly menteeYears: Int32Array;
  readonly menteeEmployer: Int32Array;
  /**
   * Per mentor, interleaved so a row reads one cache line per mentor:
   * `[j × MENTOR_FIELDS + …]` offset class, years index, employer id (-1
   * none), network reach units.
   */
  readonly mentorInfo: Int32Array;
  /** Mentors each mentee must not be paired with: declared on either side, matched before, the same person. */
  readonly excluded: MenteeLists;

  readonly skills: TermIndex;
  /** The level aimed at, beside each entry of `skills.mentee.id`. */
  readonly menteeSkillLevels: Uint8Array;
  readonly interests: TermIndex;
  readonly mentorInterestCount: Int32Array;
  readonly industries: TermIndex;
  readonly mentorIndustryCount: Int32Array;
  readonly targetRoles: TermIndex;
  /** A mentor's own industries and those they listed besides them, against the mentee's target industries. */
  readonly targetIndustries: TermIndex;
  readonly contactKinds: TermIndex;
}

class Interner {
  private readonly ids = new Map<string, number>();
  intern(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }
  find(key: string): number {
    return this.ids.get(key) ?? -1;
  }
  get size(): number {
    return this.ids.size;
  }
}

/** Compressed rows, built one row at a time. */
class RowsBuilder {
  private readonly start: number[] = [0];
  private readonly id: number[] = [];
  private readonly count: number[] = [];
  push(id: number): void {
    this.id.push(id);
  }
  endRow(count: number): void {
    this.start.push(this.id.length);
    this.count.push(count);
  }
  build(): MenteeLists {
    return { start: Int32Array.from(this.start), id: Int32Array.from(this.id), count: Int32Array.from(this.count) };
  }
}

/** Whether `values[k]` is the first occurrence of its value (lists are short: the schema caps them at 30–50). */
function firstOccurrence<T>(values: readonly T[], k: number, same: (a: T, b: T) => boolean): boolean {
  for (let before = 0; before < k; before++) if (same(values[before], values[k])) return false;
  return true;
}
const sameString = (a: string, b: string): boolean => a === b;
const sameSkill = (a: LeveledTerm, b: LeveledTerm): boolean => a.id === b.id;

/** A skill's level in a list as levelsById reads it: the highest level among its repetitions. */
function highestLevel(terms: readonly LeveledTerm[], k: number): number {
  let level = levelOf(terms[k].level);
  for (let later = k + 1; later < terms.length; later++) if (terms[later].id === terms[k].id) level = Math.max(level, levelOf(terms[later].level));
  return level;
}

/**
 * Collects one list criterion: the mentors' (term, value) entries in mentor
 * order, then the mentees' lists as ids of the mentors' vocabulary; lays out
 * posting lists, dense columns and masks at the end.
 */
class TermIndexBuilder {
  private readonly vocabulary = new Interner();
  private readonly entryTerm: number[] = [];
  private readonly entryMentor: number[] = [];
  private readonly entryValue: number[] = [];
  /** Per term, the last mentor that listed it and the entry: a term listed twice by a mentor keeps one entry, with the larger value. */
  private readonly lastMentor: number[] = [];
  private readonly lastEntry: number[] = [];
  private readonly mentee = new RowsBuilder();
  readonly levels: number[] = [];

  constructor(private readonly what: string) {}

  /** Adds a mentor's term; true when the mentor had not listed it yet. */
  addMentorTerm(mentor: number, key: string, value: number): boolean {
    const term = this.vocabulary.intern(key);
    if (this.lastMentor[term] === mentor) {
      const at = this.lastEntry[term];
      if (value > this.entryValue[at]) this.entryValue[at] = value;
      return false;
    }
    this.lastMentor[term] = mentor;
    this.lastEntry[term] = this.entryTerm.length;
    this.entryTerm.push(term);
    this.entryMentor.push(mentor);
    this.entryValue.push(value);
    return true;
  }

  /** Adds a mentee's distinct terms; a term no mentor lists cannot be shared but counts in the mentee's total. */
  addMentee(userId: string, values: readonly string[]): void {
    let count = 0;
    for (let k = 0; k < values.length; k++) {
      if (!firstOccurrence(values, k, sameString)) continue;
      count += 1;
      const term = this.vocabulary.find(values[k]);
      if (term >= 0) this.mentee.push(term);
    }
    this.endMentee(userId, count);
  }

  /** Adds a mentee's wanted skills with the level aimed at (the highest when a skill is repeated). */
  addMenteeSkills(userId: string, terms: readonly LeveledTerm[]): void {
    let count = 0;
    for (let k = 0; k < terms.length; k++) {
      if (!firstOccurrence(terms, k, sameSkill)) continue;
      count += 1;
      const term = this.vocabulary.find(terms[k].id);
      if (term >= 0) {
        this.mentee.push(term);
        this.levels.push(highestLevel(terms, k));
      }
    }
    this.endMentee(userId, count);
  }

  private endMentee(userId: string, count: number): void {
    if (count > MAX_LISTED) throw new RangeError(`mentee ${userId} lists more than ${MAX_LISTED} ${this.what}`);
    this.mentee.endRow(count);
  }

  build(mentorCount: number): TermIndex {
    const m = mentorCount;
    const terms = this.vocabulary.size;
    const entries = this.entryTerm.length;
    const postingStart = new Int32Array(terms + 1);
    for (let e = 0; e < entries; e++) postingStart[this.entryTerm[e] + 1] += 1;
    for (let t = 0; t < terms; t++) postingStart[t + 1] += postingStart[t];
    const fill = postingStart.slice(0, terms);
    const postingMentor = new Int32Array(entries);
    const postingValue = new Uint8Array(entries);
    // Entries come in mentor order, so each posting list is sorted by mentor.
    for (let e = 0; e < entries; e++) {
      const at = fill[this.entryTerm[e]]++;
      postingMentor[at] = this.entryMentor[e];
      postingValue[at] = this.entryValue[e];
    }
    const column = new Int32Array(terms).fill(-1);
    let dense = 0;
    for (let t = 0; t < terms; t++) if (m > 0 && (postingStart[t + 1] - postingStart[t]) * DENSE_SHARE >= m) column[t] = dense++ * m;
    const columns = new Uint8Array(dense * m);
    for (let t = 0; t < terms; t++) {
      if (column[t] < 0) continue;
      for (let p = postingStart[t]; p < postingStart[t + 1]; p++) columns[column[t] + postingMentor[p]] = postingValue[p];
    }
    const masks = new Int32Array(terms <= MASK_TERMS ? m : 0);
    if (terms <= MASK_TERMS) for (let e = 0; e < entries; e++) masks[this.entryMentor[e]] |= 1 << this.entryTerm[e];
    return { postingStart, postingMentor, postingValue, column, columns, mentee: this.mentee.build(), terms, masks };
  }
}

function indexByUser(candidates: readonly Candidate[], role: Candidate['role']): Map<string, number> {
  const index = new Map<string, number>();
  candidates.forEach((candidate, k) => {
    if (candidate.role !== role) throw new RangeError(`${role}s[${k}] (${candidate.userId}) is a ${candidate.role}`);
    if (index.has(candidate.userId)) throw new RangeError(`${role} ${candidate.userId} appears twice`);
    index.set(candidate.userId, k);
  });
  return index;
}

/** Sets the bits of a week's valid hours at `into[at…]`. */
function weekBits(slots: readonly number[], into: Int32Array, at: number): void {
  for (const slot of slots) if (isValidSlot(slot)) into[at + (slot >>> 5)] |= 1 << (slot & 31);
}

/** Turns the candidates into PoolFeatures; throws RangeError on swapped roles, repeated user ids or over-long lists. */
export function compileFeatures(mentees: readonly Candidate[], mentors: readonly Candidate[], previousPairs: Iterable<readonly [string, string]>): PoolFeatures {
  const n = mentees.length;
  const m = mentors.length;
  const words = Math.max(1, Math.ceil(m / 32));
  const menteeIndex = indexByUser(mentees, 'mentee');
  const mentorIndex = indexByUser(mentors, 'mentor');

  const languages = new Interner();
  const employers = new Interner();
  const offsets = new Interner();
  const offsetValues: number[] = [];
  const offsetClass = (minutes: number): number => {
    const id = offsets.intern(String(minutes));
    if (id === offsetValues.length) offsetValues.push(minutes);
    return id;
  };
  const skills = new TermIndexBuilder('skills');
  const interests = new TermIndexBuilder('interests');
  const industries = new TermIndexBuilder('industries');
  const targetRoles = new TermIndexBuilder('target roles');
  const targetIndustries = new TermIndexBuilder('target industries');
  const contactKinds = new TermIndexBuilder('contact kinds');

  // Mentors.
  for (const mentor of mentors) for (const language of mentor.features.languages) languages.intern(language);
  const speakers = new Int32Array(languages.size * words);
  const freeAt = new Int32Array(WEEK_HOURS * words);
  const mentorWeek = new Int32Array(m * SLOT_WORDS);
  const mentorInfo = new Int32Array(m * MENTOR_FIELDS);
  const mentorInterestCount = new Int32Array(m);
  const mentorIndustryCount = new Int32Array(m);
  mentors.forEach((mentor, j) => {
    const f = mentor.features;
    const bit = 1 << (j & 31);
    const word = j >>> 5;
    for (const language of f.languages) speakers[languages.find(language) * words + word] |= bit;
    weekBits(f.availability.weeklySlotsUtc, mentorWeek, j * SLOT_WORDS);
    for (let hour = 0; hour < WEEK_HOURS; hour++) if (mentorWeek[j * SLOT_WORDS + (hour >>> 5)] & (1 << (hour & 31))) freeAt[hour * words + word] |= bit;
    const info = j * MENTOR_FIELDS;
    mentorInfo[info + OFFSET] = offsetClass(f.availability.utcOffsetMinutes);
    mentorInfo[info + YEARS] = (experienceOf(f.experienceYears) ?? -1) + 1;
    mentorInfo[info + EMPLOYER] = f.employerKey === null ? -1 : employers.intern(f.employerKey);
    mentorInfo[info + REACH] = reachUnits(f.networkSize);
    for (const skill of f.skillsOffered) skills.addMentorTerm(j, skill.id, levelOf(skill.level));
    for (const interest of f.interests) if (interests.addMentorTerm(j, interest, 1)) mentorInterestCount[j] += 1;
    for (const industry of f.industries) if (industries.addMentorTerm(j, industry, 1)) mentorIndustryCount[j] += 1;
    for (const role of f.targetRoles) targetRoles.addMentorTerm(j, role, 1);
    // A mentor knows their own industries from the inside as well as those listed besides them.
    for (const industry of f.industries) targetIndustries.addMentorTerm(j, industry, 1);
    for (const industry of f.targetIndustries) targetIndustries.addMentorTerm(j, industry, 1);
    for (const kind of f.contactKinds) contactKinds.addMentorTerm(j, kind, 1);
  });

  // Mentees.
  const menteeLanguages = new RowsBuilder();
  const menteeSlots = new RowsBuilder();
  const menteeWeek = new Int32Array(n * SLOT_WORDS);
  const menteeOffset = new Int32Array(n);
  const menteeYears = new Int32Array(n);
  const menteeEmployer = new Int32Array(n);
  mentees.forEach((mentee, i) => {
    const f = mentee.features;
    // A language no mentor speaks cannot make a pair: it has no bitset. Repeats are harmless (the row ORs them).
    for (const language of f.languages) if (languages.find(language) >= 0) menteeLanguages.push(languages.find(language));
    menteeLanguages.endRow(0);
    weekBits(f.availability.weeklySlotsUtc, menteeWeek, i * SLOT_WORDS);
    let hours = 0;
    for (let hour = 0; hour < WEEK_HOURS; hour++) {
      if (menteeWeek[i * SLOT_WORDS + (hour >>> 5)] & (1 << (hour & 31))) {
        menteeSlots.push(hour);
        hours += 1;
      }
    }
    menteeSlots.endRow(hours);
    menteeOffset[i] = offsetClass(f.availability.utcOffsetMinutes);
    menteeYears[i] = (experienceOf(f.experienceYears) ?? -1) + 1;
    menteeEmployer[i] = f.employerKey === null ? -1 : employers.intern(f.employerKey);
    skills.addMenteeSkills(mentee.userId, f.skillsWanted);
    interests.addMentee(mentee.userId, f.interests);
    industries.addMentee(mentee.userId, f.industries);
    targetRoles.addMentee(mentee.userId, f.targetRoles);
    targetIndustries.addMentee(mentee.userId, f.targetIndustries);
    contactKinds.addMentee(mentee.userId, f.contactKinds);
  });

  return {
    menteeCount: n,
    mentorCount: m,
    mentorWords: words,
    speakers,
    menteeLanguages: menteeLanguages.build(),
    freeAt,
    menteeSlots: menteeSlots.build(),
    menteeWeek,
    mentorWeek,
    offsets: Float64Array.from(offsetValues),
    menteeOffset,
    menteeYears,
    menteeEmployer,
    mentorInfo,
    excluded: exclusions(mentees, mentors, menteeIndex, mentorIndex, previousPairs),
    skills: skills.build(m),
    menteeSkillLevels: Uint8Array.from(skills.levels),
    interests: interests.build(m),
    mentorInterestCount,
    industries: industries.build(m),
    mentorIndustryCount,
    targetRoles: targetRoles.build(m),
    targetIndustries: targetIndustries.build(m),
    contactKinds: contactKinds.build(m),
  };
}

/** Per mentee, the mentors ruled out by a declared conflict on either side, a previous match, or being the same person. */
function exclusions(
  mentees: readonly Candidate[],
  mentors: readonly Candidate[],
  menteeIndex: ReadonlyMap<string, number>,
  mentorIndex: ReadonlyMap<string, number>,
  previousPairs: Iterable<readonly [string, string]>,
): MenteeLists {
  const ruledOut = new Map<number, Set<number>>();
  const add = (i: number | undefined, j: number | undefined): void => {
    if (i === undefined || j === undefined) return;
    let set = ruledOut.get(i);
    if (set === undefined) ruledOut.set(i, (set = new Set()));
    set.add(j);
  };
  mentees.forEach((mentee, i) => {
    add(i, mentorIndex.get(mentee.userId));
    for (const userId of mentee.excludedUserIds) add(i, mentorIndex.get(userId));
  });
  mentors.forEach((mentor, j) => {
    for (const userId of mentor.excludedUserIds) add(menteeIndex.get(userId), j);
  });
  for (const [menteeId, mentorId] of previousPairs) add(menteeIndex.get(menteeId), mentorIndex.get(mentorId));
  const rows = new RowsBuilder();
  mentees.forEach((_, i) => {
    const set = ruledOut.get(i);
    if (set !== undefined) for (const j of [...set].sort((a, b) => a - b)) rows.push(j);
    rows.endRow(set?.size ?? 0);
  });
  return rows.build();
}

const maxCount = (lists: MenteeLists): number => lists.count.reduce((max, value) => Math.max(max, value), 0);
const maxOf = (values: Int32Array): number => values.reduce((max, value) => Math.max(max, value), 0);

/** value → counted units for list criteria other than skills: `[value × 6 + 0]` is the value itself (0 or 1). */
const PRESENCE = Int32Array.from({ length: 36 }, (_, at) => (at % 6 === 0 ? at / 6 : 0));

/**
 * One list criterion as a row scores it. Its points at mentee count a,
 * mentor count b and shared count c are `points[start[a] + b × stride + c]`
 * (stride 0 when the points do not depend on the mentor's list, b unused).
 */
interface ListCriterion {
  readonly index: TermIndex;
  readonly weight: number;
  readonly points: Int32Array;
  readonly start: Int32Array;
  readonly stride: number;
  /** Each mentor's list length, when `stride` > 0. */
  readonly mentorLength: Int32Array;
  /** `[value × 6 + level]` → units added for a term (skills: coverage units; others: presence). */
  readonly units: Int32Array;
  /** Skills: the level aimed at beside each mentee term; others: null (level 0). */
  readonly levels: Uint8Array | null;
  /** Scratch: units per feasible mentor during a row. */
  readonly count: Int32Array;
}

/**
 * Scores rows of a compiled pool under one model: the round solver's
 * PairScorer (`scoreRow(mentee, out)` writes every mentor's integer total, or
 * -1 when a hard constraint fails). Holds scratch arrays, so an instance
 * scores one row at a time; a worker builds its own from the features.
 */
export class PoolScorer {
  readonly maxTotal: number;
  private readonly minCommonSlots: number;
  /** Whether the bit-sliced counter decides availability (see COUNTER_MAX). */
  private readonly slicedSlots: boolean;
  /** Points by common hours (0…168), for pairs that hold the availability rule. */
  private readonly availabilityPoints: Int32Array;
  private readonly timeZonePoints: Int32Array;
  /** `[menteeYearsIndex × YEARS_SPAN + mentorYearsIndex]`, FAILED where the gap rule fails. */
  private readonly seniorityPoints: Int32Array;
  /** Network reach points by the mentor's reach units. */
  private readonly reachPoints: Int32Array;
  private readonly excludeSameEmployer: boolean;
  private readonly criteria: readonly ListCriterion[];

  // Scratch, reused row after row.
  private readonly feasible: Int32Array;
  private readonly planes: Int32Array;
  private readonly feasibleMentor: Int32Array;
  /** Per mentor: its position in feasibleMentor during a row, else a trash slot (≥ mentor count). */
  private readonly slotOf: Int32Array;
  private readonly partial: Int32Array;

  constructor(
    readonly features: PoolFeatures,
    readonly model: ScoringModel,
    readonly objectives: readonly ProgramObjective[],
  ) {
    const problems = validateModel(model);
    if (problems.length > 0) throw new RangeError(`invalid scoring model: ${problems.map((p) => `${p.path}: ${p.issue}`).join('; ')}`);
    const f = features;
    const m = f.mentorCount;
    const { weights, constraints } = model;
    this.maxTotal = maxTotal(model);
    this.excludeSameEmployer = constraints.excludeSameEmployer;
    this.minCommonSlots = constraints.minCommonSlots;

    const fullCredit = availabilityFullCreditSlots(constraints.minCommonSlots);
    this.slicedSlots = fullCredit <= COUNTER_MAX;
    this.availabilityPoints = Int32Array.from({ length: WEEK_HOURS + 1 }, (_, common) =>
      ratioPoints(weights.availability, availabilityUnits(common, fullCredit), fullCredit),
    );

    const offsetCount = f.offsets.length;
    this.timeZonePoints = new Int32Array(offsetCount * offsetCount);
    for (let a = 0; a < offsetCount; a++) {
      for (let b = 0; b < offsetCount; b++) {
        this.timeZonePoints[a * offsetCount + b] = ratioPoints(weights.time_zone, timeZoneUnits(f.offsets[a], f.offsets[b]), TIME_ZONE_SPAN_MINUTES);
      }
    }

    const minGap = constraints.minSeniorityGapYears;
    this.seniorityPoints = new Int32Array(YEARS_SPAN * YEARS_SPAN);
    for (let e = 0; e < YEARS_SPAN; e++) {
      for (let r = 0; r < YEARS_SPAN; r++) {
        const known = e > 0 && r > 0;
        const gap = r - e;
        const held = minGap === null || (known && gap >= minGap);
        const points = known ? ratioPoints(weights.seniority, seniorityUnits(gap), SENIORITY_UNITS) : 0;
        this.seniorityPoints[e * YEARS_SPAN + r] = held ? points : FAILED;
      }
    }

    // The objectives parts and their shares of the weight, split as pair-score.ts splits them.
    const parts = objectiveParts(objectives);
    const shares = splitWeight(weights.objectives, parts.length);
    const share = (part: ObjectivePart): number => (parts.includes(part) ? shares[parts.indexOf(part)] : 0);
    this.reachPoints = Int32Array.from({ length: REACH_UNITS + 1 }, (_, units) => ratioPoints(share('network_reach'), units, REACH_UNITS));

    const scratch = (): Int32Array => new Int32Array(m + TRASH_SLOTS);
    const none = new Int32Array(0);
    /** Points by (a, c) for a mentee listing a terms, c of them shared: coverage of what the mentee aims at. */
    const coverage = (index: TermIndex, weight: number): ListCriterion => {
      const span = maxCount(index.mentee) + 1;
      return {
        index,
        weight,
        points: Int32Array.from({ length: span * span }, (_, at) => ratioPoints(weight, at % span, Math.floor(at / span))),
        start: Int32Array.from({ length: span }, (_, a) => a * span),
        stride: 0,
        mentorLength: none,
        units: PRESENCE,
        levels: null,
        count: scratch(),
      };
    };
    /** Points by (a, b, c) when the mentor's list length b matters too; entries with c > min(a, b) are never read. */
    const perMentor = (index: TermIndex, weight: number, mentorLength: Int32Array, formula: (a: number, b: number, c: number) => number): ListCriterion => {
      const spanA = maxCount(index.mentee) + 1;
      const spanB = maxOf(mentorLength) + 1;
      const spanC = Math.min(spanA, spanB) + 1;
      return {
        index,
        weight,
        points: Int32Array.from({ length: spanA * spanB * spanC }, (_, at) =>
          formula(Math.floor(at / (spanB * spanC)), Math.floor(at / spanC) % spanB, at % spanC),
        ),
        start: Int32Array.from({ length: spanA }, (_, a) => a * spanB * spanC),
        stride: spanC,
        mentorLength,
        units: PRESENCE,
        levels: null,
        count: scratch(),
      };
    };
    // Skills: points by (w wanted skills, S coverage units), S ≤ SKILL_UNITS × w.
    const wantedMax = maxCount(f.skills.mentee);
    const skillStart = new Int32Array(wantedMax + 1);
    for (let w = 1; w <= wantedMax; w++) skillStart[w] = skillStart[w - 1] + SKILL_UNITS * (w - 1) + 1;
    const skillPoints = new Int32Array(wantedMax === 0 ? 1 : skillStart[wantedMax] + SKILL_UNITS * wantedMax + 1);
    for (let w = 1; w <= wantedMax; w++) {
      for (let units = 0; units <= SKILL_UNITS * w; units++) skillPoints[skillStart[w] + units] = ratioPoints(weights.skills, units, SKILL_UNITS * w);
    }
    this.criteria = [
      {
        index: f.skills,
        weight: weights.skills,
        points: skillPoints,
        start: skillStart,
        stride: 0,
        mentorLength: none,
        units: Int32Array.from({ length: 36 }, (_, at) => (at % 6 === 0 ? 0 : skillCoverageUnits(Math.floor(at / 6), at % 6))),
        levels: f.menteeSkillLevels,
        count: scratch(),
      },
      perMentor(f.interests, weights.interests, f.mentorInterestCount, (a, b, c) => ratioPoints(weights.interests, c, a + b - c)),
      perMentor(f.industries, weights.industry, f.mentorIndustryCount, (a, b, c) => ratioPoints(weights.industry, c, Math.min(a, b))),
      coverage(f.targetRoles, share('target_roles')),
      coverage(f.targetIndustries, share('target_industries')),
      coverage(f.contactKinds, share('contact_kinds')),
    ];

    this.feasible = new Int32Array(f.mentorWords);
    this.planes = new Int32Array(4 * f.mentorWords);
    this.feasibleMentor = new Int32Array(m);
    this.slotOf = Int32Array.from({ length: m }, (_, j) => m + (j % TRASH_SLOTS));
    this.partial = new Int32Array(m);
  }

  get menteeCount(): number {
    return this.features.menteeCount;
  }

  get mentorCount(): number {
    return this.features.mentorCount;
  }

  /** Writes every mentor's total with mentee `mentee` into `out` (length: the mentor count), or -1 where a hard constraint fails. */
  scoreRow(mentee: number, out: Int32Array): void {
    const f = this.features;
    const m = f.mentorCount;
    if (out.length !== m) throw new RangeError(`scoreRow needs an output of ${m} entries, got ${out.length}`);
    if (!Number.isInteger(mentee) || mentee < 0 || mentee >= f.menteeCount) throw new RangeError(`no mentee ${mentee}`);
    out.fill(-1);

    // 1. Feasibility by words: a common language, then (bit-sliced) enough common hours; exclusions cleared.
    const words = f.mentorWords;
    const feasible = this.feasible;
    const languages = f.menteeLanguages;
    speakersOf(languages.start[mentee], languages.start[mentee + 1], languages.id, f.speakers, words, feasible);
    const slots = f.menteeSlots;
    if (this.slicedSlots) {
      countCommonHours(slots.start[mentee], slots.start[mentee + 1], slots.id, f.freeAt, words, feasible, this.planes, this.minCommonSlots);
    }
    const excluded = f.excluded;
    for (let k = excluded.start[mentee]; k < excluded.start[mentee + 1]; k++) {
      const j = excluded.id[k];
      feasible[j >>> 5] &= ~(1 << (j & 31));
    }
    // Then mentor by mentor: the remaining rules and the per-mentor points.
    const employer = this.excludeSameEmployer && f.menteeEmployer[mentee] >= 0 ? f.menteeEmployer[mentee] : -2;
    const count = collectFeasible(
      words,
      feasible,
      this.planes,
      this.slicedSlots,
      this.minCommonSlots,
      f.menteeWeek,
      mentee * SLOT_WORDS,
      f.mentorWeek,
      this.availabilityPoints,
      this.timeZonePoints,
      f.menteeOffset[mentee] * f.offsets.length,
      this.seniorityPoints,
      f.menteeYears[mentee] * YEARS_SPAN,
      this.reachPoints,
      f.mentorInfo,
      employer,
      this.feasibleMentor,
      this.partial,
      this.slotOf,
    );

    // 2. The list criteria, for the feasible mentors only.
    for (const criterion of this.criteria) if (count > 0) this.addCriterion(criterion, mentee, count);
    const feasibleMentor = this.feasibleMentor;
    const partial = this.partial;
    const slotOf = this.slotOf;
    for (let k = 0; k < count; k++) {
      const j = feasibleMentor[k];
      out[j] = partial[k];
      slotOf[j] = m + (j % TRASH_SLOTS);
    }
  }

  /** Adds one list criterion's points to each feasible mentor's partial total. */
  private addCriterion(criterion: ListCriterion, mentee: number, count: number): void {
    const { index, points, stride } = criterion;
    const { start, id, count: listed } = index.mentee;
    const first = start[mentee];
    const last = start[mentee + 1];
    // Nothing shared, nothing earned (ratioPoints gives 0 at c = 0): skip the criterion for this row.
    if (first === last || criterion.weight === 0) return;
    const base = criterion.start[listed[mentee]];

    if (index.masks.length > 0 && criterion.levels === null) {
      let menteeMask = 0;
      for (let t = first; t < last; t++) menteeMask |= 1 << id[t];
      addMasked(count, this.feasibleMentor, index.masks, menteeMask, points, base, stride, this.partial);
      return;
    }

    const into = criterion.count;
    into.fill(0, 0, count);
    // The trash slots are never read; zeroing them keeps their sums small.
    into.fill(0, into.length - TRASH_SLOTS);
    const levels = criterion.levels;
    for (let t = first; t < last; t++) {
      const term = id[t];
      const level = levels === null ? 0 : levels[t];
      const from = index.postingStart[term];
      const to = index.postingStart[term + 1];
      const column = index.column[term];
      if (column >= 0 && count < to - from) addColumn(index.columns, column, this.feasibleMentor, count, into, criterion.units, level);
      else addPostings(from, to, index.postingMentor, index.postingValue, this.slotOf, into, criterion.units, level);
    }
    if (stride === 0) addPoints(count, into, points, base, this.partial);
    else addPointsPerMentor(count, into, points, base, this.feasibleMentor, criterion.mentorLength, stride, this.partial);
  }
}

/*
 * The kernels: module functions over typed arrays, each always called with
 * the same array kinds, so V8 compiles each once, monomorphic, without a
 * rarely taken branch that would throw the optimised code away.
 */

/** feasible[w] = the mentors (bits) who speak one of the mentee's languages. */
function speakersOf(first: number, last: number, languages: Int32Array, speakers: Int32Array, words: number, feasible: Int32Array): void {
  feasible.fill(0);
  for (let t = first; t < last; t++) {
    const base = languages[t] * words;
    for (let w = 0; w < words; w++) feasible[w] |= speakers[base + w];
  }
}

/**
 * Counts, for 32 mentors at a time, the hours they share with the mentee in
 * four bit planes (a 0–15 counter per mentor that saturates), keeps in
 * `feasible` those with at least `min` common hours, and leaves the planes
 * for collectFeasible to read each mentor's count from.
 */
function countCommonHours(first: number, last: number, slots: Int32Array, freeAt: Int32Array, words: number, feasible: Int32Array, planes: Int32Array, min: number): void {
  for (let w = 0; w < words; w++) {
    const speaking = feasible[w];
    let p0 = 0;
    let p1 = 0;
    let p2 = 0;
    let p3 = 0;
    if (speaking !== 0) {
      for (let t = first; t < last; t++) {
        const x = freeAt[slots[t] * words + w] & speaking;
        const c0 = p0 & x;
        p0 ^= x;
        const c1 = p1 & c0;
        p1 ^= c0;
        const c2 = p2 & c1;
        p2 ^= c1;
        const c3 = p3 & c2;
        p3 ^= c2;
        // Overflow past 15: stay at 15.
        p0 |= c3;
        p1 |= c3;
        p2 |= c3;
        p3 |= c3;
      }
    }
    planes[w] = p0;
    planes[words + w] = p1;
    planes[2 * words + w] = p2;
    planes[3 * words + w] = p3;
    // counter ≥ min, from the top bit down: greater at the first bit where the counter has 1 and min 0.
    let greater = 0;
    let equal = -1;
    for (let bit = 3; bit >= 0; bit--) {
      const plane = bit === 3 ? p3 : bit === 2 ? p2 : bit === 1 ? p1 : p0;
      if ((min >> bit) & 1) equal &= plane;
      else {
        greater |= equal & plane;
        equal &= ~plane;
      }
    }
    feasible[w] = speaking & (greater | equal);
  }
}

/** Number of set bits of a 32-bit integer (SWAR), every step a 32-bit integer. */
function bitCount(x: number): number {
  x = (x - ((x >> 1) & 0x55555555)) | 0;
  x = (x & 0x33333333) + ((x >> 2) & 0x33333333);
  return Math.imul((x + (x >> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Visits the mentors still feasible, applies the seniority and employer
 * rules (and availability, when the counter does not decide it), and lists
 * the survivors with their per-mentor points. Returns how many.
 */
function collectFeasible(
  words: number,
  feasible: Int32Array,
  planes: Int32Array,
  sliced: boolean,
  minCommonSlots: number,
  menteeWeek: Int32Array,
  weekBase: number,
  mentorWeek: Int32Array,
  availability: Int32Array,
  timeZone: Int32Array,
  timeZoneBase: number,
  seniority: Int32Array,
  seniorityBase: number,
  reach: Int32Array,
  mentorInfo: Int32Array,
  employer: number,
  feasibleMentor: Int32Array,
  partial: Int32Array,
  slotOf: Int32Array,
): number {
  let count = 0;
  for (let w = 0; w < words; w++) {
    let bits = feasible[w];
    if (bits === 0) continue;
    const p0 = planes[w];
    const p1 = planes[words + w];
    const p2 = planes[2 * words + w];
    const p3 = planes[3 * words + w];
    while (bits !== 0) {
      const low = bits & -bits;
      bits ^= low;
      const b = 31 - Math.clz32(low);
      const j = (w << 5) | b;
      let common: number;
      if (sliced) {
        common = ((p0 >>> b) & 1) | (((p1 >>> b) & 1) << 1) | (((p2 >>> b) & 1) << 2) | (((p3 >>> b) & 1) << 3);
      } else {
        const at = j * SLOT_WORDS;
        common = 0;
        for (let k = 0; k < SLOT_WORDS; k++) common += bitCount(menteeWeek[weekBase + k] & mentorWeek[at + k]);
        if (common < minCommonSlots) continue;
      }
      const info = j * MENTOR_FIELDS;
      const points =
        availability[common] + timeZone[timeZoneBase + mentorInfo[info + OFFSET]] + seniority[seniorityBase + mentorInfo[info + YEARS]] + reach[mentorInfo[info + REACH]];
      if (points < 0 || mentorInfo[info + EMPLOYER] === employer) continue;
      feasibleMentor[count] = j;
      partial[count] = points;
      slotOf[j] = count;
      count++;
    }
  }
  return count;
}

/** A common term's dense column, read at each feasible mentor. */
function addColumn(columns: Uint8Array, column: number, feasibleMentor: Int32Array, count: number, into: Int32Array, units: Int32Array, level: number): void {
  for (let k = 0; k < count; k++) into[k] += units[columns[column + feasibleMentor[k]] * 6 + level];
}

/** A rare term's posting list; infeasible mentors land in trash slots. */
function addPostings(from: number, to: number, postingMentor: Int32Array, postingValue: Uint8Array, slotOf: Int32Array, into: Int32Array, units: Int32Array, level: number): void {
  for (let p = from; p < to; p++) into[slotOf[postingMentor[p]]] += units[postingValue[p] * 6 + level];
}

/** Points at each feasible mentor's count, for criteria that ignore the mentor's list length. */
function addPoints(count: number, counts: Int32Array, points: Int32Array, base: number, partial: Int32Array): void {
  for (let k = 0; k < count; k++) partial[k] += points[base + counts[k]];
}

/** Points at each feasible mentor's count and list length. */
function addPointsPerMentor(count: number, counts: Int32Array, points: Int32Array, base: number, feasibleMentor: Int32Array, mentorLength: Int32Array, stride: number, partial: Int32Array): void {
  for (let k = 0; k < count; k++) partial[k] += points[base + mentorLength[feasibleMentor[k]] * stride + counts[k]];
}

/** Small vocabularies: shared terms and the mentor's list length by popcount of each feasible mentor's mask. */
function addMasked(count: number, feasibleMentor: Int32Array, masks: Int32Array, menteeMask: number, points: Int32Array, base: number, stride: number, partial: Int32Array): void {
  for (let k = 0; k < count; k++) {
    const mask = masks[feasibleMentor[k]];
    partial[k] += points[base + bitCount(mask) * stride + bitCount(mask & menteeMask)];
  }
}

/**
 * A pool compiled for a programme's round: the row scorer plus what the
 * explanations need (the candidates, who was matched before).
 */
export class CompiledPool extends PoolScorer {
  constructor(
    features: PoolFeatures,
    model: ScoringModel,
    objectives: readonly ProgramObjective[],
    readonly mentees: readonly Candidate[],
    readonly mentors: readonly Candidate[],
    /** menteeIndex × mentorCount + mentorIndex of the pairs matched before. */
    private readonly previous: ReadonlySet<number>,
  ) {
    super(features, model, objectives);
  }

  /** The pair's score with its breakdown and constraints (scorePair), e.g. for a proposal or "why not X?". */
  explain(menteeIndex: number, mentorIndex: number): PairScore {
    const mentee = this.mentees[menteeIndex];
    const mentor = this.mentors[mentorIndex];
    if (!mentee || !mentor) throw new RangeError(`no pair (${menteeIndex}, ${mentorIndex}) in this pool`);
    const previouslyMatched = this.previous.has(menteeIndex * this.mentors.length + mentorIndex);
    return scorePair(mentee, mentor, this.model, { previouslyMatched, objectives: this.objectives });
  }

  /** The same pool under other weights or constraints (a what-if run): the features are reused, only the model's tables are rebuilt. */
  withModel(model: ScoringModel): CompiledPool {
    return new CompiledPool(this.features, model, this.objectives, this.mentees, this.mentors, this.previous);
  }
}

/** Compiles `mentees` × `mentors` under `model` for a programme with `context.objectives`. */
export function compilePool(mentees: readonly Candidate[], mentors: readonly Candidate[], model: ScoringModel, context: PoolContext): CompiledPool {
  const pairs = [...context.previousPairs];
  const features = compileFeatures(mentees, mentors, pairs);
  const menteeIndex = new Map(mentees.map((mentee, i) => [mentee.userId, i]));
  const mentorIndex = new Map(mentors.map((mentor, j) => [mentor.userId, j]));
  const previous = new Set<number>();
  for (const [menteeId, mentorId] of pairs) {
    const i = menteeIndex.get(menteeId);
    const j = mentorIndex.get(mentorId);
    if (i !== undefined && j !== undefined) previous.add(i * mentors.length + j);
  }
  return new CompiledPool(features, model, [...context.objectives], mentees, mentors, previous);
}
