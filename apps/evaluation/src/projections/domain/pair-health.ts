/**
 * The at-risk rules of a pair (issue 7, pair health; PRODUCT.md step 4: the
 * pair "gets reminded when the cadence slips"). Pure: facts and a clock in,
 * a verdict out, so the report, the participant view and the alert sweep all
 * judge a pair the same way.
 */

export interface RiskRules {
  /** At risk when no session was held for more than this many times the programme's cadence. */
  readonly cadenceFactor: number;
  /** At risk from this many no-shows. */
  readonly noShowThreshold: number;
  /** At risk when the mean session rating is at or below this… */
  readonly lowRating: number;
  /** …once at least this many ratings exist. */
  readonly minRatings: number;
  /** At risk from this many declined reschedules since the pair's last held session (see `declinedAt`). */
  readonly declinedRescheduleThreshold: number;
}

export const DEFAULT_RISK_RULES: RiskRules = { cadenceFactor: 2, noShowThreshold: 2, lowRating: 2.5, minRatings: 2, declinedRescheduleThreshold: 2 };

export type RiskCode = 'cadence_slipped' | 'no_first_session' | 'repeated_no_show' | 'low_satisfaction' | 'reschedule_declined';

export interface RiskReason {
  readonly code: RiskCode;
  /** Days for the cadence rules, a count for no-shows and declined reschedules, a mean rating for satisfaction. */
  readonly observed: number;
  readonly threshold: number;
}

/** What the rules read of one session of a pair (evaluation's projection of communication's session events). */
export interface SessionFacts {
  readonly startsAt: string;
  readonly completedAt: string | null;
  readonly noShowAt: string | null;
  readonly cancelledAt: string | null;
  readonly cancelledBy: string | null;
  /** The latest move (session.rescheduled, by event time): when, and by whom. */
  readonly rescheduledAt: string | null;
  readonly rescheduledBy: string | null;
}

export interface PairFacts {
  readonly acceptedAt: string | null;
  readonly endedAt: string | null;
  /** Start times of the sessions held (completed). */
  readonly heldStarts: readonly string[];
  readonly noShows: number;
  /** When each declined reschedule of the pair was declined (the cancellation time). */
  readonly declinedReschedules: readonly string[];
  /** Session-feedback ratings (1–5) about this pair, from either side. */
  readonly ratings: readonly number[];
}

export interface PairVerdict {
  readonly active: boolean;
  readonly atRisk: boolean;
  readonly severity: 'warning' | 'critical' | null;
  readonly reasons: readonly RiskReason[];
  readonly lastSessionAt: string | null;
  readonly sessionsHeld: number;
  readonly averageRating: number | null;
}

const DAY_MS = 86_400_000;

export const round = (value: number, digits: number): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

export const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;

export const daysBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / DAY_MS;

export function latest(values: readonly string[]): string | null {
  let found: string | null = null;
  for (const value of values) if (found === null || Date.parse(value) > Date.parse(found)) found = value;
  return found;
}

/**
 * A declined reschedule (issue 7, pair health: "a declined reschedule
 * streak"). Moving a session sends it back to proposed for the other
 * participant to confirm (communication, session.rescheduled); cancelling it
 * instead — by anyone other than who moved it last, after that move — declines
 * the move. Returns when it was declined, or null.
 */
export function declinedAt(session: SessionFacts): string | null {
  const { cancelledAt, cancelledBy, rescheduledAt, rescheduledBy } = session;
  if (session.completedAt !== null || cancelledAt === null || cancelledBy === null || rescheduledAt === null || rescheduledBy === null) return null;
  return cancelledBy !== rescheduledBy && Date.parse(cancelledAt) >= Date.parse(rescheduledAt) ? cancelledAt : null;
}

/** The session facts the rules read, from a pair's sessions in any order. */
export function sessionFactsOf(sessions: readonly SessionFacts[]): Pick<PairFacts, 'heldStarts' | 'noShows' | 'declinedReschedules'> {
  return {
    heldStarts: sessions.filter((session) => session.completedAt !== null).map((session) => session.startsAt),
    noShows: sessions.filter((session) => session.completedAt === null && session.noShowAt !== null).length,
    declinedReschedules: sessions.map(declinedAt).filter((at): at is string => at !== null),
  };
}

/** A pair is judged only while active: accepted and not ended. Sessions in the future do not count as held. */
export function assessPair(pair: PairFacts, cadenceDays: number | null, rules: RiskRules, asOf: string): PairVerdict {
  const held = pair.heldStarts.filter((startsAt) => Date.parse(startsAt) <= Date.parse(asOf));
  const lastSessionAt = latest(held);
  const averageRating = mean(pair.ratings);
  const active = pair.acceptedAt !== null && pair.endedAt === null;
  const reasons: RiskReason[] = [];
  if (active && pair.acceptedAt !== null) {
    if (cadenceDays !== null) {
      const threshold = round(rules.cadenceFactor * cadenceDays, 1);
      const since = lastSessionAt ?? pair.acceptedAt;
      const observed = Math.max(0, round(daysBetween(since, asOf), 1));
      if (observed > threshold) reasons.push({ code: lastSessionAt ? 'cadence_slipped' : 'no_first_session', observed, threshold });
    }
    if (pair.noShows >= rules.noShowThreshold) reasons.push({ code: 'repeated_no_show', observed: pair.noShows, threshold: rules.noShowThreshold });
    if (averageRating !== null && pair.ratings.length >= rules.minRatings && averageRating <= rules.lowRating) {
      reasons.push({ code: 'low_satisfaction', observed: round(averageRating, 2), threshold: rules.lowRating });
    }
    // The streak: declines up to the judging instant that came after the last held session (a session held ends it).
    const streak = pair.declinedReschedules.filter(
      (at) => Date.parse(at) <= Date.parse(asOf) && (lastSessionAt === null || Date.parse(at) > Date.parse(lastSessionAt)),
    ).length;
    if (streak >= rules.declinedRescheduleThreshold) {
      reasons.push({ code: 'reschedule_declined', observed: streak, threshold: rules.declinedRescheduleThreshold });
    }
  }
  return {
    active,
    atRisk: reasons.length > 0,
    severity: reasons.length === 0 ? null : reasons.length > 1 ? 'critical' : 'warning',
    reasons,
    lastSessionAt,
    sessionsHeld: held.length,
    averageRating: averageRating === null ? null : round(averageRating, 2),
  };
}
