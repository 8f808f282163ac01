import {
  alertRaised,
  alertRaisedV2,
  createEnvelope,
  type EventDefinition,
  matchAccepted,
  nudgeSent,
  type NudgeSentData,
  programPublished,
  sessionCancelled,
  sessionCompleted,
  sessionRescheduled,
  sessionScheduled,
  toKafkaMessage,
  userRegistered,
} from '@passerelle/contracts';
import { createTestApp, expectEventually, KafkaProbe, RawProducer, SmtpTestServer, type TestApp } from '@passerelle/testing';
import { randomUUID } from 'crypto';
import { communicationApp } from '../../apps/communication/src/communication.app';
import { evaluationApp } from '../../apps/evaluation/src/evaluation.app';
import { identityApp } from '../../apps/identity/src/identity.app';

/**
 * Evaluation's alerts as communication receives them, both services
 * consuming the real topics: an alert v1 can express comes in both versions
 * and is followed up once; an alert only v2 can express (a declined-reschedule
 * streak, from real session events) comes as v2 alone and is followed up too,
 * named in words in the organizers' mail.
 */
describe('evaluation → communication: alert.raised v1 and v2', () => {
  let identity: TestApp;
  let evaluation: TestApp;
  let communication: TestApp;
  let smtp: SmtpTestServer;
  let probe: KafkaProbe;
  let producer: RawProducer;

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    probe = await new KafkaProbe([alertRaised.topic, nudgeSent.topic]).start();
    producer = new RawProducer();
    identity = await createTestApp(identityApp);
    const jwks = `${identity.url}/.well-known/jwks.json`;
    evaluation = await createTestApp(evaluationApp, { env: { AUTH_JWKS_URL: jwks, ALERT_SWEEP_INTERVAL_MS: '100', PAIR_RECHECK_INTERVAL_MS: '150' } });
    communication = await createTestApp(communicationApp, {
      env: { AUTH_JWKS_URL: jwks, SMTP_URL: smtp.url, MAIL_POLL_INTERVAL_MS: '100', PUBLIC_API_URL: 'https://api.passerelle.test' },
    });
  });

  afterAll(async () => {
    await probe?.stop();
    await producer?.stop();
    await communication?.close();
    await evaluation?.close();
    await identity?.close();
    await smtp?.stop();
  });

  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  const send = <T>(definition: EventDefinition<T>, data: T) => producer.send(definition.topic, [toKafkaMessage(createEnvelope(definition, data))]);
  const ofMatch = (type: string, matchId: string) => probe.records.filter((record) => record.headers['ce_type'] === type && (record.data as { matchId?: string }).matchId === matchId);
  const followUps = (alertId: string) =>
    probe.records.filter((record) => record.headers['ce_type'] === nudgeSent.type && (record.data as NudgeSentData).reason === 'alert_follow_up' && (record.data as NudgeSentData).alertId === alertId);

  /** A network with an organizer, a programme (cadence 14) and a pair accepted `acceptedDaysAgo`, known to both services. */
  async function pairAccepted(name: string, acceptedDaysAgo: number) {
    const networkId = randomUUID();
    const [organizer, mentor, mentee] = (['organizer', 'mentor', 'mentee'] as const).map((role) => {
      const userId = randomUUID();
      return { userId, role, email: `${role}-${userId.slice(0, 8)}@example.org` };
    });
    for (const person of [organizer, mentor, mentee]) {
      await send(userRegistered, { userId: person.userId, networkId, email: person.email, displayName: `P ${person.userId.slice(0, 4)}`, roles: [person.role], registeredAt: new Date().toISOString() });
    }
    const programId = randomUUID();
    await send(programPublished, { ...programPublished.example, programId, networkId, name, cadenceDays: 14, publishedBy: organizer.userId });
    await expectEventually(async () => {
      expect(await communication.dataSource.query(`SELECT 1 FROM directory_entries WHERE user_id = ANY($1::uuid[]) AND email IS NOT NULL`, [[organizer.userId, mentor.userId, mentee.userId]])).toHaveLength(3);
      expect(await communication.dataSource.query('SELECT 1 FROM cohort_programs WHERE id = $1', [programId])).toHaveLength(1);
    });
    const pair = { networkId, programId, matchId: randomUUID(), mentorId: mentor.userId, menteeId: mentee.userId };
    await send(matchAccepted, { ...pair, acceptedAt: daysAgo(acceptedDaysAgo) });
    return { pair, organizer, mentor, mentee };
  }

  it('follows up an alert v1 can express once, though it arrives as v1 and v2', async () => {
    // Accepted 40 days ago, no session: no_first_session (40 > 2 × 14), a reason v1 knows.
    const { pair, organizer } = await pairAccepted('Both versions', 40);
    const [v2] = await probe.waitFor((record) => record.headers['ce_type'] === alertRaisedV2.type && (record.data as { matchId?: string }).matchId === pair.matchId);
    const alertId = (v2.data as { alertId: string }).alertId;
    const [v1] = await probe.waitFor((record) => record.headers['ce_type'] === alertRaised.type && (record.data as { alertId?: string }).alertId === alertId);
    expect(v1.data).toEqual(v2.data);
    expect(v2.data).toMatchObject({ reasons: [{ code: 'no_first_session', observed: 40, threshold: 28 }] });

    const told = await smtp.waitFor(organizer.email, /^Pair at risk \(warning\): "Both versions"$/);
    expect(told.text).toContain('A pair is flagged: no first session yet.');
    await expectEventually(async () => expect(followUps(alertId)).toHaveLength(2));
    // Both copies have been consumed by now (same partition, v1 after v2); give a duplicate follow-up time to show.
    await expectEventually(async () => expect(await communication.dataSource.query(`SELECT 1 FROM inbox WHERE event_id = ANY($1::uuid[])`, [[v1.headers['ce_id'], v2.headers['ce_id']]])).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(followUps(alertId)).toHaveLength(2);
    expect(smtp.messagesTo(organizer.email)).toHaveLength(1);
    expect(await communication.dataSource.query(`SELECT status FROM pair_alerts WHERE alert_id = $1`, [alertId])).toEqual([{ status: 'open' }]);
  });

  it('follows up a declined-reschedule streak, which only v2 can express', async () => {
    const { pair, organizer, mentor, mentee } = await pairAccepted('Declined moves', 10);
    const held = { ...pair, sessionId: randomUUID(), startsAt: daysAgo(3) };
    await send(sessionScheduled, { ...held, plannedDurationMinutes: 45, mode: 'video', scheduledBy: mentee.userId, scheduledAt: daysAgo(6) });
    await send(sessionCompleted, { ...held, actualDurationMinutes: 45, mode: 'video', completedAt: daysAgo(2.95) });
    for (const [moved, cancelled] of [
      [2.5, 2],
      [1.5, 1],
    ]) {
      const session = { ...pair, sessionId: randomUUID(), startsAt: daysAgo(-7) };
      await send(sessionScheduled, { ...session, startsAt: daysAgo(-5), plannedDurationMinutes: 45, mode: 'video', scheduledBy: mentee.userId, scheduledAt: daysAgo(2.8) });
      await send(sessionRescheduled, {
        ...session,
        previousStartsAt: daysAgo(-5),
        plannedDurationMinutes: 45,
        mode: 'video',
        rescheduledBy: mentor.userId,
        rescheduledAt: daysAgo(moved),
      });
      await send(sessionCancelled, { ...session, cancelledBy: mentee.userId, reason: 'participant_request', cancelledAt: daysAgo(cancelled) });
    }

    const [v2] = await probe.waitFor((record) => record.headers['ce_type'] === alertRaisedV2.type && (record.data as { matchId?: string }).matchId === pair.matchId);
    expect(v2.data).toMatchObject({ ...pair, severity: 'warning', reasons: [{ code: 'reschedule_declined', observed: 2, threshold: 2 }] });
    const alertId = (v2.data as { alertId: string }).alertId;
    const told = await smtp.waitFor(organizer.email, /^Pair at risk \(warning\): "Declined moves"$/);
    expect(told.text).toContain('A pair is flagged: moved sessions repeatedly declined.');
    await expectEventually(async () => expect(followUps(alertId).map((record) => (record.data as NudgeSentData).recipientId).sort()).toEqual([mentor.userId, mentee.userId].sort()));
    expect(ofMatch(alertRaised.type, pair.matchId)).toEqual([]);
    expect(await communication.dataSource.query(`SELECT reasons FROM pair_alerts WHERE alert_id = $1`, [alertId])).toEqual([
      { reasons: [{ code: 'reschedule_declined', observed: 2, threshold: 2 }] },
    ]);
  });
});
