import {
  alertRaised,
  type AlertRaisedData,
  alertResolved,
  createEnvelope,
  type EventDefinition,
  matchAccepted,
  matchEnded,
  nudgeSent,
  type NudgeSentData,
  programPublished,
  toKafkaMessage,
  userRegistered,
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
  RawProducer,
  SmtpTestServer,
  type TestApp,
} from '@passerelle/testing';
import { randomUUID } from 'crypto';
import { communicationApp } from '../../apps/communication/src/communication.app';
import { identityApp } from '../../apps/identity/src/identity.app';

const DAY_MS = 86_400_000;

/**
 * The reminder scheduler (issue 6, item 3) against the real broker, the real
 * database and a real SMTP server: slipped cadences, evaluation's alerts and
 * upcoming sessions each remind the right people exactly once, with two
 * instances sweeping the same database and one of them restarted mid-way.
 */
describe('communication: reminders', () => {
  let identity: TestApp;
  let first: TestApp;
  let second: TestApp;
  let smtp: SmtpTestServer;
  let probe: KafkaProbe;
  let producer: RawProducer;

  const env = () => ({
    AUTH_JWKS_URL: `${identity.url}/.well-known/jwks.json`,
    SMTP_URL: smtp.url,
    MAIL_POLL_INTERVAL_MS: '100',
    REMINDER_SWEEP_INTERVAL_MS: '150',
    PUBLIC_API_URL: 'https://api.passerelle.test',
  });

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    probe = await new KafkaProbe([nudgeSent.topic]).start();
    producer = new RawProducer();
    identity = await createTestApp(identityApp);
    [first, second] = await Promise.all([createTestApp(communicationApp, { env: env() }), createTestApp(communicationApp, { env: env() })]);
  });

  afterAll(async () => {
    await probe?.stop();
    await producer?.stop();
    await first?.close();
    await second?.close();
    await identity?.close();
    await smtp?.stop();
  });

  const publish = <T>(definition: EventDefinition<T>, ...data: T[]) =>
    producer.send(definition.topic, data.map((item) => toKafkaMessage(createEnvelope(definition, item))));

  /** People known to communication from identity's event alone (no account needed to be reminded). */
  async function people(networkId: string, count: number, options: { roles?: Array<'mentor' | 'mentee' | 'organizer'>; locale?: string } = {}) {
    const list = Array.from({ length: count }, () => {
      const userId = randomUUID();
      return { userId, email: `p-${userId.slice(0, 8)}@example.org` };
    });
    await publish(
      userRegistered,
      ...list.map((person) => ({
        userId: person.userId,
        networkId,
        email: person.email,
        displayName: `Person ${person.userId.slice(0, 4)}`,
        roles: options.roles ?? ['mentee'],
        ...(options.locale ? { locale: options.locale } : {}),
        registeredAt: new Date().toISOString(),
      })),
    );
    await expectEventually(async () => {
      const rows: unknown[] = await first.dataSource.query(`SELECT 1 FROM directory_entries WHERE user_id = ANY($1::uuid[]) AND email IS NOT NULL`, [
        list.map((person) => person.userId),
      ]);
      expect(rows).toHaveLength(count);
    });
    return list;
  }

  async function programme(networkId: string, cadenceDays: number) {
    const programId = randomUUID();
    await publish(programPublished, { ...programPublished.example, programId, networkId, name: `Cadence ${cadenceDays}`, cadenceDays });
    await expectEventually(async () => expect(await first.dataSource.query('SELECT 1 FROM cohort_programs WHERE id = $1', [programId])).toHaveLength(1));
    return programId;
  }

  async function pairUp(networkId: string, programId: string, mentorId: string, menteeId: string, acceptedAt: Date) {
    const matchId = randomUUID();
    await publish(matchAccepted, { matchId, networkId, programId, mentorId, menteeId, acceptedAt: acceptedAt.toISOString() });
    return matchId;
  }

  const nudgesOf = (matchIds: readonly string[]) =>
    probe.records.filter((record) => record.headers['ce_type'] === nudgeSent.type && matchIds.includes((record.data as NudgeSentData).matchId ?? ''));

  it('nudges every pair whose cadence slipped exactly once, with two instances and one restarted mid-way', async () => {
    const networkId = randomUUID();
    const programId = await programme(networkId, 14);
    const mentors = await people(networkId, 12, { roles: ['mentor'] });
    const mentees = await people(networkId, 12, { locale: 'fr-FR' });
    const slipped = await Promise.all(mentors.slice(0, 10).map((mentor, i) => pairUp(networkId, programId, mentor.userId, mentees[i].userId, new Date(Date.now() - 30 * DAY_MS))));
    // On track: accepted a week ago; and one that slipped but has a session planned (written before the pair arrives).
    const recent = await pairUp(networkId, programId, mentors[10].userId, mentees[10].userId, new Date(Date.now() - 7 * DAY_MS));
    const planned = randomUUID();
    await first.dataSource.query(
      `INSERT INTO sessions (id, network_id, program_id, match_id, mentor_id, mentee_id, status, starts_at, duration_minutes, mode, time_zone,
                             created_by, proposed_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'proposed', now() + interval '3 days', 60, 'phone', 'Europe/Paris', $5, $5, now(), now())`,
      [randomUUID(), networkId, programId, planned, mentors[11].userId, mentees[11].userId],
    );
    await publish(matchAccepted, {
      matchId: planned,
      networkId,
      programId,
      mentorId: mentors[11].userId,
      menteeId: mentees[11].userId,
      acceptedAt: new Date(Date.now() - 30 * DAY_MS).toISOString(),
    });

    // One instance stops as soon as the first nudges are committed, and a fresh one takes its place.
    await expectEventually(async () => expect((await first.dataSource.query('SELECT 1 FROM nudges WHERE match_id = ANY($1::uuid[])', [slipped])).length).toBeGreaterThan(0), {
      intervalMs: 10,
    });
    await first.close();
    first = await createTestApp(communicationApp, { env: env() });

    await expectEventually(async () => expect(nudgesOf(slipped)).toHaveLength(20), { timeoutMs: 30_000 });
    for (const [i, mentee] of mentees.slice(0, 10).entries()) {
      await smtp.waitFor(mentee.email, /^Et si vous planifiiez votre prochaine séance/);
      await smtp.waitFor(mentors[i].email, /^Time to plan your next session/);
    }
    // Several more sweeps on both instances change nothing.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const events = nudgesOf(slipped).map((record) => record.data as NudgeSentData);
    expect(events.every((event) => validateEventData(nudgeSent, event).valid)).toBe(true);
    expect(events.every((event) => event.reason === 'cadence_slipped' && event.channel === 'email' && event.programId === programId)).toBe(true);
    const recipients = events.map((event) => `${event.matchId}/${event.recipientId}`).sort();
    expect(new Set(recipients).size).toBe(20);
    expect(new Set(events.map((event) => event.nudgeId)).size).toBe(20);
    for (const person of [...mentors.slice(0, 10), ...mentees.slice(0, 10)]) expect(smtp.messagesTo(person.email)).toHaveLength(1);
    const mail = smtp.messagesTo(mentees[0].email)[0];
    expect(mail.text).toContain('tous les 14 jours ; la dernière remonte à 30 jours');
    const header = (key: string) => mail.parsed.headerLines.find((line) => line.key === key)?.line.replace(/\s+/g, ' ');
    expect(header('list-unsubscribe')).toMatch(
      /^List-Unsubscribe: <https:\/\/api\.passerelle\.test\/v1\/notifications\/unsubscribe\?token=[A-Za-z0-9_-]{43}&category=reminders>$/,
    );
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    for (const person of [mentors[10], mentees[10], mentors[11], mentees[11]]) expect(smtp.messagesTo(person.email)).toHaveLength(0);
    expect(nudgesOf([recent, planned])).toHaveLength(0);
  });

  it('answers an alert by nudging the pair once and telling the organizers, and records its resolution', async () => {
    const networkId = randomUUID();
    const programId = await programme(networkId, 21);
    const [organizer] = await people(networkId, 1, { roles: ['organizer'] });
    const [bystander] = await people(networkId, 1, { roles: ['mentor'] });
    const [mentor, mentee] = await people(networkId, 2);
    const matchId = await pairUp(networkId, programId, mentor.userId, mentee.userId, new Date());
    const alert: AlertRaisedData = {
      alertId: randomUUID(),
      networkId,
      programId,
      matchId,
      mentorId: mentor.userId,
      menteeId: mentee.userId,
      severity: 'critical',
      reasons: [
        { code: 'cadence_slipped', observed: 45, threshold: 42 },
        { code: 'repeated_no_show', observed: 2, threshold: 2 },
      ],
      raisedAt: new Date().toISOString(),
    };
    await publish(alertRaised, alert);
    // A replay of the alert (a new event id, the same alert) is acted on once.
    await publish(alertRaised, alert);

    await smtp.waitFor(mentor.email, /^How is your mentoring going/);
    await smtp.waitFor(mentee.email, /^How is your mentoring going/);
    const told = await smtp.waitFor(organizer.email, /^Pair at risk \(critical\): "Cadence 21"$/);
    expect(told.text).toContain('sessions no longer keep the programme’s rhythm, repeated no-shows');
    await expectEventually(async () => expect(nudgesOf([matchId])).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const events = nudgesOf([matchId]).map((record) => record.data as NudgeSentData);
    expect(events.map((event) => event.recipientId).sort()).toEqual([mentor.userId, mentee.userId].sort());
    expect(events.every((event) => event.reason === 'alert_follow_up' && event.alertId === alert.alertId && validateEventData(nudgeSent, event).valid)).toBe(true);
    for (const person of [mentor, mentee, organizer]) expect(smtp.messagesTo(person.email)).toHaveLength(1);
    expect(smtp.messagesTo(bystander.email)).toHaveLength(0);
    const inApp: Array<{ template: string; data: Record<string, string> }> = await first.dataSource.query('SELECT template, data FROM notifications WHERE recipient_id = $1', [
      organizer.userId,
    ]);
    expect(inApp).toEqual([{ template: 'organizer_alert', data: { alertId: alert.alertId, matchId, programId } }]);

    await publish(alertResolved, { alertId: alert.alertId, networkId, programId, matchId, mentorId: mentor.userId, menteeId: mentee.userId, resolution: 'back_on_track', resolvedAt: new Date().toISOString() });
    await expectEventually(async () =>
      expect(await first.dataSource.query('SELECT status FROM pair_alerts WHERE alert_id = $1', [alert.alertId])).toEqual([{ status: 'resolved' }]),
    );
  });

  it('tells only the organizers of an alert drawn from ratings alone: a nudge would tell each participant how the other rated', async () => {
    const networkId = randomUUID();
    const programId = await programme(networkId, 14);
    const [organizer] = await people(networkId, 1, { roles: ['organizer'] });
    const [mentor, mentee] = await people(networkId, 2);
    const matchId = await pairUp(networkId, programId, mentor.userId, mentee.userId, new Date());
    await expectEventually(async () => expect(await first.dataSource.query(`SELECT 1 FROM pairs WHERE match_id = $1`, [matchId])).toHaveLength(1));
    const alertId = randomUUID();
    await publish(alertRaised, {
      alertId,
      networkId,
      programId,
      matchId,
      mentorId: mentor.userId,
      menteeId: mentee.userId,
      severity: 'warning',
      reasons: [{ code: 'low_satisfaction', observed: 2, threshold: 2.5 }],
      raisedAt: new Date().toISOString(),
    });
    const told = await smtp.waitFor(organizer.email, /^Pair at risk \(warning\): "Cadence 14"$/);
    expect(told.text).toContain('A pair is flagged: low satisfaction. The participants were not told');
    // The organizer's notice and any nudge are written in the one transaction that handled the alert.
    expect(await first.dataSource.query('SELECT recipient_id FROM notifications WHERE data @> $1::jsonb', [JSON.stringify({ alertId })])).toEqual([{ recipient_id: organizer.userId }]);
    expect(await first.dataSource.query('SELECT 1 FROM nudges WHERE alert_id = $1', [alertId])).toEqual([]);
    expect(await first.dataSource.query('SELECT 1 FROM notifications WHERE recipient_id = ANY($1::uuid[])', [[mentor.userId, mentee.userId]])).toEqual([]);
    expect(await first.dataSource.query(`SELECT status FROM pair_alerts WHERE alert_id = $1`, [alertId])).toEqual([{ status: 'open' }]);
  });

  it('reminds both participants of a confirmed session once, and again once a move is confirmed', async () => {
    const admin = await adminToken(identity.http);
    const network = await createTestNetwork(identity.http, admin);
    const members = await Promise.all([0, 1].map(() => createTestMember(identity.http, identity.dataSource, network, { roles: [] })));
    const [mentor, mentee] = await Promise.all(
      members.map(async (member) => ({ userId: member.userId, email: member.email.toLowerCase(), token: (await loginAs(identity.http, member)).accessToken })),
    );
    await expectEventually(async () =>
      expect(await first.dataSource.query(`SELECT 1 FROM directory_entries WHERE user_id = ANY($1::uuid[]) AND email IS NOT NULL`, [[mentor.userId, mentee.userId]])).toHaveLength(2),
    );
    const programId = randomUUID();
    const matchId = await pairUp(network.id, programId, mentor.userId, mentee.userId, new Date());
    await expectEventually(async () => expect(await first.dataSource.query(`SELECT 1 FROM pairs WHERE match_id = $1`, [matchId])).toHaveLength(1));

    const inHours = (hours: number) => new Date(Math.ceil(Date.now() / 60_000) * 60_000 + hours * 3_600_000).toISOString();
    const proposed = await first.http
      .post('/v1/sessions')
      .set('authorization', `Bearer ${mentee.token}`)
      .send({ matchId, startsAt: inHours(3), durationMinutes: 30, mode: 'phone', timeZone: 'Europe/Paris' });
    expect(proposed.status).toBe(201);
    const sessionId: string = proposed.body.id;
    // Proposed is not enough: nothing is reminded before the other participant confirms.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(smtp.messagesTo(mentor.email, /^Reminder/)).toHaveLength(0);
    expect((await first.http.post(`/v1/sessions/${sessionId}/confirm`).set('authorization', `Bearer ${mentor.token}`)).status).toBe(200);

    for (const person of [mentor, mentee]) await smtp.waitFor(person.email, /^Reminder: mentoring session/);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const person of [mentor, mentee]) expect(smtp.messagesTo(person.email, /^Reminder/)).toHaveLength(1);
    const reminders = () => nudgesOf([matchId]).map((record) => record.data as NudgeSentData);
    expect(reminders().map((event) => event.reason)).toEqual(['session_upcoming', 'session_upcoming']);

    const moved = await first.http.post(`/v1/sessions/${sessionId}/reschedule`).set('authorization', `Bearer ${mentor.token}`).send({ startsAt: inHours(5) });
    expect(moved.status).toBe(200);
    expect((await first.http.post(`/v1/sessions/${sessionId}/confirm`).set('authorization', `Bearer ${mentee.token}`)).status).toBe(200);
    for (const person of [mentor, mentee]) await smtp.waitFor(person.email, /^Reminder: mentoring session/, { count: 2 });
    await expectEventually(async () => expect(reminders()).toHaveLength(4));

    // Once the match has ended, a session still confirmed for the pair is not reminded.
    await publish(matchEnded, { matchId, networkId: network.id, programId, mentorId: mentor.userId, menteeId: mentee.userId, endedBy: 'mentee', reason: 'participant_request', early: true, endedAt: new Date().toISOString() });
    await expectEventually(async () => expect(await first.dataSource.query(`SELECT 1 FROM pairs WHERE match_id = $1 AND status = 'ended'`, [matchId])).toHaveLength(1));
    await first.dataSource.query(
      `INSERT INTO sessions (id, network_id, program_id, match_id, mentor_id, mentee_id, status, starts_at, duration_minutes, mode, time_zone,
                             created_by, proposed_by, created_at, scheduled_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'confirmed', now() + interval '2 hours', 30, 'phone', 'Europe/Paris', $5, $5, now(), now(), now())`,
      [randomUUID(), network.id, programId, matchId, mentor.userId, mentee.userId],
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const person of [mentor, mentee]) expect(smtp.messagesTo(person.email, /^Reminder/)).toHaveLength(2);
    expect(reminders()).toHaveLength(4);
  });
});
