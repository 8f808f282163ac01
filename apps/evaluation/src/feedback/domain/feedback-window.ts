/**
 * When a participant may answer each form (issue 7, item 1: "only the
 * people concerned may answer, only once, only while it makes sense").
 * Pure, so the rules are unit-tested apart from HTTP and SQL.
 */

export type FeedbackForm = 'session' | 'pulse' | 'exit';

export interface FeedbackRefusal {
  readonly status: 403 | 409;
  readonly path: string;
  readonly issue: string;
}

export interface SessionContext {
  readonly mentorId: string;
  readonly menteeId: string;
  readonly completedAt: string | null;
  readonly startsAt: string;
}

/** Session feedback: a participant of that session's pair, once it took place. */
export function sessionFeedbackRefusal(session: SessionContext, respondentId: string, now: string): FeedbackRefusal | null {
  if (respondentId !== session.mentorId && respondentId !== session.menteeId) {
    return { status: 403, path: 'sessionId', issue: "is not a session of your pair: only its mentor and mentee give feedback on it" };
  }
  if (session.completedAt === null || Date.parse(session.startsAt) > Date.parse(now)) {
    return { status: 409, path: 'sessionId', issue: 'has not taken place yet: feedback opens once the session is recorded as held' };
  }
  return null;
}

export interface SurveyContext {
  readonly startsOn: string | null;
  readonly endsOn: string | null;
  readonly closedAt: string | null;
  /** The respondent's match in this programme ended (the exit survey opens then). */
  readonly matchEnded: boolean;
  readonly exitOpensDaysBeforeEnd: number;
}

const DAY_MS = 86_400_000;
const dayStart = (date: string): number => Date.parse(`${date}T00:00:00.000Z`);

/**
 * Pulse: from the programme's midpoint to its end date (inclusive), while it is open.
 * Exit: from `exitOpensDaysBeforeEnd` days before the end date, or as soon as the
 * programme closed or the respondent's match ended.
 */
export function surveyRefusal(form: 'pulse' | 'exit', context: SurveyContext, now: string): FeedbackRefusal | null {
  const at = Date.parse(now);
  if (context.startsOn === null || context.endsOn === null) {
    return { status: 409, path: 'programId', issue: 'has no published dates yet: its surveys are not open' };
  }
  const start = dayStart(context.startsOn);
  const end = dayStart(context.endsOn) + DAY_MS;
  if (form === 'pulse') {
    const midpoint = start + Math.floor((end - start) / 2 / DAY_MS) * DAY_MS;
    if (context.closedAt !== null || at >= end) return { status: 409, path: 'form', issue: 'the pulse survey closed with the programme' };
    if (at < midpoint) return { status: 409, path: 'form', issue: `the pulse survey opens mid-programme, on ${new Date(midpoint).toISOString().slice(0, 10)}` };
    return null;
  }
  const opens = end - DAY_MS - context.exitOpensDaysBeforeEnd * DAY_MS;
  if (context.closedAt !== null || context.matchEnded || at >= opens) return null;
  return { status: 409, path: 'form', issue: `the exit survey opens on ${new Date(opens).toISOString().slice(0, 10)}, or when your match ends` };
}
