import { get, plural, post, sleep, unexpected } from './demo-http';

/** A demo user signed in: what acting as them needs. */
export interface DemoActor {
  readonly token: string;
  readonly userId: string;
  readonly displayName: string;
}

export interface MidwayOptions {
  readonly matchingUrl: string;
  readonly communicationUrl: string;
  readonly evaluationUrl: string;
  readonly programId: string;
  readonly organizer: DemoActor;
  /** Every participant, by user id. */
  readonly participants: ReadonlyMap<string, DemoActor>;
  /** Mentees enrolled: the round waits until matching holds them all. */
  readonly mentees: number;
  readonly log: (line: string) => void;
}

export interface MidwaySummary {
  readonly pairs: number;
  readonly sessionsHeld: number;
  /** The pair whose low ratings put it at risk, when its alert was raised in time. */
  readonly atRisk?: { readonly mentor: string; readonly mentee: string };
}

interface Match {
  readonly id: string;
  readonly status: string;
  readonly mentorId: string | null;
  readonly menteeId: string | null;
}

interface Pair {
  readonly matchId: string;
  readonly mentor: DemoActor;
  readonly mentee: DemoActor;
}

/** How far ahead the demo sessions are planned: they must be in the future when proposed and begun when completed. */
const SESSION_LEAD_MS = 12_000;
const WAIT_MS = 90_000;

/**
 * Brings the demo programme to mid-way, as its people would, through the
 * public API: the organizer runs a matching round, both sides accept each
 * proposal, pairs exchange messages, hold a session (planned a few seconds
 * ahead, so it can be completed once begun) and rate it. One pair rates its
 * session poorly, so evaluation flags it at risk and communication nudges it
 * and tells the organizer. A programme with active pairs already is left as
 * it is.
 */
export async function bringProgramMidway(options: MidwayOptions): Promise<MidwaySummary> {
  const { log } = options;
  const existing = await listMatches(options);
  const active = existing.filter((match) => match.status === 'active').length;
  if (active > 0) {
    log(`demo: the programme is under way already (${plural(active, 'active pair')}); left as it is`);
    return { pairs: active, sessionsHeld: await sessionsHeld(options) };
  }
  // Proposals without acceptances: a seed interrupted after its round goes on from there.
  const pending = existing.filter((match) => match.status === 'proposed');
  const proposals = pending.length > 0 ? pending : await runRound(options);
  const pairs: Pair[] = [];
  for (const match of proposals) {
    const mentor = options.participants.get(match.mentorId ?? '');
    const mentee = options.participants.get(match.menteeId ?? '');
    if (!mentor || !mentee) continue;
    for (const person of [mentee, mentor]) {
      const accepted = await post(`${options.matchingUrl}/v1/matches/${match.id}/accept`, undefined, person.token);
      if (accepted.status !== 200) throw unexpected(`POST /v1/matches/${match.id}/accept as ${person.displayName}`, accepted);
    }
    pairs.push({ matchId: match.id, mentor, mentee });
  }
  log(`demo: ${pairs.map((pair) => `${pair.mentor.displayName} mentors ${pair.mentee.displayName}`).join('; ')} (both accepted)`);

  await waitForConversations(options, pairs);
  for (const pair of pairs) {
    await sendMessage(options, pair, pair.mentee, `Hello ${pair.mentor.displayName.split(' ')[0]}, thank you for taking me on! Could we meet this week?`);
    await sendMessage(options, pair, pair.mentor, 'With pleasure. I am proposing a first session; bring your CV and the roles you are aiming for.');
  }
  log(`demo: each pair exchanged messages in its private conversation`);

  // A mentor holds one session at a time: pairs of the same mentor go in turn.
  const atRiskPair = pairs[pairs.length - 1];
  let waves = 0;
  for (const wave of wavesByMentor(pairs)) {
    waves += 1;
    await holdSessions(options, wave, atRiskPair, waves);
  }
  const held = await waitForSessionsHeld(options, pairs.length);
  const flagged = await waitForAlert(options, atRiskPair);
  return {
    pairs: pairs.length,
    sessionsHeld: held,
    ...(flagged && atRiskPair ? { atRisk: { mentor: atRiskPair.mentor.displayName, mentee: atRiskPair.mentee.displayName } } : {}),
  };
}

async function listMatches(options: MidwayOptions): Promise<Match[]> {
  const answer = await get(`${options.matchingUrl}/v1/matches?programId=${options.programId}&limit=100`, options.organizer.token);
  if (answer.status !== 200) throw unexpected('GET /v1/matches as the organizer', answer);
  return answer.body['items'] as Match[];
}

/**
 * Runs rounds until matching has considered every enrolled mentee (it may
 * still be copying the last enrolments from intake's events): each is then
 * proposed, or left unmatched for a reason the round states.
 */
async function runRound(options: MidwayOptions): Promise<Match[]> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const round = await post(`${options.matchingUrl}/v1/matching/programs/${options.programId}/rounds`, {}, options.organizer.token);
    if (round.status !== 201 && round.status !== 404) throw unexpected('POST /v1/matching/programs/{id}/rounds as the organizer', round);
    const proposed = (await listMatches(options)).filter((match) => match.status === 'proposed');
    const statistics = round.body['statistics'] as { menteeCount: number; matchedCount: number } | undefined;
    const leftOver = statistics ? statistics.menteeCount - statistics.matchedCount : 0;
    if (round.status === 201 && proposed.length + leftOver >= options.mentees) {
      options.log(
        `demo: the organizer ran a matching round: ${plural(proposed.length, 'proposal')}` +
          (leftOver > 0 ? `, ${plural(leftOver, 'mentee')} left unmatched (no feasible mentor with room)` : ', every mentee matched'),
      );
      return proposed;
    }
    if (Date.now() > deadline) {
      if (proposed.length > 0) return proposed;
      throw new Error(`demo: matching has not proposed any pair of the ${options.mentees} mentees after ${WAIT_MS / 1000}s; see .cache/logs/matching.log`);
    }
    options.log(`demo: matching holds ${proposed.length + leftOver} of ${options.mentees} mentees so far; running the round again shortly…`);
    await sleep(2_000);
  }
}

async function waitForConversations(options: MidwayOptions, pairs: readonly Pair[]): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  for (const pair of pairs) {
    for (;;) {
      const answer = await get(`${options.communicationUrl}/v1/conversations`, pair.mentee.token);
      const items = (answer.body['items'] ?? []) as { matchId: string }[];
      if (answer.status === 200 && items.some((conversation) => conversation.matchId === pair.matchId)) break;
      if (Date.now() > deadline) throw new Error(`demo: communication has not opened the conversation of match ${pair.matchId}; see .cache/logs/communication.log`);
      await sleep(500);
    }
  }
}

async function sendMessage(options: MidwayOptions, pair: Pair, from: DemoActor, text: string): Promise<void> {
  const conversations = await get(`${options.communicationUrl}/v1/conversations`, from.token);
  const conversation = ((conversations.body['items'] ?? []) as { id: string; matchId: string }[]).find((item) => item.matchId === pair.matchId);
  if (!conversation) throw unexpected(`GET /v1/conversations as ${from.displayName}`, conversations);
  const sent = await post(`${options.communicationUrl}/v1/conversations/${conversation.id}/messages`, { text }, from.token);
  if (sent.status !== 201) throw unexpected(`POST /v1/conversations/{id}/messages as ${from.displayName}`, sent);
}

function wavesByMentor(pairs: readonly Pair[]): Pair[][] {
  const waves: Pair[][] = [];
  for (const pair of pairs) {
    const wave = waves.find((candidate) => candidate.every((other) => other.mentor.userId !== pair.mentor.userId));
    if (wave) wave.push(pair);
    else waves.push([pair]);
  }
  return waves;
}

/** Each pair of the wave plans a session a few seconds ahead, confirms it, holds it once begun, and both rate it. */
async function holdSessions(options: MidwayOptions, wave: readonly Pair[], atRisk: Pair | undefined, number: number): Promise<void> {
  const { communicationUrl, evaluationUrl, log } = options;
  const startsAt = new Date(Math.ceil((Date.now() + SESSION_LEAD_MS) / 1000) * 1000);
  const planned: { pair: Pair; sessionId: string }[] = [];
  for (const pair of wave) {
    const proposed = await post(
      `${communicationUrl}/v1/sessions`,
      { matchId: pair.matchId, startsAt: startsAt.toISOString(), durationMinutes: 45, mode: 'video', timeZone: 'Europe/Paris', agenda: 'Getting to know each other; CV and target roles' },
      pair.mentee.token,
    );
    if (proposed.status !== 201) throw unexpected(`POST /v1/sessions as ${pair.mentee.displayName}`, proposed);
    const sessionId = String(proposed.body['id']);
    const confirmed = await post(`${communicationUrl}/v1/sessions/${sessionId}/confirm`, undefined, pair.mentor.token);
    if (confirmed.status !== 200) throw unexpected(`POST /v1/sessions/{id}/confirm as ${pair.mentor.displayName}`, confirmed);
    planned.push({ pair, sessionId });
  }
  log(`demo: ${plural(planned.length, 'video session')} confirmed for ${startsAt.toISOString()} (invitations mailed); waiting for ${planned.length === 1 ? 'it' : 'them'} to begin…`);
  await sleep(Math.max(0, startsAt.getTime() - Date.now()) + 500);
  for (const { pair, sessionId } of planned) {
    const completed = await post(`${communicationUrl}/v1/sessions/${sessionId}/complete`, { actualDurationMinutes: 50 }, pair.mentor.token);
    if (completed.status !== 200) throw unexpected(`POST /v1/sessions/{id}/complete as ${pair.mentor.displayName}`, completed);
    const poor = pair === atRisk;
    for (const [person, rating] of [
      [pair.mentee, poor ? 2 : 5],
      [pair.mentor, poor ? 2 : 4],
    ] as const) {
      const feedback = await submitFeedback(evaluationUrl, sessionId, person, rating);
      if (feedback.status !== 201) throw unexpected(`POST /v1/feedback as ${person.displayName}`, feedback);
    }
  }
  log(`demo: session wave ${number} held and rated by both sides${planned.some(({ pair }) => pair === atRisk) ? ' (one pair rated theirs 2/5)' : ''}`);
}

/** Evaluation learns of the session from communication's event: feedback waits for it. */
async function submitFeedback(evaluationUrl: string, sessionId: string, person: DemoActor, satisfaction: number) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const answer = await post(`${evaluationUrl}/v1/feedback`, { form: 'session', sessionId, satisfaction }, person.token);
    if (answer.status !== 404 && answer.status !== 409) return answer;
    if (Date.now() > deadline) return answer;
    await sleep(500);
  }
}

async function sessionsHeld(options: MidwayOptions): Promise<number> {
  const report = await get(`${options.evaluationUrl}/v1/reports/programs/${options.programId}`, options.organizer.token);
  if (report.status !== 200) return 0;
  const kpis = report.body['kpis'] as { engagement?: { sessionsHeld?: number } } | undefined;
  return kpis?.engagement?.sessionsHeld ?? 0;
}

async function waitForSessionsHeld(options: MidwayOptions, expected: number): Promise<number> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const held = await sessionsHeld(options);
    if (held >= expected || Date.now() > deadline) return held;
    await sleep(500);
  }
}

/** Evaluation's sweep judges the pair; npm start runs it every few seconds. */
async function waitForAlert(options: MidwayOptions, pair: Pair | undefined): Promise<boolean> {
  if (!pair) return false;
  const deadline = Date.now() + WAIT_MS;
  let said = 0;
  for (;;) {
    const alerts = await get(`${options.evaluationUrl}/v1/alerts?programId=${options.programId}&status=open`, options.organizer.token);
    const items = (alerts.body['items'] ?? []) as { matchId: string }[];
    if (alerts.status === 200 && items.some((alert) => alert.matchId === pair.matchId)) {
      options.log(`demo: evaluation flagged ${pair.mentor.displayName} and ${pair.mentee.displayName} at risk (low ratings); communication nudged them and told the organizer`);
      return true;
    }
    if (Date.now() > deadline) {
      options.log(`demo: WARNING: no alert for the poorly rated pair after ${WAIT_MS / 1000}s; see .cache/logs/evaluation.log`);
      return false;
    }
    if (Date.now() - said > 10_000) {
      said = Date.now();
      options.log('demo: waiting for evaluation to judge the pairs…');
    }
    await sleep(1_000);
  }
}
