import { get, plural, post, unexpected } from './demo-http';

/** A demo participant signed in, with the role they hold in the demo programme. */
export interface HomeActor {
  readonly token: string;
  readonly userId: string;
  readonly displayName: string;
  readonly role: 'mentor' | 'mentee';
}

export interface HomesOptions {
  readonly intakeUrl: string;
  readonly communicationUrl: string;
  readonly matchingUrl: string;
  readonly programId: string;
  readonly participants: readonly HomeActor[];
  readonly log: (line: string) => void;
}

interface Match {
  readonly id: string;
  readonly status: string;
  readonly mentorId: string | null;
  readonly menteeId: string | null;
}

interface Session {
  readonly status: string;
  readonly startsAt: string;
}

/** The next session of each pair: two weeks ahead, the programme's cadence, at 18:00 Paris time or so. */
const NEXT_SESSION_DAYS = 14;

/**
 * What makes each demo person's home read like a programme under way: every
 * active pair has its next session planned and confirmed, and each mentee has
 * recorded progress on their first goal. Done as the participants would, over
 * the public API; what is already there is left as it is.
 */
export async function furnishHomes(options: HomesOptions): Promise<{ sessionsPlanned: number; progressRecorded: number }> {
  const sessionsPlanned = await planNextSessions(options);
  const progressRecorded = await recordFirstProgress(options);
  if (sessionsPlanned > 0 || progressRecorded > 0) {
    options.log(`demo: planned the next session of ${plural(sessionsPlanned, 'pair')} and recorded progress on ${plural(progressRecorded, 'goal')}`);
  }
  return { sessionsPlanned, progressRecorded };
}

async function planNextSessions(options: HomesOptions): Promise<number> {
  const byId = new Map(options.participants.map((person) => [person.userId, person]));
  let planned = 0;
  let offset = 0;
  for (const mentor of options.participants.filter((person) => person.role === 'mentor')) {
    const answer = await get(`${options.matchingUrl}/v1/matches?programId=${options.programId}&status=active&limit=100`, mentor.token);
    if (answer.status !== 200) throw unexpected(`GET /v1/matches as ${mentor.displayName}`, answer);
    for (const match of answer.body['items'] as Match[]) {
      const mentee = byId.get(match.menteeId ?? '');
      if (match.mentorId !== mentor.userId || !mentee) continue;
      const sessions = await get(`${options.communicationUrl}/v1/sessions?matchId=${match.id}`, mentor.token);
      if (sessions.status !== 200) throw unexpected(`GET /v1/sessions as ${mentor.displayName}`, sessions);
      const upcoming = (sessions.body['items'] as Session[]).some(
        (session) => (session.status === 'proposed' || session.status === 'confirmed') && Date.parse(session.startsAt) > Date.now(),
      );
      if (upcoming) continue;
      // One pair a day apart from the next, so a mentor of two is never booked twice at once.
      const startsAt = new Date(Date.now() + (NEXT_SESSION_DAYS + offset) * 86_400_000);
      startsAt.setUTCHours(17, 0, 0, 0);
      offset += 1;
      const proposed = await post(
        `${options.communicationUrl}/v1/sessions`,
        { matchId: match.id, startsAt: startsAt.toISOString(), durationMinutes: 60, mode: 'video', timeZone: 'Europe/Paris', agenda: 'Interview rehearsal and the next applications' },
        mentor.token,
      );
      if (proposed.status !== 201) throw unexpected(`POST /v1/sessions as ${mentor.displayName}`, proposed);
      const confirmed = await post(`${options.communicationUrl}/v1/sessions/${String(proposed.body['id'])}/confirm`, undefined, mentee.token);
      if (confirmed.status !== 200) throw unexpected(`POST /v1/sessions/{id}/confirm as ${mentee.displayName}`, confirmed);
      planned += 1;
    }
  }
  return planned;
}

async function recordFirstProgress(options: HomesOptions): Promise<number> {
  const today = new Date().toISOString().slice(0, 10);
  let recorded = 0;
  for (const mentee of options.participants.filter((person) => person.role === 'mentee')) {
    const enrolments = await get(`${options.intakeUrl}/v1/enrollments?programId=${options.programId}&role=mentee&status=active`, mentee.token);
    if (enrolments.status !== 200) throw unexpected(`GET /v1/enrollments as ${mentee.displayName}`, enrolments);
    const enrolment = (enrolments.body['items'] as { id: string }[])[0];
    if (!enrolment) continue;
    const goals = await get(`${options.intakeUrl}/v1/enrollments/${enrolment.id}/goals`, mentee.token);
    if (goals.status !== 200) throw unexpected(`GET /v1/enrollments/{id}/goals as ${mentee.displayName}`, goals);
    const first = (goals.body as unknown as { id: string; status: string; valueReached: number | null; baselineValue: number }[]).find((goal) => goal.status === 'in_progress');
    if (!first || first.valueReached !== null) continue;
    const progressed = await post(
      `${options.intakeUrl}/v1/enrollments/${enrolment.id}/goals/${first.id}/progress`,
      { valueReached: first.baselineValue + 1, reachedOn: today },
      mentee.token,
    );
    if (progressed.status !== 200) throw unexpected(`POST /v1/enrollments/{id}/goals/{goalId}/progress as ${mentee.displayName}`, progressed);
    recorded += 1;
  }
  return recorded;
}
