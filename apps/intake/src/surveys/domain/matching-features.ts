/**
 * What an enrolment event carries for matching (PRODUCT.md, lifecycle step 3,
 * and "Payloads carry ids, not personal data"): the answers of the questions
 * bound to a matching feature, as taxonomy ids, option ids and numbers — no
 * free text. The employer name becomes a one-way key, availability becomes
 * hours of a UTC week so two people in different zones compare directly.
 * Pure: no I/O (hashing and Intl are computations).
 */
import { createHash } from 'node:crypto';
import {
  type Answers,
  type AvailabilityAnswer,
  type LeveledChoice,
  type MatchingFeature,
  type MatchingFeatures,
  type Question,
  WEEK_DAYS,
} from './question';
import { WEEK_HOURS } from './template';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The zone's offset from UTC at `at`, in minutes east of Greenwich
 * (Asia/Kolkata → 330, America/New_York in January → −300). Intl names it
 * "GMT+05:30", or just "GMT" for UTC; historic local mean times carry seconds
 * ("GMT+00:09:21"), which are dropped. Throws a RangeError for a zone Intl
 * does not know, which validateAnswers has already refused.
 */
export function utcOffsetMinutes(timeZone: string, at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((part) => part.type === 'timeZoneName')?.value;
  const match = /^GMT(?:([+-])(\d{2}):(\d{2})(?::\d{2})?)?$/.exec(name ?? '');
  if (!match) throw new Error(`Unexpected offset name "${name}" for time zone ${timeZone}`);
  if (!match[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * Weekly local slots (`tue-18`) as hours of a UTC week (0 = Monday 00:00 UTC),
 * with the zone's offset at `at`: the whole week is shifted by the offset of
 * the moment of answering, so a slot moves by an hour for the part of the
 * programme on the other side of a daylight-saving change. Matching only needs
 * overlap, and the participant can update the answer.
 *
 * Zones with a half-hour (or 45-minute) offset: a slot is counted in the UTC
 * hour it starts in (floor), so Kolkata's 18:00–19:00 (12:30–13:30 UTC) is
 * UTC hour 12. Two such slots compare as whole hours, at most 59 minutes off.
 */
export function toUtcWeekHours(slots: readonly string[], offsetMinutes: number): number[] {
  const hours = new Set<number>();
  for (const slot of slots) {
    const [day, hour] = slot.split('-');
    const localMinutes = (WEEK_DAYS.indexOf(day as (typeof WEEK_DAYS)[number]) * 24 + Number(hour)) * 60;
    const utcHour = Math.floor((localMinutes - offsetMinutes) / 60);
    hours.add(((utcHour % WEEK_HOURS) + WEEK_HOURS) % WEEK_HOURS);
  }
  return [...hours].sort((a, b) => a - b);
}

/**
 * Legal-form words dropped from the end of an employer name, so "Société
 * Générale SA" and "societe generale" are the same employer. Only trailing
 * words go (repeatedly: "GmbH & Co. KG"), and never the whole name.
 */
const LEGAL_SUFFIXES = new Set([
  // French
  'sa', 'sas', 'sasu', 'sarl', 'eurl', 'sca', 'se', 'scop',
  // English
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc', 'pty',
  // Other European
  'gmbh', 'ag', 'kg', 'ug', 'bv', 'nv', 'srl', 'spa', 'sl', 'ab', 'as', 'asa', 'oy',
]);

/** The employer name as compared: NFKD without diacritics, lower case, words of letters and digits, no legal form, no leading "the". */
export function normaliseEmployer(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    // Dots and apostrophes join rather than separate: "S.A." is "sa", "L'Oréal" is "loreal".
    .replace(/['’.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word.length > 0);
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1])) words.pop();
  if (words.length > 1 && words[0] === 'the') words.shift();
  return words.join(' ');
}

/** A one-way key of the normalised employer name (first 32 hex digits of its SHA-256), or null when there is no name. */
export function employerKey(name: string): string | null {
  const normalised = normaliseEmployer(name);
  return normalised.length === 0 ? null : createHash('sha256').update(normalised, 'utf8').digest('hex').slice(0, 32);
}

/** Intl accepts any letter case ("europe/paris"); carry the canonical spelling, but not Intl's legacy aliases (Asia/Kolkata stays). */
function canonicalZoneCase(timeZone: string): string {
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  return resolved.toLowerCase() === timeZone.toLowerCase() ? resolved : timeZone;
}

const sortedIds = (value: unknown): string[] => (Array.isArray(value) ? [...new Set(value.filter((id): id is string => typeof id === 'string'))].sort() : []);
const sortedLevels = (value: unknown): LeveledChoice[] =>
  Array.isArray(value)
    ? value
        .filter((item): item is LeveledChoice => isObject(item) && typeof item.id === 'string' && typeof item.level === 'number')
        .map(({ id, level }) => ({ id, level }))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    : [];
const numberOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * The matching features of `answers`, which validateAnswers accepted against
 * `questions`. A feature without a question, or an optional question left
 * unanswered, gives an empty list or null. Availability is a required feature
 * of every valid template; the empty UTC week for a missing one is a
 * defensive default, not a case that arises. Lists are sorted, so the same
 * answers always give the same event.
 */
export function extractFeatures(questions: readonly Question[], answers: Answers, at: Date): MatchingFeatures {
  const answerTo = (feature: MatchingFeature): unknown => {
    const question = questions.find((q) => q.feature === feature);
    return question && Object.prototype.hasOwnProperty.call(answers, question.id) ? answers[question.id] : undefined;
  };

  const availability = answerTo('availability');
  let availabilityFeature: MatchingFeatures['availability'] = { timeZone: 'UTC', utcOffsetMinutes: 0, weeklySlotsUtc: [] };
  if (isObject(availability) && typeof availability.timeZone === 'string' && Array.isArray(availability.slots)) {
    const { timeZone, slots } = availability as AvailabilityAnswer;
    const offset = utcOffsetMinutes(timeZone, at);
    availabilityFeature = { timeZone: canonicalZoneCase(timeZone), utcOffsetMinutes: offset, weeklySlotsUtc: toUtcWeekHours(slots, offset) };
  }

  const employer = answerTo('employer');
  return {
    skillsOffered: sortedLevels(answerTo('skills_offered')),
    skillsWanted: sortedLevels(answerTo('skills_wanted')),
    interests: sortedIds(answerTo('interests')),
    industries: sortedIds(answerTo('industries')),
    languages: sortedIds(answerTo('languages')),
    availability: availabilityFeature,
    experienceYears: numberOrNull(answerTo('experience_years')),
    employerKey: typeof employer === 'string' ? employerKey(employer) : null,
    targetRoles: sortedIds(answerTo('target_roles')),
    targetIndustries: sortedIds(answerTo('target_industries')),
    networkSize: numberOrNull(answerTo('network_size')),
    contactKinds: sortedIds(answerTo('contact_kinds')),
  };
}
