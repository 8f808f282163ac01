/**
 * The integer formulas behind every criterion, shared by the readable scorer
 * (pair-score.ts, which explains one pair) and the compiled one
 * (compiled-pool.ts, which scores whole rows for a round). A criterion's
 * similarity is always a ratio of two small integers, and its points are
 * `round(weight × numerator / denominator)` computed by `ratioPoints` alone:
 * both scorers feed it the same integers, so they agree to the point, which
 * the round solver needs (it works on integer scores) and the tests check.
 */
import type { LeveledTerm, ProgramObjective } from './candidate';

/**
 * Points of a criterion worth `weight` at similarity numerator/denominator,
 * rounded half up. A zero denominator means there was nothing to compare:
 * no points. The product stays far below 2^53, so the only rounding is the
 * division's, the same wherever this runs.
 */
export function ratioPoints(weight: number, numerator: number, denominator: number): number {
  return denominator <= 0 ? 0 : Math.round((weight * numerator) / denominator);
}

/** Hours of a UTC week (PRODUCT.md: availability; intake's `weeklySlotsUtc`). */
export const WEEK_HOURS = 168;

/** A slot that counts: a whole hour of the week. Anything else in an answer is ignored by both scorers alike. */
export function isValidSlot(slot: number): boolean {
  return Number.isInteger(slot) && slot >= 0 && slot < WEEK_HOURS;
}

/** The slots that count, each once. */
export function validSlots(slots: readonly number[]): Set<number> {
  return new Set(slots.filter(isValidSlot));
}

/**
 * Availability earns full credit at the required minimum plus four hours: the
 * hard constraint already guarantees the pair can meet; the extra hours are
 * what lets them reschedule when one evening falls through, and beyond that
 * more overlap does not make a better pair.
 */
export const AVAILABILITY_MARGIN_SLOTS = 4;
export function availabilityFullCreditSlots(minCommonSlots: number): number {
  return minCommonSlots + AVAILABILITY_MARGIN_SLOTS;
}

/** Common slots credited (numerator over `availabilityFullCreditSlots`). */
export function availabilityUnits(commonSlots: number, fullCreditSlots: number): number {
  return Math.min(commonSlots, fullCreditSlots);
}

/**
 * Skill levels are 1–5; a level is credited in 60ths (the least common
 * multiple of 1…5) so partial coverage — a mentor at level 3 for a mentee
 * aiming at 5 covers 3/5 — stays an exact integer.
 */
export const SKILL_UNITS = 60;

/** A level as both scorers read it: a whole number from 1 to 5 (the schema's range; anything else is clamped). */
export function levelOf(level: number): number {
  const rounded = Math.round(level);
  return Number.isFinite(rounded) ? Math.min(5, Math.max(1, rounded)) : 1;
}

/** Levels by skill id; a skill listed twice counts once, at its highest level. */
export function levelsById(terms: readonly LeveledTerm[]): Map<string, number> {
  const levels = new Map<string, number>();
  for (const term of terms) {
    const level = levelOf(term.level);
    if (level > (levels.get(term.id) ?? 0)) levels.set(term.id, level);
  }
  return levels;
}

/**
 * How much of a wanted skill a mentor covers, in SKILL_UNITS: fully when the
 * mentor's level reaches the level aimed at, in proportion below it, nothing
 * when the mentor does not offer it (offered = 0).
 */
export function skillCoverageUnits(offered: number, wanted: number): number {
  return Math.min(offered, wanted) * (SKILL_UNITS / wanted);
}

/**
 * Time zones further apart than 12 hours come closer the other way round the
 * clock. The distance is in minutes, 0…720; the criterion's numerator is
 * what is left of the 12 hours.
 */
export const TIME_ZONE_SPAN_MINUTES = 720;
export function timeZoneDistanceMinutes(offsetA: number, offsetB: number): number {
  const apart = Math.abs(offsetA - offsetB) % 1440;
  return apart > TIME_ZONE_SPAN_MINUTES ? 1440 - apart : apart;
}
export function timeZoneUnits(offsetA: number, offsetB: number): number {
  return TIME_ZONE_SPAN_MINUTES - timeZoneDistanceMinutes(offsetA, offsetB);
}

/** Years of experience as both scorers read them: a whole number 0–60, or unknown. */
export const MAX_EXPERIENCE_YEARS = 60;
export function experienceOf(years: number | null): number | null {
  if (years === null || !Number.isFinite(years)) return null;
  return Math.min(MAX_EXPERIENCE_YEARS, Math.max(0, Math.round(years)));
}

/**
 * The seniority gap a mentoring relation works best with: 5 to 15 more years
 * of experience than the mentee. Closer than that the mentor has less
 * perspective to share (linear from nothing at no gap to full credit at 5
 * years); further, the mentor's own start is less relatable, so credit falls
 * by 1/30 a year but never below half — a very senior mentor still helps.
 * In 60ths of full credit.
 */
export const SENIORITY_UNITS = 60;
export const PREFERRED_GAP_YEARS = { min: 5, max: 15 } as const;
export function seniorityUnits(gapYears: number): number {
  if (gapYears <= 0) return 0;
  if (gapYears < PREFERRED_GAP_YEARS.min) return gapYears * (SENIORITY_UNITS / PREFERRED_GAP_YEARS.min);
  if (gapYears <= PREFERRED_GAP_YEARS.max) return SENIORITY_UNITS;
  return Math.max(SENIORITY_UNITS / 2, SENIORITY_UNITS - 2 * (gapYears - PREFERRED_GAP_YEARS.max));
}

/**
 * A mentor's network size (1–5) as reach for a networking programme: 1 is
 * none (0/4), 5 is full credit (4/4); unknown counts as none.
 */
export const REACH_UNITS = 4;
export function reachUnits(networkSize: number | null): number {
  if (networkSize === null || !Number.isFinite(networkSize)) return 0;
  return Math.min(5, Math.max(1, Math.round(networkSize))) - 1;
}

/**
 * The parts of the "objectives" criterion, per programme objective
 * (PRODUCT.md, lifecycle step 1): job_search asks whether the mentor advises
 * on the roles and knows the industries the mentee aims at; networking,
 * whether the mentor can introduce the kinds of contact wanted and how wide
 * their network is. The `skills` objective has its own criterion (skills), so
 * it adds no part here.
 */
export const OBJECTIVE_PARTS = ['target_roles', 'target_industries', 'contact_kinds', 'network_reach'] as const;
export type ObjectivePart = (typeof OBJECTIVE_PARTS)[number];

const PARTS_OF: Record<ProgramObjective, readonly ObjectivePart[]> = {
  job_search: ['target_roles', 'target_industries'],
  networking: ['contact_kinds', 'network_reach'],
  skills: [],
};

/** The objective parts of a programme, in the fixed order of OBJECTIVE_PARTS. */
export function objectiveParts(objectives: readonly ProgramObjective[]): ObjectivePart[] {
  const wanted = new Set(objectives.flatMap((objective) => PARTS_OF[objective] ?? []));
  return OBJECTIVE_PARTS.filter((part) => wanted.has(part));
}

/**
 * The objectives weight shared evenly among its parts, the remainder going
 * one point each to the first parts, so the parts' maxima add up to the
 * weight exactly and each part's points are rounded on their own.
 */
export function splitWeight(weight: number, parts: number): number[] {
  if (parts === 0) return [];
  const share = Math.floor(weight / parts);
  const remainder = weight - share * parts;
  return Array.from({ length: parts }, (_, index) => share + (index < remainder ? 1 : 0));
}
