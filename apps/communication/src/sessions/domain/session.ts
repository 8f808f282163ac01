/**
 * A mentoring session of a pair (issue 6, item 2: "Either participant
 * proposes a session …; the other confirms; reschedule, cancel (with reason),
 * mark completed (with actual duration) or no-show"). Plain data in, plain
 * data out: the use cases load, call these rules and store the result.
 */
export const SESSION_MODES = ['video', 'phone', 'in_person'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

export const SESSION_STATUSES = ['proposed', 'confirmed', 'completed', 'cancelled', 'no_show'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const ABSENT_ROLES = ['mentor', 'mentee', 'both'] as const;
export type AbsentRole = (typeof ABSENT_ROLES)[number];

export const MIN_DURATION_MINUTES = 15;
export const MAX_DURATION_MINUTES = 240;
export const MAX_ACTUAL_DURATION_MINUTES = 720;

/** What the rules need to know about a session. */
export interface SessionState {
  readonly status: SessionStatus;
  readonly startsAt: Date;
  readonly durationMinutes: number;
  /** Who proposed the current time: the other participant confirms it. */
  readonly proposedBy: string;
  /** The invitation's SEQUENCE (RFC 5545): grows with every change participants' calendars must apply. */
  readonly sequence: number;
  /** Set once the pair first agreed on a time: from then on changes are announced (mails, events). */
  readonly scheduledAt: Date | null;
}

export type Refusal =
  | { readonly ok: false; readonly kind: 'invalid'; readonly path: string; readonly issue: string }
  | { readonly ok: false; readonly kind: 'conflict'; readonly path: string; readonly issue: string };
export type Outcome<T> = ({ readonly ok: true } & T) | Refusal;

const invalid = (path: string, issue: string): Refusal => ({ ok: false, kind: 'invalid', path, issue });
const conflict = (path: string, issue: string): Refusal => ({ ok: false, kind: 'conflict', path, issue });
const wrongState = (status: SessionStatus, action: string): Refusal =>
  conflict('status', `is ${status.replace('_', '-')}: a ${status.replace('_', '-')} session cannot be ${action}`);

/** A proposed time: in the future, whole minutes of a sensible length. */
export function checkSlot(startsAt: Date, durationMinutes: number, now: Date): Outcome<object> {
  if (startsAt.getTime() <= now.getTime()) return invalid('startsAt', 'must be in the future');
  if (!Number.isInteger(durationMinutes) || durationMinutes < MIN_DURATION_MINUTES || durationMinutes > MAX_DURATION_MINUTES) {
    return invalid('durationMinutes', `must be a whole number of minutes from ${MIN_DURATION_MINUTES} to ${MAX_DURATION_MINUTES}`);
  }
  return { ok: true };
}

export function endOf(session: { startsAt: Date; durationMinutes: number }): Date {
  return new Date(session.startsAt.getTime() + session.durationMinutes * 60_000);
}

/** Half-open intervals: a session ending at 18:00 does not overlap one starting at 18:00. */
export function overlaps(a: { startsAt: Date; durationMinutes: number }, b: { startsAt: Date; durationMinutes: number }): boolean {
  return a.startsAt.getTime() < endOf(b).getTime() && b.startsAt.getTime() < endOf(a).getTime();
}

/** The other participant accepts the proposed time. */
export function confirm(session: SessionState, callerId: string): Outcome<{ status: 'confirmed'; firstTime: boolean }> {
  if (session.status !== 'proposed') return wrongState(session.status, 'confirmed');
  if (session.proposedBy === callerId) return conflict('status', 'is proposed by you: the other participant confirms it');
  return { ok: true, status: 'confirmed', firstTime: session.scheduledAt === null };
}

/** Either participant moves a proposed or confirmed session: it goes back to proposed, for the other to confirm. */
export function reschedule(
  session: SessionState,
  callerId: string,
  slot: { startsAt: Date; durationMinutes: number },
  now: Date,
): Outcome<{ status: 'proposed'; proposedBy: string; sequence: number; announce: boolean }> {
  if (session.status !== 'proposed' && session.status !== 'confirmed') return wrongState(session.status, 'rescheduled');
  const checked = checkSlot(slot.startsAt, slot.durationMinutes, now);
  if (!checked.ok) return checked;
  if (slot.startsAt.getTime() === session.startsAt.getTime() && slot.durationMinutes === session.durationMinutes) {
    return invalid('startsAt', 'is the current time of the session: nothing would change');
  }
  return { ok: true, status: 'proposed', proposedBy: callerId, sequence: session.sequence + 1, announce: session.scheduledAt !== null };
}

/** Either participant calls a session off before it took place. */
export function cancel(session: SessionState): Outcome<{ status: 'cancelled'; sequence: number; announce: boolean }> {
  if (session.status !== 'proposed' && session.status !== 'confirmed') return wrongState(session.status, 'cancelled');
  return { ok: true, status: 'cancelled', sequence: session.sequence + 1, announce: session.scheduledAt !== null };
}

/** A confirmed session that has started can be recorded as held … */
export function complete(session: SessionState, actualDurationMinutes: number, now: Date): Outcome<{ status: 'completed' }> {
  if (session.status !== 'confirmed') return wrongState(session.status, 'completed');
  if (now.getTime() < session.startsAt.getTime()) return conflict('startsAt', 'is still ahead: a session is completed once it has started');
  if (!Number.isInteger(actualDurationMinutes) || actualDurationMinutes < 1 || actualDurationMinutes > MAX_ACTUAL_DURATION_MINUTES) {
    return invalid('actualDurationMinutes', `must be a whole number of minutes from 1 to ${MAX_ACTUAL_DURATION_MINUTES}`);
  }
  return { ok: true, status: 'completed' };
}

/** … or as missed by someone. */
export function recordNoShow(session: SessionState, now: Date): Outcome<{ status: 'no_show' }> {
  if (session.status !== 'confirmed') return wrongState(session.status, 'marked as a no-show');
  if (now.getTime() < session.startsAt.getTime()) return conflict('startsAt', 'is still ahead: a no-show is recorded once the session has started');
  return { ok: true, status: 'no_show' };
}
