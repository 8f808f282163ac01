import {
  alertRaised,
  alertRaisedV2,
  alertResolved,
  createEnvelope,
  type EventDefinition,
  enrollmentSubmitted,
  feedbackSubmitted,
  goalSet,
  matchAccepted,
  matchEnded,
  programPublished,
  sessionCancelled,
  sessionCompleted,
  sessionRescheduled,
  sessionScheduled,
  toKafkaMessage,
  userErased,
  validateEventData,
} from '@passerelle/contracts';
import {
  adminToken,
  createTestApp,
  createTestMember,
  createTestNetwork,
  expectEventually,
  KafkaProbe,
  loginAs,
  MINIMAL_ENROLMENT_FEATURES,
  RawProducer,
  type TestApp,
  type TestNetwork,
} from '@passerelle/testing';
import { randomUUID } from 'crypto';
import { evaluationApp } from '../../apps/evaluation/src/evaluation.app';
import { identityApp } from '../../apps/identity/src/identity.app';

/**
 * Feedback forms (issue 7, item 1), participants' own progress (item 4),
 * at-risk alerts (item 3) and erasure (item 8), against real identity tokens,
 * real Kafka topics and PostgreSQL. The sweep runs every 100 ms here; time
 * passing is played by facts dated in the past.
 */
describe('evaluation: feedback, progress, alerts and erasure', () => {
  let identity: TestApp;
  let evaluation: TestApp;
  let producer: RawProducer;
  let probe: KafkaProbe;
  let admin: string;

  beforeAll(async () => {
    probe = await new KafkaProbe([feedbackSubmitted.topic, alertRaised.topic]).start();
    producer = new RawProducer();
    identity = await createTestApp(identityApp);
    evaluation = await createTestApp(evaluationApp, {
      env: { AUTH_JWKS_URL: `${identity.url}/.well-known/jwks.json`, ALERT_SWEEP_INTERVAL_MS: '100', PAIR_RECHECK_INTERVAL_MS: '150' },
    });
    admin = await adminToken(identity.http);
  });

  afterAll(async () => {
    await probe?.stop();
    await producer?.stop();
    await evaluation?.close();
    await identity?.close();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  const send = async <T>(definition: EventDefinition<T>, data: T) => producer.send(definition.topic, [toKafkaMessage(createEnvelope(definition, data))]);

  async function memberOf(network: TestNetwork, roles: string[] = []) {
    const member = await createTestMember(identity.http, identity.dataSource, network, { roles });
    return { userId: member.userId, token: (await loginAs(identity.http, member)).accessToken };
  }

  /** A programme (100 days in, 20 to go, cadence 14) with a mentor and a mentee enrolled and matched 40 days ago (or `acceptedDaysAgo`). */
  async function programmeWithPair(acceptedDaysAgo = 40) {
    const network = await createTestNetwork(identity.http, admin, 'evalfb');
    const [organizer, mentor, mentee] = await Promise.all([memberOf(network, ['organizer']), memberOf(network), memberOf(network)]);
    const programId = randomUUID();
    const matchId = randomUUID();
    await send(programPublished, {
      programId,
      networkId: network.id,
      name: 'Feedback programme',
      objectives: ['job_search'],
      startsOn: daysAgo(100).slice(0, 10),
      endsOn: daysAgo(-20).slice(0, 10),
      cadenceDays: 14,
      matchingModes: ['organizer_rounds'],
      defaultMentorCapacity: 1,
      intakeOpensOn: daysAgo(120).slice(0, 10),
      intakeClosesOn: daysAgo(101).slice(0, 10),
      publishedBy: organizer.userId,
      publishedAt: daysAgo(120),
    });
    await enrol(network.id, programId, mentor.userId, 'mentor');
    await enrol(network.id, programId, mentee.userId, 'mentee');
    const pair = { networkId: network.id, programId, matchId, mentorId: mentor.userId, menteeId: mentee.userId };
    await send(matchAccepted, { ...pair, acceptedAt: daysAgo(acceptedDaysAgo) });
    return { network, organizer, mentor, mentee, programId, matchId, pair, baseline: BASELINE };
  }

  const BASELINE = { confidence: 2, communication: 2, leadership: 3, networkSize: 1 };

  async function enrol(networkId: string, programId: string, userId: string, role: 'mentor' | 'mentee') {
    await send(enrollmentSubmitted, {
      enrollmentId: randomUUID(),
      networkId,
      programId,
      userId,
      role,
      templateVersion: 1,
      ...(role === 'mentor' ? { capacity: 1 } : {}),
      features: MINIMAL_ENROLMENT_FEATURES,
      excludedUserIds: [],
      baseline: BASELINE,
      submittedAt: daysAgo(110),
    });
  }

  async function sessionOf(pair: { networkId: string; programId: string; matchId: string; mentorId: string; menteeId: string }, daysBack: number, held: boolean) {
    const session = { sessionId: randomUUID(), ...pair, startsAt: daysAgo(daysBack) };
    await send(sessionScheduled, { ...session, plannedDurationMinutes: 45, mode: 'video', scheduledBy: pair.menteeId, scheduledAt: daysAgo(daysBack + 3) });
    if (held) await send(sessionCompleted, { ...session, actualDurationMinutes: 45, mode: 'video', completedAt: daysAgo(daysBack - 0.05) });
    return session.sessionId;
  }

  async function projected(sql: string, parameters: unknown[], rows = 1) {
    await expectEventually(async () => expect(await evaluation.dataSource.query(sql, parameters)).toHaveLength(rows), { timeoutMs: 30_000 });
  }

  it('takes session feedback only from the pair, once, after the session; pulse and exit only from participants while open', async () => {
    const { network, organizer, mentor, mentee, programId, matchId, pair, baseline } = await programmeWithPair();
    const held = await sessionOf(pair, 30, true);
    const upcoming = await sessionOf(pair, -2, false);
    await projected(`SELECT 1 FROM p_sessions WHERE session_id = ANY($1::uuid[])`, [[held, upcoming]], 2);
    await projected(`SELECT 1 FROM p_sessions WHERE session_id = $1 AND completed_at IS NOT NULL`, [held]);
    await projected(`SELECT 1 FROM p_enrollments WHERE program_id = $1`, [programId], 2);
    const feedback = (token: string, body: object) => evaluation.http.post('/v1/feedback').set(bearer(token)).send(body);

    const given = await feedback(mentee.token, { form: 'session', sessionId: held, satisfaction: 4, helped: ['advice', 'cv_review'], comment: 'Very useful, thanks Anna' });
    expect(given.status).toBe(201);
    expect(given.body).toMatchObject({ form: 'session', programId, matchId, sessionId: held, respondentRole: 'mentee' });
    const [event] = await probe.waitFor((record) => (record.data as { feedbackId?: string }).feedbackId === given.body.id);
    expect(event.headers['ce_type']).toBe(feedbackSubmitted.type);
    expect(validateEventData(feedbackSubmitted, event.data)).toEqual({ valid: true });
    expect(event.data).toEqual({
      feedbackId: given.body.id,
      networkId: network.id,
      programId,
      matchId,
      sessionId: held,
      respondentId: mentee.userId,
      respondentRole: 'mentee',
      form: 'session',
      satisfaction: 4,
      submittedAt: given.body.submittedAt,
    });

    const twice = await feedback(mentee.token, { form: 'session', sessionId: held, satisfaction: 5 });
    expect([twice.status, twice.body.details]).toEqual([409, [{ path: 'sessionId', issue: 'you already gave feedback on this session' }]]);
    const early = await feedback(mentor.token, { form: 'session', sessionId: upcoming, satisfaction: 5 });
    expect([early.status, early.body.details]).toEqual([409, [{ path: 'sessionId', issue: expect.stringContaining('has not taken place yet') }]]);
    const outsider = await memberOf(network);
    const notTheirs = await feedback(outsider.token, { form: 'session', sessionId: held, satisfaction: 1 });
    expect([notTheirs.status, notTheirs.body.details]).toEqual([403, [{ path: 'sessionId', issue: expect.stringContaining('not a session of your pair') }]]);
    const stranger = await memberOf(await createTestNetwork(identity.http, admin, 'evalfb-other'));
    const foreign = await feedback(stranger.token, { form: 'session', sessionId: held, satisfaction: 1 });
    expect([foreign.status, foreign.body.details]).toEqual([404, [{ path: 'sessionId', issue: 'does not name a session of your network' }]]);
    const invalid = await feedback(mentor.token, { form: 'session', satisfaction: 7, mood: 'happy', helped: ['luck'] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details).toEqual(
      expect.arrayContaining([
        { path: 'sessionId', issue: 'is required for session feedback' },
        { path: 'satisfaction', issue: 'must be from 1 to 5' },
        { path: 'mood', issue: 'is not an accepted field' },
        { path: 'helped', issue: expect.stringContaining('each must be one of') },
      ]),
    );
    const unasked = await feedback(mentor.token, { form: 'session', sessionId: held, satisfaction: 4, nps: 9 });
    expect([unasked.status, unasked.body.details]).toEqual([400, [{ path: 'nps', issue: 'is not asked in the session form' }]]);
    const notMine = await feedback(mentor.token, { form: 'session', sessionId: held, satisfaction: 4, goalProgress: [{ goalId: randomUUID(), progressPercent: 50 }] });
    expect([notMine.status, notMine.body.details]).toEqual([400, [{ path: 'goalProgress.0.goalId', issue: 'is not one of your goals' }]]);
    expect((await feedback(mentor.token, { form: 'session', sessionId: held, satisfaction: 3 })).status).toBe(201);

    // Pulse: open from the midpoint (50 days ago) to the end; participants only, once.
    const pulse = await feedback(mentee.token, { form: 'pulse', programId, satisfaction: 4, nps: 9, scales: { confidence: 3, communication: 3, leadership: 3, networkSize: 2 } });
    expect(pulse.status).toBe(201);
    expect((await feedback(mentee.token, { form: 'pulse', programId, satisfaction: 2, nps: 2 })).status).toBe(409);
    const notParticipant = await feedback(outsider.token, { form: 'pulse', programId, satisfaction: 4, nps: 9 });
    expect([notParticipant.status, notParticipant.body.details]).toEqual([403, [{ path: 'programId', issue: 'you are not a participant of this programme' }]]);
    const noNps = await feedback(mentor.token, { form: 'pulse', programId, satisfaction: 4 });
    expect([noNps.status, noNps.body.details]).toEqual([400, [{ path: 'nps', issue: 'is required for the pulse and exit surveys' }]]);

    // Exit: opens 14 days before the end (in 6 days), or once the participant's match ended.
    const exit = { form: 'exit', programId, satisfaction: 5, nps: 10, scales: { confidence: 4, communication: 4, leadership: 4, networkSize: 3 }, outcomes: { connectionsMade: 4, interviews: 2, offers: 1 } };
    const tooSoon = await feedback(mentee.token, exit);
    expect([tooSoon.status, tooSoon.body.details]).toEqual([409, [{ path: 'form', issue: expect.stringContaining('the exit survey opens on') }]]);
    // This pair's last session is 30 days old: it is at risk, until its match ends.
    const [raised] = await probe.waitFor((record) => record.headers['ce_type'] === alertRaised.type && (record.data as { matchId?: string }).matchId === matchId);
    await send(matchEnded, { ...pair, endedBy: 'mentee', reason: 'participant_request', early: true, endedAt: daysAgo(1) });
    await projected(`SELECT 1 FROM p_matches WHERE match_id = $1 AND ended_at IS NOT NULL`, [matchId]);
    expect((await feedback(mentee.token, exit)).status).toBe(201);
    const [closed] = await probe.waitFor((record) => record.headers['ce_type'] === alertResolved.type && (record.data as { matchId?: string }).matchId === matchId);
    expect(closed.data).toMatchObject({ alertId: (raised.data as { alertId: string }).alertId, resolution: 'match_ended' });

    // The report counts them once the projection has read their events back from Kafka.
    await expectEventually(async () => {
      const response = await evaluation.http.get(`/v1/reports/programs/${programId}`).set(bearer(organizer.token));
      expect(response.body.kpis.quality).toMatchObject({ sessionRatings: 2, averageSessionRating: 3.5, pulseResponses: 1, exitResponses: 1, nps: 100 });
      expect(response.body.kpis.outcomes.baselineToExit).toEqual({ respondents: 1, confidence: 2, communication: 2, leadership: 1, networkSize: 2 });
    });

    // Each participant sees their own progress; the latest self-assessment is the exit one.
    const goalId = randomUUID();
    await send(goalSet, {
      goalId,
      networkId: network.id,
      programId,
      enrollmentId: randomUUID(),
      userId: mentee.userId,
      role: 'mentee',
      metric: 'interviews_obtained',
      targetValue: 3,
      objective: 'job_search',
      baselineValue: 0,
      dueOn: daysAgo(-10).slice(0, 10),
      setAt: daysAgo(90),
    });
    const progress = await expectEventually(async () => {
      const response = await evaluation.http.get(`/v1/reports/programs/${programId}/me`).set(bearer(mentee.token));
      expect(response.status).toBe(200);
      expect(response.body.roles[0].goals).toHaveLength(1);
      return response.body;
    });
    expect(progress).toEqual({
      programId,
      roles: [
        {
          role: 'mentee',
          enrolledAt: expect.any(String),
          withdrawnAt: null,
          baseline,
          latestSelfAssessment: { form: 'exit', submittedAt: expect.any(String), scales: exit.scales },
          goals: [{ goalId, objective: 'job_search', metric: 'interviews_obtained', targetValue: 3, progressPercent: 0, status: 'in_progress' }],
          sessionsHeld: 1,
          lastSessionAt: expect.any(String),
        },
      ],
    });
    const mentorView = await evaluation.http.get(`/v1/reports/programs/${programId}/me`).set(bearer(mentor.token));
    // One mentee rating: too few raters to show anything that would name its author, and no count.
    expect(mentorView.body.roles[0]).toMatchObject({ role: 'mentor', sessionsHeld: 1, menteeRatings: { status: 'not_enough_raters', average: null, minimumRaters: 5 } });
    const outsiderView = await evaluation.http.get(`/v1/reports/programs/${programId}/me`).set(bearer(outsider.token));
    expect([outsiderView.status, outsiderView.body.details]).toEqual([404, [{ path: 'programId', issue: 'does not name a programme you take part in' }]]);
    expect((await evaluation.http.get(`/v1/reports/programs/${programId}/me`).set(bearer(stranger.token))).status).toBe(404);
    expect((await evaluation.http.get(`/v1/reports/programs/nope/me`).set(bearer(mentee.token))).status).toBe(400);

    // Erasure: the comment and chosen lists go, the figures stay.
    await send(userErased, { userId: mentee.userId, networkId: network.id, erasedAt: new Date().toISOString() });
    await projected(`SELECT 1 FROM feedback WHERE respondent_id = $1 AND comment IS NULL AND helped = '{}'`, [mentee.userId], 3);
    const after = await evaluation.http.get(`/v1/reports/programs/${programId}`).set(bearer(organizer.token));
    expect(after.body.kpis.quality).toMatchObject({ sessionRatings: 2, averageSessionRating: 3.5, pulseResponses: 1, exitResponses: 1 });
  });

  it('shows a mentor their mentees\' ratings only coarsely, over five raters, and no single new rating moves the view (the n → n+1 attack)', async () => {
    const { network, organizer, mentor, mentee, programId, pair } = await programmeWithPair();
    const others = await Promise.all([0, 1, 2, 3, 4].map(() => memberOf(network)));
    const pairs = [pair];
    for (const other of others) {
      await enrol(network.id, programId, other.userId, 'mentee');
      const next = { ...pair, matchId: randomUUID(), menteeId: other.userId };
      await send(matchAccepted, { ...next, acceptedAt: daysAgo(40) });
      pairs.push(next);
    }
    // Mentees a…f; a holds three sessions, b, c and d two, e and f one.
    const [a, b, c, d, e, f] = [mentee, ...others].map((person, index) => ({ ...person, pair: pairs[index], sessions: [] as string[] }));
    for (const [person, count] of [[a, 3], [b, 2], [c, 2], [d, 2], [e, 1], [f, 1]] as const) {
      for (let n = 0; n < count; n += 1) person.sessions.push(await sessionOf(person.pair, 30 - 10 * n, true));
    }
    await projected(`SELECT 1 FROM p_sessions WHERE program_id = $1 AND completed_at IS NOT NULL`, [programId], 11);
    const rate = async (person: typeof a, session: number, satisfaction: number) => {
      const given = await evaluation.http.post('/v1/feedback').set(bearer(person.token)).send({ form: 'session', sessionId: person.sessions[session], satisfaction });
      expect(given.status).toBe(201);
      await projected(`SELECT 1 FROM p_feedback WHERE feedback_id = $1`, [given.body.id]);
    };
    const viewOf = async (token: string) => (await evaluation.http.get(`/v1/reports/programs/${programId}/me`).set(bearer(token)).expect(200)).body;
    const NOTHING = { status: 'not_enough_raters', average: null, minimumRaters: 5 };

    // Four raters: nothing is shown, and nothing counts the ratings.
    await rate(a, 0, 5);
    await rate(b, 0, 4);
    await rate(c, 0, 4);
    await rate(d, 0, 3);
    const fewRaters = await viewOf(mentor.token);
    expect(fewRaters.roles).toEqual([expect.objectContaining({ role: 'mentor', sessionsHeld: 11, menteeRatings: NOTHING })]);
    expect(JSON.stringify(fewRaters)).not.toMatch(/count/i);
    // The attack below the threshold: one more rating, the same view.
    await rate(a, 1, 2);
    expect(await viewOf(mentor.token)).toEqual(fewRaters);

    // The fifth rater: the average of each rater's mean (3.5, 4, 4, 3, 5 → 3.9), to the half point.
    await rate(e, 0, 5);
    const shown = await viewOf(mentor.token);
    expect(shown.roles[0].menteeRatings).toEqual({ status: 'shown', average: 4, minimumRaters: 5 });
    expect(JSON.stringify(shown)).not.toMatch(/count/i);

    // The attack above it: the mentor reads, one more rating arrives, they read again. A 1 from a new rater,
    // then a 5 from one already counted: each time the same view, so the view says nothing of either value.
    await rate(f, 0, 1);
    expect(await viewOf(mentor.token)).toEqual(shown);
    await rate(a, 2, 5);
    expect(await viewOf(mentor.token)).toEqual(shown);
    await rate(b, 1, 4);
    await rate(c, 1, 4);
    expect(await viewOf(mentor.token)).toEqual(shown);
    // Five distinct raters since it last moved: it moves, by what all five gave (means 4, 4, 4, 3, 5, 1 → 3.5).
    await rate(d, 1, 3);
    expect((await viewOf(mentor.token)).roles[0].menteeRatings).toEqual({ status: 'shown', average: 3.5, minimumRaters: 5 });

    // A mentee's view carries no rating of anyone.
    expect(Object.keys((await viewOf(b.token)).roles[0])).not.toContain('menteeRatings');
    // Organizers keep the exact figures (eleven ratings, 40 / 11); a participant cannot read them.
    await expectEventually(async () => {
      const report = await evaluation.http.get(`/v1/reports/programs/${programId}`).set(bearer(organizer.token)).expect(200);
      expect(report.body.kpis.quality).toMatchObject({ sessionRatings: 11, averageSessionRating: 3.64 });
    });
    const refused = await evaluation.http.get(`/v1/reports/programs/${programId}`).set(bearer(mentor.token));
    expect([refused.status, refused.body.details]).toEqual([403, [{ path: 'authorization', issue: 'requires the role organizer or integrator' }]]);
  });

  it('raises exactly one alert when a pair lets its cadence slip, and resolves it with a new session', async () => {
    const { network, organizer, mentor, programId, matchId, pair } = await programmeWithPair();
    await sessionOf(pair, 30, true);
    // Last session 30 days ago, cadence 14: more than twice the cadence.
    const [raised] = await probe.waitFor((record) => record.headers['ce_type'] === alertRaised.type && (record.data as { matchId?: string }).matchId === matchId);
    expect(validateEventData(alertRaised, raised.data)).toEqual({ valid: true });
    expect(raised.data).toMatchObject({ ...pair, severity: 'warning', reasons: [{ code: 'cadence_slipped', observed: expect.any(Number), threshold: 28 }] });
    const alertId = (raised.data as { alertId: string }).alertId;
    // The same alert as v2 (v1 is deprecated and published beside it while every reason fits v1).
    const [raisedV2] = await probe.waitFor((record) => record.headers['ce_type'] === alertRaisedV2.type && (record.data as { alertId?: string }).alertId === alertId);
    expect(raisedV2.data).toEqual(raised.data);

    // The sweep keeps judging the pair (still at risk) without raising again.
    const checks = new Set<string>();
    await expectEventually(async () => {
      const [row] = await evaluation.dataSource.query(`SELECT next_check_at FROM pair_watch WHERE match_id = $1`, [matchId]);
      checks.add(row.next_check_at.toISOString());
      expect(checks.size).toBeGreaterThanOrEqual(4);
    });

    const listed = await evaluation.http.get('/v1/alerts').query({ programId }).set(bearer(organizer.token));
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      items: [expect.objectContaining({ id: alertId, matchId, status: 'open', severity: 'warning', acknowledgedAt: null, resolvedAt: null })],
      nextCursor: null,
    });
    const stranger = await memberOf(await createTestNetwork(identity.http, admin, 'evalal-other'), ['organizer']);
    expect((await evaluation.http.get('/v1/alerts').query({ programId, status: 'all' }).set(bearer(stranger.token))).body.items).toEqual([]);
    expect((await evaluation.http.post(`/v1/alerts/${alertId}/acknowledge`).set(bearer(stranger.token))).status).toBe(404);
    const byMentor = await evaluation.http.post(`/v1/alerts/${alertId}/acknowledge`).set(bearer(mentor.token));
    expect([byMentor.status, byMentor.body.details]).toEqual([403, [{ path: 'authorization', issue: 'requires the role organizer' }]]);
    expect((await evaluation.http.get('/v1/alerts').set(bearer(mentor.token))).status).toBe(403);
    const badQuery = await evaluation.http.get('/v1/alerts').query({ status: 'closed', limit: 0 }).set(bearer(organizer.token));
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.details.map((detail: { path: string }) => detail.path).sort()).toEqual(['limit', 'status']);
    expect((await evaluation.http.post('/v1/alerts/not-an-id/acknowledge').set(bearer(organizer.token))).body.details).toEqual([{ path: 'alertId', issue: 'must be a UUID' }]);
    const acknowledged = await evaluation.http.post(`/v1/alerts/${alertId}/acknowledge`).set(bearer(organizer.token));
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body).toMatchObject({ id: alertId, status: 'open', acknowledgedBy: organizer.userId, acknowledgedAt: expect.any(String) });

    // A new session brings the pair back on track: the same alert resolves.
    await sessionOf(pair, 1, true);
    const [resolved] = await probe.waitFor((record) => record.headers['ce_type'] === alertResolved.type && (record.data as { alertId?: string }).alertId === alertId);
    expect(validateEventData(alertResolved, resolved.data)).toEqual({ valid: true });
    expect(resolved.data).toMatchObject({ ...pair, alertId, resolution: 'back_on_track' });
    const history = await evaluation.http.get('/v1/alerts').query({ programId, status: 'resolved' }).set(bearer(organizer.token));
    expect(history.body.items).toEqual([expect.objectContaining({ id: alertId, status: 'resolved', resolution: 'back_on_track' })]);
    expect(probe.records.filter((record) => record.headers['ce_type'] === alertRaised.type && (record.data as { matchId?: string }).matchId === matchId)).toHaveLength(1);
    const [{ count }] = await evaluation.dataSource.query(`SELECT count(*)::int AS count FROM alerts WHERE match_id = $1`, [matchId]);
    expect(count).toBe(1);
    expect((await evaluation.http.get('/metrics')).text).toMatch(/evaluation_alerts_total\{[^}]*transition="resolved"[^}]*\} [1-9]/);
    expect(network.id).toBe(pair.networkId);
  });

  it('raises one alert.raised.v2 (and no v1) for a streak of declined reschedules, and resolves it with a session held', async () => {
    // Matched 10 days ago, a session held 3 days ago: the cadence rules stay quiet (threshold 28 days) whatever arrives first.
    const { organizer, programId, matchId, pair, mentor, mentee } = await programmeWithPair(10);
    await sessionOf(pair, 3, true);
    const rescheduled = (session: { sessionId: string; startsAt: string }, by: string, daysBack: number) =>
      send(sessionRescheduled, {
        ...pair,
        ...session,
        startsAt: daysAgo(-7),
        previousStartsAt: session.startsAt,
        plannedDurationMinutes: 45,
        mode: 'video',
        rescheduledBy: by,
        rescheduledAt: daysAgo(daysBack),
      });
    const cancelled = (session: { sessionId: string }, by: string, daysBack: number) =>
      send(sessionCancelled, { ...pair, ...session, startsAt: daysAgo(-7), cancelledBy: by, reason: 'participant_request', cancelledAt: daysAgo(daysBack) });
    const scheduled = (session: { sessionId: string; startsAt: string }) =>
      send(sessionScheduled, { ...pair, ...session, plannedDurationMinutes: 45, mode: 'video', scheduledBy: pair.menteeId, scheduledAt: daysAgo(2.8) });

    // Declined: the mentor moved it, the mentee cancelled instead of confirming.
    const first = { sessionId: randomUUID(), startsAt: daysAgo(-5) };
    await scheduled(first);
    await rescheduled(first, mentor.userId, 2.5);
    await cancelled(first, mentee.userId, 2);
    // Declined too, its events arriving backwards: the latest move (the mentor's) is the one the mentee declined.
    const second = { sessionId: randomUUID(), startsAt: daysAgo(-6) };
    await cancelled(second, mentee.userId, 1);
    await rescheduled(second, mentor.userId, 1.5);
    await rescheduled(second, mentee.userId, 2.2);
    await scheduled(second);
    // Not declined: cancelled by the one who moved it.
    const withdrawn = { sessionId: randomUUID(), startsAt: daysAgo(-8) };
    await scheduled(withdrawn);
    await rescheduled(withdrawn, mentee.userId, 1.2);
    await cancelled(withdrawn, mentee.userId, 1.1);

    const isOurs = (type: string) => (record: { headers: Record<string, string | undefined>; data: unknown }) =>
      record.headers['ce_type'] === type && (record.data as { matchId?: string }).matchId === matchId;
    const [raised] = await probe.waitFor(isOurs(alertRaisedV2.type));
    expect(validateEventData(alertRaisedV2, raised.data)).toEqual({ valid: true });
    expect(validateEventData(alertRaised, raised.data)).toMatchObject({ valid: false });
    expect(raised.data).toMatchObject({ ...pair, severity: 'warning', reasons: [{ code: 'reschedule_declined', observed: 2, threshold: 2 }] });
    const alertId = (raised.data as { alertId: string }).alertId;
    const report = await evaluation.http.get(`/v1/reports/programs/${programId}`).set(bearer(organizer.token));
    expect(report.body.riskRules).toMatchObject({ declinedRescheduleThreshold: 2, custom: false });
    expect(report.body.pairs).toEqual([
      expect.objectContaining({ matchId, atRisk: true, sessionsHeld: 1, reasons: [{ code: 'reschedule_declined', observed: 2, threshold: 2 }] }),
    ]);

    // A session held after the declines ends the streak: the same alert resolves.
    await sessionOf(pair, 0.5, true);
    const [resolved] = await probe.waitFor((record) => record.headers['ce_type'] === alertResolved.type && (record.data as { alertId?: string }).alertId === alertId);
    expect(resolved.data).toMatchObject({ ...pair, alertId, resolution: 'back_on_track' });
    // v1 cannot say reschedule_declined: it was not published for this alert (it would precede the resolution on the alert's partition).
    expect(probe.records.filter(isOurs(alertRaisedV2.type))).toHaveLength(1);
    expect(probe.records.filter(isOurs(alertRaised.type))).toHaveLength(0);
    const [{ count }] = await evaluation.dataSource.query(`SELECT count(*)::int AS count FROM alerts WHERE match_id = $1`, [matchId]);
    expect(count).toBe(1);
  });

  it('lets organizers set the at-risk rules of their programme, and no one else', async () => {
    const { organizer, mentor, programId } = await programmeWithPair();
    await projected(`SELECT 1 FROM p_programs WHERE program_id = $1`, [programId]);
    const defaults = await evaluation.http.get(`/v1/alerts/rules/${programId}`).set(bearer(organizer.token));
    expect(defaults.body).toEqual({ programId, cadenceFactor: 2, noShowThreshold: 2, lowRating: 2.5, minRatings: 2, declinedRescheduleThreshold: 2, custom: false });
    // The report at one instant, with no event between the reads: the rules it applies follow every change at once.
    const reportRules = async () =>
      (await evaluation.http.get(`/v1/reports/programs/${programId}`).query({ asOf: '2026-06-01T00:00:00.000Z' }).set(bearer(organizer.token))).body.riskRules;
    const { programId: _id, ...defaultRules } = defaults.body;
    expect(await reportRules()).toEqual(defaultRules);
    const rules = { cadenceFactor: 3, noShowThreshold: 3, lowRating: 2, minRatings: 3, declinedRescheduleThreshold: 4 };
    const set = await evaluation.http.put(`/v1/alerts/rules/${programId}`).set(bearer(organizer.token)).send(rules);
    expect([set.status, set.body]).toEqual([200, { programId, ...rules, custom: true }]);
    expect(await reportRules()).toEqual({ ...rules, custom: true });
    expect((await evaluation.http.get(`/v1/alerts/rules/${programId}`).set(bearer(organizer.token))).body).toEqual({ programId, ...rules, custom: true });
    const bad = await evaluation.http.put(`/v1/alerts/rules/${programId}`).set(bearer(organizer.token)).send({ ...rules, lowRating: 9, extra: true });
    expect([bad.status, bad.body.details]).toEqual([400, expect.arrayContaining([{ path: 'lowRating', issue: 'must be from 1 to 5' }, { path: 'extra', issue: 'is not an accepted field' }])]);
    for (const [value, issue] of [
      [0, 'must be from 1 to 50'],
      [2.5, 'must be a whole number from 1 to 50'],
      ['2', 'must be a whole number from 1 to 50'],
    ] as const) {
      const refused = await evaluation.http.put(`/v1/alerts/rules/${programId}`).set(bearer(organizer.token)).send({ ...rules, declinedRescheduleThreshold: value });
      expect(refused.status).toBe(400);
      expect(refused.body.details).toContainEqual({ path: 'declinedRescheduleThreshold', issue });
      expect(refused.body.details.map((detail: { path: string }) => detail.path)).toEqual(refused.body.details.map(() => 'declinedRescheduleThreshold'));
    }
    // Rules written without the declined-reschedule threshold (as before it existed) take the deployment's default for it.
    const { declinedRescheduleThreshold: _omitted, ...olderRules } = rules;
    const older = await evaluation.http.put(`/v1/alerts/rules/${programId}`).set(bearer(organizer.token)).send(olderRules);
    expect([older.status, older.body]).toEqual([200, { programId, ...olderRules, declinedRescheduleThreshold: 2, custom: true }]);
    expect((await evaluation.http.get(`/v1/alerts/rules/${programId}`).set(bearer(organizer.token))).body).toEqual(older.body);
    expect(await reportRules()).toEqual({ ...olderRules, declinedRescheduleThreshold: 2, custom: true });
    const byMentor = await evaluation.http.put(`/v1/alerts/rules/${programId}`).set(bearer(mentor.token)).send(rules);
    expect(byMentor.status).toBe(403);
    const stranger = await memberOf(await createTestNetwork(identity.http, admin, 'evalru-other'), ['organizer']);
    expect((await evaluation.http.put(`/v1/alerts/rules/${programId}`).set(bearer(stranger.token)).send(rules)).status).toBe(404);
    expect((await evaluation.http.get(`/v1/alerts/rules/${programId}`).set(bearer(stranger.token))).status).toBe(404);
    expect((await evaluation.http.get(`/v1/alerts/rules/${programId}`).set(bearer(mentor.token))).status).toBe(403);
    const badId = await evaluation.http.get('/v1/alerts/rules/42').set(bearer(organizer.token));
    expect([badId.status, badId.body.details]).toEqual([400, [{ path: 'programId', issue: 'must be a UUID' }]]);
  });
});
