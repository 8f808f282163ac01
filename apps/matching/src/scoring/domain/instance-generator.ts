/**
 * Seeded, reproducible pools of candidates for the scorer's tests and the
 * matching benchmark (issue "Matching", benchmark: "An instance generator
 * with realistic skew (Zipf-distributed skills and interests grouped by
 * field, a dominant language plus minorities, availability slots, capacities
 * 1–5, exclusions), seeded and reproducible"). The same options give the same
 * candidates, field for field, on any machine: the only randomness is the
 * PRNG below, and floating-point draws go through the same operations.
 *
 * Shape of the data, so the scorer meets what real enrolments look like:
 *  - 8 fields of study of uneven size (Zipf); a person belongs to one and
 *    picks most skills, interests and industries from its vocabulary, with
 *    a few picks from elsewhere; within a vocabulary, picks are Zipf (a few
 *    skills everybody names, a long tail);
 *  - one dominant language (~85 % speak it) and Zipf-distributed minorities;
 *  - availability as a few evening and weekend blocks in local time, in a
 *    handful of time zones (most participants in the dominant one);
 *  - mentees with 0–3 years of experience, mentors 3–30 (skewed junior);
 *    capacities 1–5 (mostly 1–2); employers from a Zipf list shared by both
 *    sides, so some pairs fall to the same-employer rule;
 *  - a few declared conflicts on either side and a few previous matches.
 * Only the features the programme's intake survey asks for are filled (e.g.
 * target roles only for job_search), as intake would.
 */
import { type Candidate, type CandidateFeatures, type LeveledTerm, PROGRAM_OBJECTIVES, type ProgramObjective } from './candidate';
import { WEEK_HOURS } from './similarity';

export interface InstanceOptions {
  readonly mentees: number;
  readonly mentors: number;
  readonly seed: number;
  /** Defaults to all three objectives, so every criterion has data. */
  readonly objectives?: readonly ProgramObjective[];
}

export interface Instance {
  readonly mentees: Candidate[];
  readonly mentors: Candidate[];
  readonly objectives: ProgramObjective[];
  /** Pairs matched in an earlier round, [mentee user id, mentor user id]. */
  readonly previousPairs: Array<[string, string]>;
}

/**
 * A 32-bit PRNG (the mulberry32 construction: a Weyl sequence through an
 * integer mixer). Small, fast and good enough for synthetic data; not for
 * anything secret.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = () => number;

/** Draws ranks 0..size-1 with probability ∝ 1 / (rank + 1)^exponent. */
class Zipf {
  private readonly cumulative: Float64Array;
  constructor(
    readonly size: number,
    exponent: number,
  ) {
    this.cumulative = new Float64Array(size);
    let sum = 0;
    for (let rank = 0; rank < size; rank++) {
      sum += 1 / Math.pow(rank + 1, exponent);
      this.cumulative[rank] = sum;
    }
  }

  draw(random: Random): number {
    const target = random() * this.cumulative[this.size - 1];
    let low = 0;
    let high = this.size - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /** `count` distinct ranks (fewer if the vocabulary is smaller), in draw order. */
  distinct(random: Random, count: number): number[] {
    const picked = new Set<number>();
    const wanted = Math.min(count, this.size);
    for (let attempt = 0; picked.size < wanted && attempt < 50 * wanted; attempt++) picked.add(this.draw(random));
    return [...picked];
  }
}

const FIELDS = ['data', 'software', 'finance', 'health', 'energy', 'design', 'law', 'education'] as const;
const SKILLS_PER_FIELD = 30;
const TOPICS_PER_FIELD = 12;
const HOBBIES = 25;
const INDUSTRIES_PER_FIELD = 3;
/** Role families a job search aims at (the intake survey's fixed options). */
const ROLES = [
  'data_analytics', 'software_engineering', 'product_management', 'design', 'engineering', 'finance',
  'consulting', 'marketing', 'sales', 'operations', 'human_resources', 'legal',
  'research', 'teaching', 'healthcare', 'public_sector', 'non_profit', 'entrepreneurship',
];
/** The roles of each field, most common first; a person may aim at any other too. */
const FIELD_ROLES: Record<(typeof FIELDS)[number], readonly string[]> = {
  data: ['data_analytics', 'software_engineering', 'research', 'consulting'],
  software: ['software_engineering', 'product_management', 'data_analytics', 'entrepreneurship'],
  finance: ['finance', 'consulting', 'sales', 'operations'],
  health: ['healthcare', 'research', 'public_sector', 'non_profit'],
  energy: ['engineering', 'operations', 'consulting', 'public_sector'],
  design: ['design', 'product_management', 'marketing', 'entrepreneurship'],
  law: ['legal', 'public_sector', 'consulting', 'human_resources'],
  education: ['teaching', 'research', 'non_profit', 'human_resources'],
};
const CONTACT_KINDS = ['industry_professionals', 'alumni_same_field', 'recruiters', 'entrepreneurs', 'researchers', 'public_sector'];
const DOMINANT_LANGUAGE = 'fr';
const DOMINANT_SHARE = 0.85;
const MINORITY_LANGUAGES = ['en', 'es', 'de', 'it', 'ar', 'pt', 'zh', 'ru', 'ja'];
const TIME_ZONES: ReadonlyArray<{ zone: string; offset: number; share: number }> = [
  { zone: 'Europe/Paris', offset: 60, share: 0.78 },
  { zone: 'Europe/London', offset: 0, share: 0.06 },
  { zone: 'America/Montreal', offset: -300, share: 0.05 },
  { zone: 'Africa/Casablanca', offset: 60, share: 0.04 },
  { zone: 'Asia/Singapore', offset: 480, share: 0.03 },
  { zone: 'Asia/Dubai', offset: 240, share: 0.02 },
  { zone: 'America/Sao_Paulo', offset: -180, share: 0.02 },
];
const EMPLOYERS = 600;

const pick = <T>(random: Random, values: readonly T[]): T => values[Math.floor(random() * values.length)];
const between = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
/** An index drawn with the given probabilities (they add up to 1). */
function weighted(random: Random, shares: readonly number[]): number {
  let target = random();
  for (let index = 0; index < shares.length - 1; index++) {
    target -= shares[index];
    if (target < 0) return index;
  }
  return shares.length - 1;
}
const hex = (random: Random, digits: number): string => Array.from({ length: digits }, () => Math.floor(random() * 16).toString(16)).join('');
const userId = (random: Random): string => `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-${pick(random, ['8', '9', 'a', 'b'])}${hex(random, 3)}-${hex(random, 12)}`;

/** The shared vocabularies and their skew. */
class Vocabulary {
  readonly field = new Zipf(FIELDS.length, 0.8);
  readonly skill = new Zipf(SKILLS_PER_FIELD, 1.0);
  readonly topic = new Zipf(TOPICS_PER_FIELD, 1.0);
  readonly hobby = new Zipf(HOBBIES, 1.1);
  readonly industry = new Zipf(INDUSTRIES_PER_FIELD, 1.2);
  readonly role = new Zipf(4, 1.0);
  readonly language = new Zipf(MINORITY_LANGUAGES.length, 1.3);
  readonly contact = new Zipf(CONTACT_KINDS.length, 0.9);
  readonly employer = new Zipf(EMPLOYERS, 1.1);
  readonly employerKeys: string[];

  constructor(random: Random) {
    this.employerKeys = Array.from({ length: EMPLOYERS }, () => hex(random, 32));
  }
}

/** Another field than `field` now and then, for the picks that cross fields. */
const fieldOf = (random: Random, field: number, stayShare: number): number => (random() < stayShare ? field : Math.floor(random() * FIELDS.length));

function skills(random: Random, v: Vocabulary, field: number, count: number, level: () => number): LeveledTerm[] {
  const ids = new Set<string>();
  for (let attempt = 0; ids.size < count && attempt < 20 * count; attempt++) {
    ids.add(`${FIELDS[fieldOf(random, field, 0.85)]}-skill-${v.skill.draw(random)}`);
  }
  return [...ids].sort().map((id) => ({ id, level: level() }));
}

function interests(random: Random, v: Vocabulary, field: number): string[] {
  if (random() < 0.2) return [];
  const count = between(random, 1, 10);
  const ids = new Set<string>();
  for (let attempt = 0; ids.size < count && attempt < 20 * count; attempt++) {
    ids.add(random() < 0.6 ? `${FIELDS[fieldOf(random, field, 0.8)]}-topic-${v.topic.draw(random)}` : `hobby-${v.hobby.draw(random)}`);
  }
  return [...ids].sort();
}

function industries(random: Random, v: Vocabulary, field: number, min: number, max: number): string[] {
  const count = between(random, min, max);
  const ids = new Set<string>();
  for (let attempt = 0; ids.size < count && attempt < 20 * count; attempt++) {
    ids.add(`${FIELDS[fieldOf(random, field, 0.9)]}-industry-${v.industry.draw(random)}`);
  }
  return [...ids].sort();
}

function targetRoles(random: Random, v: Vocabulary, field: number, max: number): string[] {
  const count = between(random, 1, max);
  const ids = new Set<string>();
  for (let attempt = 0; ids.size < count && attempt < 20 * count; attempt++) {
    ids.add(random() < 0.85 ? FIELD_ROLES[FIELDS[field]][v.role.draw(random)] : pick(random, ROLES));
  }
  return [...ids].sort();
}

function languages(random: Random, v: Vocabulary): string[] {
  const spoken = new Set<string>();
  if (random() < DOMINANT_SHARE) spoken.add(DOMINANT_LANGUAGE);
  const extra = weighted(random, [0.45, 0.4, 0.15]);
  for (const rank of v.language.distinct(random, extra)) spoken.add(MINORITY_LANGUAGES[rank]);
  if (spoken.size === 0) spoken.add(MINORITY_LANGUAGES[v.language.draw(random)]);
  return [...spoken].sort();
}

/** Weekly local blocks (evenings, weekends, the odd lunch) turned into hours of the UTC week. */
function availability(random: Random): CandidateFeatures['availability'] {
  const { zone, offset } = TIME_ZONES[weighted(random, TIME_ZONES.map((z) => z.share))];
  const local = new Set<number>();
  const evenings = between(random, 1, 3);
  for (let k = 0; k < evenings; k++) {
    const day = between(random, 0, 4);
    const startHour = between(random, 18, 20);
    const length = between(random, 1, 3);
    for (let h = 0; h < length; h++) local.add(day * 24 + Math.min(23, startHour + h));
  }
  const weekends = weighted(random, [0.4, 0.4, 0.2]);
  for (let k = 0; k < weekends; k++) {
    const day = between(random, 5, 6);
    const startHour = between(random, 9, 16);
    const length = between(random, 2, 3);
    for (let h = 0; h < length; h++) local.add(day * 24 + startHour + h);
  }
  if (random() < 0.2) local.add(between(random, 0, 4) * 24 + 12);
  const utc = new Set<number>();
  for (const hour of local) utc.add((((Math.floor((hour * 60 - offset) / 60)) % WEEK_HOURS) + WEEK_HOURS) % WEEK_HOURS);
  return { timeZone: zone, utcOffsetMinutes: offset, weeklySlotsUtc: [...utc].sort((a, b) => a - b) };
}

function candidate(random: Random, v: Vocabulary, role: Candidate['role'], objectives: ReadonlySet<ProgramObjective>): Candidate {
  const id = userId(random);
  const field = v.field.draw(random);
  const mentor = role === 'mentor';
  const jobSearch = objectives.has('job_search');
  const networking = objectives.has('networking');
  const skillsObjective = objectives.has('skills');
  const employed = random() < (mentor ? 0.92 : 0.35);
  const features: CandidateFeatures = {
    skillsOffered: !skillsObjective
      ? []
      : mentor
        ? skills(random, v, field, between(random, 3, 10), () => between(random, 2, 5))
        : skills(random, v, field, between(random, 0, 2), () => between(random, 1, 3)),
    skillsWanted: skillsObjective && !mentor ? skills(random, v, field, between(random, 1, 5), () => between(random, 2, 5)) : [],
    interests: interests(random, v, field),
    industries: industries(random, v, field, 1, 3),
    languages: languages(random, v),
    availability: availability(random),
    experienceYears: mentor ? 3 + Math.floor(27 * Math.pow(random(), 1.6)) : weighted(random, [0.45, 0.25, 0.18, 0.12]),
    employerKey: employed ? v.employerKeys[v.employer.draw(random)] : null,
    targetRoles: jobSearch ? targetRoles(random, v, field, mentor ? 5 : 3) : [],
    targetIndustries: !jobSearch ? [] : mentor ? (random() < 0.5 ? [] : industries(random, v, field, 1, 5)) : industries(random, v, field, 1, 3),
    networkSize: networking ? (mentor ? between(random, 2, 5) : between(random, 1, 3)) : null,
    contactKinds: networking ? v.contact.distinct(random, mentor ? between(random, 1, 6) : between(random, 1, 3)).map((rank) => CONTACT_KINDS[rank]).sort() : [],
  };
  return mentor
    ? { userId: id, role, capacity: 1 + weighted(random, [0.3, 0.35, 0.2, 0.1, 0.05]), excludedUserIds: [], features }
    : { userId: id, role, excludedUserIds: [], features };
}

/** A pool of `mentees` × `mentors` for `seed`: the same options give the same instance. */
export function generateInstance(options: InstanceOptions): Instance {
  const { seed } = options;
  const objectives = PROGRAM_OBJECTIVES.filter((objective) => (options.objectives ?? PROGRAM_OBJECTIVES).includes(objective));
  const random = seededRandom(seed);
  const vocabulary = new Vocabulary(random);
  const chosen = new Set(objectives);
  const mentees = Array.from({ length: options.mentees }, () => candidate(random, vocabulary, 'mentee', chosen));
  const mentors = Array.from({ length: options.mentors }, () => candidate(random, vocabulary, 'mentor', chosen));

  // Declared conflicts: about 1 % of mentees and 0.5 % of mentors name someone of the other side.
  const withExclusions = <T extends Candidate>(people: T[], others: readonly Candidate[], share: number): T[] =>
    people.map((person) => (others.length > 0 && random() < share ? { ...person, excludedUserIds: [pick(random, others).userId] } : person));
  const excludingMentees = withExclusions(mentees, mentors, 0.01);
  const excludingMentors = withExclusions(mentors, mentees, 0.005);
  const previousPairs: Array<[string, string]> = [];
  if (mentors.length > 0) {
    for (const mentee of excludingMentees) if (random() < 0.02) previousPairs.push([mentee.userId, pick(random, mentors).userId]);
  }
  return { mentees: excludingMentees, mentors: excludingMentors, objectives, previousPairs };
}
