/**
 * Gatherings (issue 6, item 5): webinars and networking events a programme's
 * organizers run for its cohort, with registration, a waitlist when full, and
 * attendance. Pure rules; the use cases apply them under a row lock.
 */
export const GATHERING_KINDS = ['webinar', 'networking_event'] as const;
export type GatheringKind = (typeof GATHERING_KINDS)[number];

export const GATHERING_STATUSES = ['scheduled', 'cancelled'] as const;
export type GatheringStatus = (typeof GATHERING_STATUSES)[number];

export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export type CancelReason = 'participant_cancelled' | 'gathering_cancelled' | 'participant_erased' | 'participant_withdrew';

export const GATHERING_DURATION_MINUTES = { min: 15, max: 720 } as const;
export const GATHERING_CAPACITY = { min: 1, max: 10_000 } as const;
export const GATHERING_TITLE_MAX = 200;
export const GATHERING_DESCRIPTION_MAX = 5_000;
export const GATHERING_PLACE_MAX = 500;
/** Attendance is checked in bulk after the event; one request covers a large webinar. */
export const ATTENDANCE_BATCH_MAX = 500;

export interface Problem {
  readonly path: string;
  readonly issue: string;
}

export interface GatheringPlan {
  readonly startsAt: Date;
  readonly durationMinutes: number;
  readonly capacity: number;
  readonly onlineUrl: string | null;
  readonly place: string | null;
}

/** What field validation cannot say alone: a start in the future, and exactly one of an online link or a place. */
export function planProblems(plan: GatheringPlan, now: Date): Problem[] {
  const problems: Problem[] = [];
  if (plan.startsAt.getTime() <= now.getTime()) problems.push({ path: 'startsAt', issue: 'must be in the future' });
  if (plan.onlineUrl === null && plan.place === null) problems.push({ path: 'onlineUrl', issue: 'onlineUrl or place is required' });
  if (plan.onlineUrl !== null && plan.place !== null) problems.push({ path: 'place', issue: 'must not be given with onlineUrl (exactly one of them)' });
  return problems;
}

export function hasStarted(startsAt: Date, now: Date): boolean {
  return startsAt.getTime() <= now.getTime();
}

/** A new registrant is confirmed while seats remain, otherwise waitlisted. */
export function seatFor(confirmedCount: number, capacity: number): 'confirmed' | 'waitlisted' {
  return confirmedCount < capacity ? 'confirmed' : 'waitlisted';
}

/** How many of the waitlist move up, in registration order, when a seat frees or the capacity grows. */
export function promotable(confirmedCount: number, capacity: number, waitlistedCount: number): number {
  return Math.max(0, Math.min(waitlistedCount, capacity - confirmedCount));
}

/** Why a registration change is not possible now, or null. */
export function registrationClosedReason(gathering: { status: GatheringStatus; startsAt: Date }, now: Date): Problem | null {
  if (gathering.status === 'cancelled') return { path: 'status', issue: 'is cancelled' };
  if (hasStarted(gathering.startsAt, now)) return { path: 'startsAt', issue: 'has passed: registrations close when the gathering starts' };
  return null;
}

/** Attendance is recorded for a gathering that took place: started, not cancelled. */
export function attendanceClosedReason(gathering: { status: GatheringStatus; startsAt: Date }, now: Date): Problem | null {
  if (gathering.status === 'cancelled') return { path: 'status', issue: 'is cancelled' };
  if (!hasStarted(gathering.startsAt, now)) return { path: 'startsAt', issue: 'is in the future: attendance is recorded once the gathering has started' };
  return null;
}
