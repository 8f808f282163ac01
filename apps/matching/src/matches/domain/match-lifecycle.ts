/**
 * The life of a match (PRODUCT.md, lifecycle step 3: "Both sides accept or
 * decline; a match can end early and the mentee can be matched again"):
 * proposed → active once both sides accepted; proposed → declined; active → ended.
 * Pure: no I/O, no framework.
 */
export const MATCH_STATUSES = ['proposed', 'active', 'declined', 'ended'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

export const MATCH_ORIGINS = ['round', 'mentee_choice', 'organizer'] as const;
export type MatchOrigin = (typeof MATCH_ORIGINS)[number];

export type Side = 'mentor' | 'mentee';
export type MatchAction = 'accept' | 'decline' | 'end' | 'cancel';

export const DECLINE_REASONS = ['no_availability', 'not_a_fit', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export interface Acceptance {
  readonly status: MatchStatus;
  readonly menteeAcceptedAt: Date | null;
  readonly mentorAcceptedAt: Date | null;
}

/** An illegal transition: the API answers 409 with the current state. */
export class MatchTransitionError extends Error {
  constructor(
    readonly action: MatchAction,
    readonly status: MatchStatus,
    detail?: string,
  ) {
    super(detail ?? `Cannot ${action} a match that is ${status}.`);
  }
}

const ALLOWED: Record<MatchAction, readonly MatchStatus[]> = {
  accept: ['proposed'],
  decline: ['proposed'],
  end: ['active'],
  cancel: ['proposed', 'active'],
};

export function assertAllowed(action: MatchAction, status: MatchStatus): void {
  if (!ALLOWED[action].includes(status)) throw new MatchTransitionError(action, status);
}

/** One side accepts; the match is active when the other side has accepted too. */
export function accept(match: Acceptance, side: Side, at: Date): Acceptance {
  assertAllowed('accept', match.status);
  const already = side === 'mentee' ? match.menteeAcceptedAt : match.mentorAcceptedAt;
  if (already) throw new MatchTransitionError('accept', match.status, `You already accepted this match; it waits for the ${side === 'mentee' ? 'mentor' : 'mentee'}.`);
  const menteeAcceptedAt = side === 'mentee' ? at : match.menteeAcceptedAt;
  const mentorAcceptedAt = side === 'mentor' ? at : match.mentorAcceptedAt;
  return { menteeAcceptedAt, mentorAcceptedAt, status: menteeAcceptedAt && mentorAcceptedAt ? 'active' : 'proposed' };
}

/** Whether a closing is early: before the programme's end date (the mentee may be matched again). */
export function endsEarly(endsOn: string, at: Date): boolean {
  return at.toISOString().slice(0, 10) < endsOn;
}
