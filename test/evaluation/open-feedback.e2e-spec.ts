import { createEnvelope, type EventDefinition, enrollmentSubmitted, matchAccepted, matchEnded, programPublished, sessionCompleted, sessionScheduled, toKafkaMessage } from '@passerelle/contracts';
import {
  adminToken,
  createTestApp,
  createTestMember,
  createTestNetwork,
  expectEventually,
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
 * What a participant may answer now (`GET /v1/feedback/open`): held
 * sessions of their pairs not rated yet, the pulse survey from mid-programme,
 * the exit survey once it opens, each gone once answered, and nothing of
 * anyone else's.
 */
describe('evaluation: the feedback open to a participant', () => {
  let identity: TestApp;
  let evaluation: TestApp;
  let producer: RawProducer;
  let admin: string;

  beforeAll(async () => {
    producer = new RawProducer();
    identity = await createTestApp(identityApp);
    evaluation = await createTestApp(evaluationApp, { env: { AUTH_JWKS_URL: `${identity.url}/.well-known/jwks.json` } });
    admin = await adminToken(identity.http);
  });

  afterAll(async () => {
    await producer?.stop();
    await evaluation?.close();
    await identity?.close();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  const send = async <T>(definition: EventDefinition<T>, data: T) => producer.send(definition.topic, [toKafkaMessage(createEnvelope(definition, data))]);
  const open = async (token: string) => (await evaluation.http.get('/v1/feedback/open').set(bearer(token)).expect(200)).body;
  const baseline = { confidence: 2, communication: 2, leadership: 3, networkSize: 1 };

  async function memberOf(network: TestNetwork) {
    const member = await createTestMember(identity.http, identity.dataSource, network, {});
    return { userId: member.userId, token: (await loginAs(identity.http, member)).accessToken };
  }

  /** A programme 100 days in with 20 to go, its pair matched, one session held 10 days ago and one to come. */
  async function programmeWithPair() {
    const network = await createTestNetwork(identity.http, admin, 'openfb');
    const [mentor, mentee, outsider] = await Promise.all([memberOf(network), memberOf(network), memberOf(network)]);
    const programId = randomUUID();
    await send(programPublished, {
      programId,
      networkId: network.id,
      name: 'Open feedback programme',
      objectives: ['job_search'],
      startsOn: daysAgo(100).slice(0, 10),
      endsOn: daysAgo(-20).slice(0, 10),
      cadenceDays: 14,
      matchingModes: ['organizer_rounds'],
      defaultMentorCapacity: 1,
      intakeOpensOn: daysAgo(120).slice(0, 10),
      intakeClosesOn: daysAgo(101).slice(0, 10),
      publishedBy: mentor.userId,
      publishedAt: daysAgo(120),
    });
    for (const [person, role] of [
      [mentor, 'mentor'],
      [mentee, 'mentee'],
    ] as const) {
      await send(enrollmentSubmitted, {
        enrollmentId: randomUUID(),
        networkId: network.id,
        programId,
        userId: person.userId,
        role,
        templateVersion: 1,
        ...(role === 'mentor' ? { capacity: 1 } : {}),
        features: MINIMAL_ENROLMENT_FEATURES,
        excludedUserIds: [],
        baseline,
        submittedAt: daysAgo(110),
      });
    }
    const pair = { networkId: network.id, programId, matchId: randomUUID(), mentorId: mentor.userId, menteeId: mentee.userId };
    await send(matchAccepted, { ...pair, acceptedAt: daysAgo(40) });
    const session = async (daysBack: number, held: boolean) => {
      const facts = { sessionId: randomUUID(), ...pair, startsAt: daysAgo(daysBack) };
      await send(sessionScheduled, { ...facts, plannedDurationMinutes: 45, mode: 'video', scheduledBy: mentee.userId, scheduledAt: daysAgo(daysBack + 3) });
      if (held) await send(sessionCompleted, { ...facts, actualDurationMinutes: 45, mode: 'video', completedAt: daysAgo(daysBack - 0.05) });
      return facts;
    };
    const held = await session(10, true);
    const upcoming = await session(-3, false);
    return { network, mentor, mentee, outsider, programId, pair, held, upcoming };
  }

  it('lists held sessions not yet rated and the surveys open now, each gone once answered', async () => {
    const { mentor, mentee, outsider, programId, pair, held, upcoming } = await programmeWithPair();
    const endsOn = daysAgo(-20).slice(0, 10);

    const forMentee = await expectEventually(async () => {
      const body = await open(mentee.token);
      expect(body.sessions).toHaveLength(1);
      expect(body.surveys).toHaveLength(1);
      return body;
    });
    expect(forMentee).toEqual({
      sessions: [{ sessionId: held.sessionId, matchId: pair.matchId, programId, role: 'mentee', partnerId: mentor.userId, startsAt: held.startsAt, completedAt: expect.any(String) }],
      // The exit survey opens 14 days before the end (in 6 days) or when the match ends: not yet.
      surveys: [{ programId, form: 'pulse', role: 'mentee', endsOn }],
    });
    expect(forMentee.sessions.map((s: { sessionId: string }) => s.sessionId)).not.toContain(upcoming.sessionId);
    expect((await open(mentor.token)).sessions).toEqual([expect.objectContaining({ sessionId: held.sessionId, role: 'mentor', partnerId: mentee.userId })]);
    // A member of the same network outside the pair and the programme has nothing to answer.
    expect(await open(outsider.token)).toEqual({ sessions: [], surveys: [] });

    await evaluation.http.post('/v1/feedback').set(bearer(mentee.token)).send({ form: 'session', sessionId: held.sessionId, satisfaction: 4 }).expect(201);
    await evaluation.http
      .post('/v1/feedback')
      .set(bearer(mentee.token))
      .send({ form: 'pulse', programId, satisfaction: 4, nps: 8 })
      .expect(201);
    expect(await open(mentee.token)).toEqual({ sessions: [], surveys: [] });
    // The mentor's own answers are still due.
    expect((await open(mentor.token)).surveys).toEqual([{ programId, form: 'pulse', role: 'mentor', endsOn }]);

    await send(matchEnded, { ...pair, endedBy: 'mentee', reason: 'participant_request', early: true, endedAt: daysAgo(1) });
    await expectEventually(async () => expect((await open(mentee.token)).surveys).toEqual([{ programId, form: 'exit', role: 'mentee', endsOn }]));
  });

  it('shows another network’s member none of it, and refuses a caller without a token', async () => {
    const { held } = await programmeWithPair();
    const elsewhere = await createTestNetwork(identity.http, admin, 'openfb-x');
    const stranger = await memberOf(elsewhere);
    // Give the projection time to hold the session before asking, so an empty answer means "not yours", not "not yet".
    await expectEventually(async () => expect(await evaluation.dataSource.query('SELECT 1 FROM p_sessions WHERE session_id = $1 AND completed_at IS NOT NULL', [held.sessionId])).toHaveLength(1));
    expect(await open(stranger.token)).toEqual({ sessions: [], surveys: [] });
    const anonymous = await evaluation.http.get('/v1/feedback/open').expect(401);
    expect(anonymous.body.statusCode).toBe(401);
  });
});
