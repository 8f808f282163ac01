/**
 * A mentoring programme (PRODUCT.md, lifecycle step 1): its objectives, dates,
 * cadence, matching modes and intake window, and its state machine
 * draft → published → closed. Pure: no I/O, no framework.
 */
export const PROGRAM_OBJECTIVES = ['job_search', 'networking', 'skills'] as const;
export type ProgramObjective = (typeof PROGRAM_OBJECTIVES)[number];

/** PRODUCT.md, Roles: "Mentor and mentee are roles within a programme". */
export const PROGRAM_ROLES = ['mentor', 'mentee'] as const;
export type ProgramRole = (typeof PROGRAM_ROLES)[number];

export const MATCHING_MODES = ['organizer_rounds', 'mentee_choice'] as const;
export type MatchingMode = (typeof MATCHING_MODES)[number];

export const PROGRAM_STATUSES = ['draft', 'published', 'closed'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];

export const CADENCE_DAYS = { min: 1, max: 90 } as const;
export const MENTOR_CAPACITY = { min: 1, max: 5 } as const;
/** A programme longer than this is surely a typo in a year. */
export const MAX_PROGRAM_DAYS = 3 * 366;

export interface ProgramFields {
  readonly name: string;
  readonly description: string;
  readonly charter: string;
  readonly objectives: readonly ProgramObjective[];
  /** Calendar dates, YYYY-MM-DD. */
  readonly startsOn: string;
  readonly endsOn: string;
  readonly cadenceDays: number;
  readonly matchingModes: readonly MatchingMode[];
  readonly defaultMentorCapacity: number;
  readonly intakeOpensOn: string;
  readonly intakeClosesOn: string;
}

export interface Problem {
  readonly path: string;
  readonly issue: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The UTC calendar day of an instant: intake windows and due dates are whole days. */
export function calendarDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/**
 * Every rule a programme's fields must satisfy together, all problems at once.
 * Field shapes (types, enums, ranges) are checked again here so the rules hold
 * whatever the caller (a partial update merged over the stored programme).
 */
export function validateProgram(fields: ProgramFields): Problem[] {
  const problems: Problem[] = [];
  if (fields.name.trim().length === 0) problems.push({ path: 'name', issue: 'must not be empty' });
  if (fields.objectives.length === 0) problems.push({ path: 'objectives', issue: 'must list at least one objective' });
  if (new Set(fields.objectives).size !== fields.objectives.length) problems.push({ path: 'objectives', issue: 'must not repeat an objective' });
  if (fields.objectives.some((o) => !PROGRAM_OBJECTIVES.includes(o))) {
    problems.push({ path: 'objectives', issue: `each must be one of ${PROGRAM_OBJECTIVES.join(', ')}` });
  }
  if (fields.matchingModes.length === 0) problems.push({ path: 'matchingModes', issue: 'must list at least one matching mode' });
  if (new Set(fields.matchingModes).size !== fields.matchingModes.length) problems.push({ path: 'matchingModes', issue: 'must not repeat a mode' });
  if (fields.matchingModes.some((m) => !MATCHING_MODES.includes(m))) {
    problems.push({ path: 'matchingModes', issue: `each must be one of ${MATCHING_MODES.join(', ')}` });
  }
  if (!Number.isInteger(fields.cadenceDays) || fields.cadenceDays < CADENCE_DAYS.min || fields.cadenceDays > CADENCE_DAYS.max) {
    problems.push({ path: 'cadenceDays', issue: `must be a whole number of days from ${CADENCE_DAYS.min} to ${CADENCE_DAYS.max}` });
  }
  if (
    !Number.isInteger(fields.defaultMentorCapacity) ||
    fields.defaultMentorCapacity < MENTOR_CAPACITY.min ||
    fields.defaultMentorCapacity > MENTOR_CAPACITY.max
  ) {
    problems.push({ path: 'defaultMentorCapacity', issue: `must be a whole number from ${MENTOR_CAPACITY.min} to ${MENTOR_CAPACITY.max}` });
  }

  const dates = ['startsOn', 'endsOn', 'intakeOpensOn', 'intakeClosesOn'] as const;
  const badDates = dates.filter((key) => !isCalendarDate(fields[key]));
  for (const key of badDates) problems.push({ path: key, issue: 'must be a calendar date (YYYY-MM-DD)' });
  if (badDates.length > 0) return problems;

  const { startsOn, endsOn, intakeOpensOn, intakeClosesOn } = fields;
  if (startsOn >= endsOn) problems.push({ path: 'endsOn', issue: 'must be after startsOn' });
  else if (daysBetween(startsOn, endsOn) > MAX_PROGRAM_DAYS) problems.push({ path: 'endsOn', issue: `must be at most ${MAX_PROGRAM_DAYS} days after startsOn` });
  else if (daysBetween(startsOn, endsOn) < fields.cadenceDays) problems.push({ path: 'cadenceDays', issue: 'must fit at least once between startsOn and endsOn' });
  if (intakeOpensOn > intakeClosesOn) problems.push({ path: 'intakeClosesOn', issue: 'must not be before intakeOpensOn' });
  if (intakeClosesOn > endsOn) problems.push({ path: 'intakeClosesOn', issue: 'must not be after endsOn' });
  if (daysBetween(intakeOpensOn, startsOn) > 366) problems.push({ path: 'intakeOpensOn', issue: 'must be at most a year before startsOn' });
  return problems;
}

/** An illegal transition: the API answers 409 with this message. */
export class ProgramTransitionError extends Error {
  constructor(
    readonly action: ProgramAction,
    readonly status: ProgramStatus,
  ) {
    super(`Cannot ${action} a programme that is ${status}${HINTS[action][status] ? `: ${HINTS[action][status]}` : '.'}`);
  }
}

export type ProgramAction = 'update' | 'publish' | 'close';

const HINTS: Record<ProgramAction, Partial<Record<ProgramStatus, string>>> = {
  update: { closed: 'a closed programme is final.' },
  publish: { published: 'it is already published.', closed: 'a closed programme is final.' },
  close: { draft: 'only a published programme closes; a draft is simply never published.', closed: 'it is already closed.' },
};

const ALLOWED: Record<ProgramAction, readonly ProgramStatus[]> = {
  update: ['draft', 'published'],
  publish: ['draft'],
  close: ['published'],
};

/** Throws ProgramTransitionError unless `action` is allowed from `status`; returns the status after it. */
export function transition(status: ProgramStatus, action: ProgramAction): ProgramStatus {
  if (!ALLOWED[action].includes(status)) throw new ProgramTransitionError(action, status);
  if (action === 'publish') return 'published';
  if (action === 'close') return 'closed';
  return status;
}

/** Whether a closing happens after the programme ran its course (`ended`) or before (`cancelled`). */
export function closeReason(endsOn: string, today: string): 'ended' | 'cancelled' {
  return today >= endsOn ? 'ended' : 'cancelled';
}
