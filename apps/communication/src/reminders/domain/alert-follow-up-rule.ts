/**
 * Which alerts the pair itself hears of (docs/privacy.md, "Follow-ups of
 * alerts"). A follow-up sent to both participants tells each of them that
 * the pair is flagged. For reasons both of them witnessed (sessions missed
 * or not held, moves declined, silence) that tells them nothing new; for a
 * reason drawn from one participant's answers (their ratings, their goal
 * progress) it would tell the other what those answers were. Such alerts go
 * to the organizers only. A reason not listed here counts as private, so a
 * new one is kept from the pair until someone decides otherwise.
 */
export const WITNESSED_REASONS: ReadonlySet<string> = new Set(['cadence_slipped', 'no_first_session', 'repeated_no_show', 'reschedule_declined', 'no_messages']);

/** Whether the pair is nudged about an alert with these reasons: when at least one of them is a fact both participants witnessed. */
export function followsUpWithThePair(reasons: ReadonlyArray<{ readonly code: string }>): boolean {
  return reasons.some((reason) => WITNESSED_REASONS.has(reason.code));
}
