import {
  createEnvelope,
  type MatchAcceptedData,
  matchAccepted,
  sessionCancelled,
  sessionCompleted,
  sessionNoShow,
  sessionRescheduled,
  sessionScheduled,
  toKafkaMessage,
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
  type ReceivedMail,
  SmtpTestServer,
  type TestApp,
  type TestNetwork,
} from '@passerelle/testing';
import { randomUUID } from 'crypto';
import { communicationApp } from '../../apps/communication/src/communication.app';
import { identityApp } from '../../apps/identity/src/identity.app';

/**
 * Sessions (issue 6, item 2) and their e-mailed iCalendar invitations
 * (item 7), end to end: identity's real `user.registered` events fill the
 * directory, a `match.accepted` record opens the pair, and a real SMTP server
 * receives the invitations the communication app sends from `mail_deliveries`.
 */
describe('communication: sessions', () => {
  let identity: TestApp;
  let communication: TestApp;
  let smtp: SmtpTestServer;
  let probe: KafkaProbe;
  let producer: RawProducer;
  let admin: string;

  const sessionTopics = [...new Set([sessionScheduled, sessionRescheduled, sessionCancelled, sessionCompleted, sessionNoShow].map((definition) => definition.topic))];

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    probe = await new KafkaProbe(sessionTopics).start();
    producer = new RawProducer();
    identity = await createTestApp(identityApp);
    communication = await createTestApp(communicationApp, {
      env: {
        AUTH_JWKS_URL: `${identity.url}/.well-known/jwks.json`,
        SMTP_URL: smtp.url,
        MAIL_POLL_INTERVAL_MS: '100',
        SESSION_VIDEO_URL_TEMPLATE: 'https://meet.example.org/passerelle-{room}',
      },
    });
    admin = await adminToken(identity.http);
  });

  afterAll(async () => {
    await probe?.stop();
    await producer?.stop();
    await communication?.close();
    await identity?.close();
    await smtp?.stop();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  async function memberOf(network: TestNetwork) {
    const member = await createTestMember(identity.http, identity.dataSource, network, { roles: [] });
    return { userId: member.userId, email: member.email.toLowerCase(), token: (await loginAs(identity.http, member)).accessToken };
  }

  /** Two members of a new network, known to communication's directory, paired by a `match.accepted`. */
  async function openPair() {
    const network = await createTestNetwork(identity.http, admin);
    const [mentor, mentee] = await Promise.all([memberOf(network), memberOf(network)]);
    await expectEventually(async () => {
      const rows: Array<{ user_id: string }> = await communication.dataSource.query(
        `SELECT user_id FROM directory_entries WHERE user_id = ANY($1::uuid[]) AND status = 'active' AND email IS NOT NULL`,
        [[mentor.userId, mentee.userId]],
      );
      expect(rows).toHaveLength(2);
    });
    const data: MatchAcceptedData = { matchId: randomUUID(), networkId: network.id, programId: randomUUID(), mentorId: mentor.userId, menteeId: mentee.userId, acceptedAt: new Date().toISOString() };
    await producer.send(matchAccepted.topic, [toKafkaMessage(createEnvelope(matchAccepted, data))]);
    await expectEventually(async () => {
      const rows = await communication.dataSource.query(`SELECT 1 FROM pairs WHERE match_id = $1 AND status = 'active'`, [data.matchId]);
      expect(rows).toHaveLength(1);
    });
    return { network, mentor, mentee, matchId: data.matchId, programId: data.programId };
  }

  /** A January day of next year at `hour`Z: 17:00Z is 18:00 in Paris (UTC+1 in winter). */
  const winter = (day: number, hour = 17) => new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, day, hour, 0, 0));

  function calendarOf(mail: ReceivedMail): string {
    const part = mail.attachments.find((attachment) => attachment.contentType.startsWith('text/calendar'));
    if (!part) throw new Error(`no text/calendar part in "${mail.subject}": ${mail.attachments.map((a) => a.contentType).join(', ')}`);
    return part.content.toString('utf8').replace(/\r\n[ \t]/g, '');
  }
  const icsLine = (ics: string, name: string) => ics.split(/\r\n/).find((entry) => entry.startsWith(`${name}:`) || entry.startsWith(`${name};`));
  const attendeesOf = (ics: string) =>
    ics
      .split(/\r\n/)
      .filter((entry) => entry.startsWith('ATTENDEE'))
      .map((entry) => entry.replace(/^.*:mailto:/i, '').toLowerCase())
      .sort();

  it('proposes, confirms, reschedules and cancels a video session, mailing both an invitation with the same UID', async () => {
    const { mentor, mentee, matchId, programId, network } = await openPair();
    const startsAt = winter(15);
    const proposed = await communication.http
      .post('/v1/sessions')
      .set(bearer(mentee.token))
      .send({ matchId, startsAt: `${startsAt.getUTCFullYear()}-01-15T18:00:00+01:00`, durationMinutes: 45, mode: 'video', agenda: 'CV review', timeZone: 'Europe/Paris' });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ matchId, status: 'proposed', startsAt: startsAt.toISOString(), durationMinutes: 45, mode: 'video', sequence: 0, awaitingMyConfirmation: false });
    const link: string = proposed.body.meetingUrl;
    expect(link).toMatch(/^https:\/\/meet\.example\.org\/passerelle-[0-9a-f]{32}$/);
    const id: string = proposed.body.id;

    // The proposer cannot confirm their own proposal; the other participant can.
    const selfConfirm = await communication.http.post(`/v1/sessions/${id}/confirm`).set(bearer(mentee.token));
    expect(selfConfirm.status).toBe(409);
    expect(selfConfirm.body.details).toEqual([{ path: 'status', issue: expect.stringContaining('other participant') }]);
    const confirmed = await communication.http.post(`/v1/sessions/${id}/confirm`).set(bearer(mentor.token));
    expect({ status: confirmed.status, state: confirmed.body.status }).toEqual({ status: 200, state: 'confirmed' });

    for (const person of [mentor, mentee]) {
      const mail = await smtp.waitFor(person.email, /session confirmed/i);
      const ics = calendarOf(mail);
      expect(icsLine(ics, 'METHOD')).toBe('METHOD:REQUEST');
      expect(icsLine(ics, 'UID')).toBe(`UID:${id}@sessions.passerelle`);
      expect(icsLine(ics, 'SEQUENCE')).toBe('SEQUENCE:0');
      expect(icsLine(ics, 'DTSTART')).toBe(`DTSTART;TZID=Europe/Paris:${startsAt.getUTCFullYear()}0115T180000`);
      expect(icsLine(ics, 'DTEND')).toBe(`DTEND;TZID=Europe/Paris:${startsAt.getUTCFullYear()}0115T184500`);
      expect(icsLine(ics, 'URL')).toBe(`URL;VALUE=URI:${link}`);
      expect(icsLine(ics, 'ORGANIZER')).toMatch(new RegExp(`mailto:${mentee.email.replace(/[.+]/g, '\\$&')}$`, 'i'));
      expect(attendeesOf(ics)).toEqual([mentor.email, mentee.email].sort());
      expect(mail.text).toContain(link);
    }
    const [scheduled] = await probe.waitFor((r) => r.headers['ce_type'] === sessionScheduled.type && (r.data as { sessionId?: string }).sessionId === id);
    expect(validateEventData(sessionScheduled, scheduled.data)).toEqual({ valid: true });
    expect(scheduled.data).toMatchObject({ sessionId: id, matchId, programId, networkId: network.id, mentorId: mentor.userId, menteeId: mentee.userId, startsAt: startsAt.toISOString(), plannedDurationMinutes: 45, mode: 'video', scheduledBy: mentee.userId });

    // Moving it: back to proposed, same UID, next SEQUENCE, announced at once.
    const later = winter(16);
    const moved = await communication.http.post(`/v1/sessions/${id}/reschedule`).set(bearer(mentor.token)).send({ startsAt: later.toISOString(), durationMinutes: 60 });
    expect(moved.body).toMatchObject({ status: 'proposed', sequence: 1, startsAt: later.toISOString(), durationMinutes: 60 });
    const movedMail = await smtp.waitFor(mentee.email, /session moved/i);
    const movedIcs = calendarOf(movedMail);
    expect([icsLine(movedIcs, 'UID'), icsLine(movedIcs, 'SEQUENCE'), icsLine(movedIcs, 'METHOD')]).toEqual([`UID:${id}@sessions.passerelle`, 'SEQUENCE:1', 'METHOD:REQUEST']);
    expect(icsLine(movedIcs, 'DTSTART')).toBe(`DTSTART;TZID=Europe/Paris:${later.getUTCFullYear()}0116T180000`);
    const [rescheduled] = await probe.waitFor((r) => r.headers['ce_type'] === sessionRescheduled.type && (r.data as { sessionId?: string }).sessionId === id);
    expect(validateEventData(sessionRescheduled, rescheduled.data)).toEqual({ valid: true });
    expect(rescheduled.data).toMatchObject({ previousStartsAt: startsAt.toISOString(), startsAt: later.toISOString(), rescheduledBy: mentor.userId });

    // Cancelling: METHOD:CANCEL, same UID, next SEQUENCE.
    const cancelled = await communication.http.post(`/v1/sessions/${id}/cancel`).set(bearer(mentee.token)).send({ reason: 'Exam moved to that day' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', sequence: 2, cancelReason: 'Exam moved to that day' });
    const cancelMail = await smtp.waitFor(mentor.email, /session cancelled/i);
    const cancelIcs = calendarOf(cancelMail);
    expect([icsLine(cancelIcs, 'METHOD'), icsLine(cancelIcs, 'UID'), icsLine(cancelIcs, 'SEQUENCE')]).toEqual(['METHOD:CANCEL', `UID:${id}@sessions.passerelle`, 'SEQUENCE:2']);
    expect(cancelMail.text).toContain('Exam moved to that day');
    const [cancelEvent] = await probe.waitFor((r) => r.headers['ce_type'] === sessionCancelled.type && (r.data as { sessionId?: string }).sessionId === id);
    expect(validateEventData(sessionCancelled, cancelEvent.data)).toEqual({ valid: true });
    expect(cancelEvent.data).toMatchObject({ cancelledBy: mentee.userId, reason: 'participant_request' });

    // Exactly one mail per person per change, all recorded as sent.
    await smtp.waitFor(mentee.email, /session cancelled/i);
    await expectEventually(async () => {
      const deliveries = await communication.dataSource.query(`SELECT template, status, attempts FROM mail_deliveries WHERE session_id = $1 ORDER BY template`, [id]);
      expect(deliveries).toEqual(
        ['session_cancelled', 'session_cancelled', 'session_confirmed', 'session_confirmed', 'session_rescheduled', 'session_rescheduled'].map((template) => ({ template, status: 'sent', attempts: 1 })),
      );
    });
    expect(smtp.messagesTo(mentee.email, /session confirmed/i)).toHaveLength(1);

    const again = await communication.http.post(`/v1/sessions/${id}/confirm`).set(bearer(mentor.token));
    expect({ status: again.status, details: again.body.details }).toEqual({ status: 409, details: [{ path: 'status', issue: expect.stringContaining('is cancelled') }] });
  });

  it('records completion and no-shows of sessions that have started, with their events', async () => {
    const { mentor, mentee, matchId } = await openPair();
    const book = async (day: number) => {
      const created = await communication.http.post('/v1/sessions').set(bearer(mentor.token)).send({ matchId, startsAt: winter(day).toISOString(), durationMinutes: 30, mode: 'in_person', location: 'Café de la Gare', timeZone: 'Europe/Paris' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ location: 'Café de la Gare', meetingUrl: null });
      await communication.http.post(`/v1/sessions/${created.body.id}/confirm`).set(bearer(mentee.token)).expect(200);
      return created.body.id as string;
    };
    const [held, missed] = [await book(20), await book(21)];
    const early = await communication.http.post(`/v1/sessions/${held}/complete`).set(bearer(mentee.token)).send({ actualDurationMinutes: 30 });
    expect({ status: early.status, details: early.body.details }).toEqual({ status: 409, details: [{ path: 'startsAt', issue: expect.stringContaining('still ahead') }] });

    // Time passes: the two sessions are moved into the past directly in the database.
    await communication.dataSource.query(`UPDATE sessions SET starts_at = now() - interval '2 hours' WHERE id = $1`, [held]);
    await communication.dataSource.query(`UPDATE sessions SET starts_at = now() - interval '5 hours' WHERE id = $1`, [missed]);
    const completed = await communication.http.post(`/v1/sessions/${held}/complete`).set(bearer(mentee.token)).send({ actualDurationMinutes: 40 });
    expect(completed.body).toMatchObject({ status: 'completed', actualDurationMinutes: 40 });
    const noShow = await communication.http.post(`/v1/sessions/${missed}/no-show`).set(bearer(mentor.token)).send({ absent: 'mentee' });
    expect(noShow.body).toMatchObject({ status: 'no_show', absentRole: 'mentee' });

    const [completedEvent] = await probe.waitFor((r) => r.headers['ce_type'] === sessionCompleted.type && (r.data as { sessionId?: string }).sessionId === held);
    expect(validateEventData(sessionCompleted, completedEvent.data)).toEqual({ valid: true });
    expect(completedEvent.data).toMatchObject({ actualDurationMinutes: 40, mode: 'in_person' });
    const [noShowEvent] = await probe.waitFor((r) => r.headers['ce_type'] === sessionNoShow.type && (r.data as { sessionId?: string }).sessionId === missed);
    expect(validateEventData(sessionNoShow, noShowEvent.data)).toEqual({ valid: true });
    expect(noShowEvent.data).toMatchObject({ absentRole: 'mentee', recordedBy: mentor.userId });

    const list = await communication.http.get(`/v1/sessions?matchId=${matchId}`).set(bearer(mentee.token)).expect(200);
    expect(list.body.items.map((item: { id: string; status: string }) => [item.id, item.status])).toEqual([
      [missed, 'no_show'],
      [held, 'completed'],
    ]);
  });

  it('refuses bad input naming the field, overlaps with 409, and strangers with 404', async () => {
    const { mentor, mentee, matchId, network } = await openPair();
    const valid = { matchId, startsAt: winter(10).toISOString(), durationMinutes: 60, mode: 'phone', timeZone: 'Europe/Paris' };
    const propose = (token: string, body: object) => communication.http.post('/v1/sessions').set(bearer(token)).send(body);
    const issues = async (body: object) => {
      const response = await propose(mentee.token, body);
      return { status: response.status, paths: (response.body.details as Array<{ path: string }>).map((detail) => detail.path) };
    };

    expect(await issues({ ...valid, startsAt: new Date(Date.now() - 3600_000).toISOString() })).toEqual({ status: 400, paths: ['startsAt'] });
    expect(await issues({ ...valid, startsAt: '2031-01-10T18:00:00' })).toEqual({ status: 400, paths: ['startsAt'] });
    expect(await issues({ ...valid, mode: 'carrier_pigeon' })).toEqual({ status: 400, paths: ['mode'] });
    expect(await issues({ ...valid, durationMinutes: 10 })).toEqual({ status: 400, paths: ['durationMinutes'] });
    expect(await issues({ ...valid, durationMinutes: 300 })).toEqual({ status: 400, paths: ['durationMinutes'] });
    expect(await issues({ ...valid, timeZone: 'Mars/Olympus' })).toEqual({ status: 400, paths: ['timeZone'] });

    const first = await propose(mentee.token, valid);
    await communication.http.post(`/v1/sessions/${first.body.id}/confirm`).set(bearer(mentor.token)).expect(200);
    // 30 minutes into the confirmed hour.
    const overlapping = await propose(mentor.token, { ...valid, startsAt: new Date(winter(10).getTime() + 30 * 60_000).toISOString() });
    expect({ status: overlapping.status, details: overlapping.body.details }).toEqual({ status: 409, details: [{ path: 'startsAt', issue: expect.stringContaining('overlaps') }] });
    // Right after it is fine.
    const adjacent = await propose(mentor.token, { ...valid, startsAt: new Date(winter(10).getTime() + 60 * 60_000).toISOString() });
    expect(adjacent.status).toBe(201);

    const outsider = await memberOf(network);
    const notFound = await propose(outsider.token, valid);
    expect({ status: notFound.status, details: notFound.body.details }).toEqual({ status: 404, details: [{ path: 'matchId', issue: expect.any(String) }] });
    await communication.http.get(`/v1/sessions/${first.body.id}`).set(bearer(outsider.token)).expect(404);
    await communication.http.post(`/v1/sessions/${first.body.id}/cancel`).set(bearer(outsider.token)).send({ reason: 'no' }).expect(404);
    await communication.http.get(`/v1/sessions?matchId=${matchId}`).set(bearer(outsider.token)).expect(404);
    await communication.http.get(`/v1/sessions/${first.body.id}`).set(bearer(mentee.token)).expect(200);
  });
  it('serves a session as a calendar file to its pair only, in the session’s zone, following its state', async () => {
    const { mentor, mentee, matchId, network } = await openPair();
    const year = winter(20).getUTCFullYear();
    const proposed = await communication.http
      .post('/v1/sessions')
      .set(bearer(mentor.token))
      .send({ matchId, startsAt: `${year}-01-20T18:00:00+01:00`, durationMinutes: 90, mode: 'video', timeZone: 'Europe/Paris' })
      .expect(201);
    const id: string = proposed.body.id;
    const download = (token: string, sessionId = id) => communication.http.get(`/v1/sessions/${sessionId}/calendar.ics`).set(bearer(token));
    const unfolded = (text: string) => text.replace(/\r\n[ \t]/g, '');

    const tentative = await download(mentee.token);
    expect(tentative.status).toBe(200);
    expect(tentative.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(tentative.headers['content-disposition']).toBe(`attachment; filename="session-${id}.ics"`);
    expect(tentative.headers['cache-control']).toBe('private, no-store');
    expect(icsLine(unfolded(tentative.text), 'STATUS')).toBe('STATUS:TENTATIVE');

    await communication.http.post(`/v1/sessions/${id}/confirm`).set(bearer(mentee.token)).expect(200);
    const confirmed = unfolded((await download(mentor.token).expect(200)).text);
    expect(icsLine(confirmed, 'METHOD')).toBe('METHOD:PUBLISH');
    expect(icsLine(confirmed, 'UID')).toBe(`UID:${id}@sessions.passerelle`);
    expect(icsLine(confirmed, 'DTSTART')).toBe(`DTSTART;TZID=Europe/Paris:${year}0120T180000`);
    expect(icsLine(confirmed, 'DTEND')).toBe(`DTEND;TZID=Europe/Paris:${year}0120T193000`);
    expect(icsLine(confirmed, 'STATUS')).toBe('STATUS:CONFIRMED');
    expect(icsLine(confirmed, 'URL')).toBe(`URL;VALUE=URI:${proposed.body.meetingUrl}`);
    expect(attendeesOf(confirmed)).toEqual([mentor.email, mentee.email].sort());

    await communication.http.post(`/v1/sessions/${id}/cancel`).set(bearer(mentor.token)).send({ reason: 'Travelling' }).expect(200);
    const cancelled = unfolded((await download(mentee.token).expect(200)).text);
    expect([icsLine(cancelled, 'STATUS'), icsLine(cancelled, 'SEQUENCE')]).toEqual(['STATUS:CANCELLED', 'SEQUENCE:1']);

    // Someone of the same network outside the pair, and the pair of another network, are told the session does not exist.
    const outsider = await memberOf(network);
    const stranger = await openPair();
    for (const token of [outsider.token, stranger.mentor.token]) {
      const refused = await download(token);
      expect({ status: refused.status, details: refused.body.details }).toEqual({ status: 404, details: [{ path: 'id', issue: expect.any(String) }] });
    }
    await download(mentor.token, randomUUID()).expect(404);
    const malformed = await download(mentor.token, 'not-a-session');
    expect({ status: malformed.status, paths: (malformed.body.details as Array<{ path: string }>).map((detail) => detail.path) }).toEqual({ status: 400, paths: ['id'] });
    await communication.http.get(`/v1/sessions/${id}/calendar.ics`).expect(401);
  });

  it("erases a person's mails and the texts of their sessions, keeping the sessions", async () => {
    const { mentor, mentee, matchId } = await openPair();
    const startsAt = winter(20);
    const proposed = await communication.http
      .post('/v1/sessions')
      .set(bearer(mentee.token))
      .send({ matchId, startsAt: startsAt.toISOString(), durationMinutes: 30, mode: 'in_person', location: 'Café de la Gare', agenda: 'My resignation plans', timeZone: 'Europe/Paris' });
    expect(proposed.status).toBe(201);
    expect((await communication.http.post(`/v1/sessions/${proposed.body.id}/confirm`).set(bearer(mentor.token))).status).toBe(200);
    await smtp.waitFor(mentee.email, /session confirmed/i);

    expect((await identity.http.delete('/v1/users/me').set(bearer(mentee.token))).status).toBe(204);
    await expectEventually(async () => {
      const [trace] = await communication.dataSource.query(
        `SELECT (SELECT count(*) FROM mail_deliveries WHERE recipient_id = $1)::int AS mails,
                (SELECT count(*) FROM mail_deliveries WHERE to_address = $2)::int AS addressed,
                (SELECT count(*) FROM sessions WHERE id = $3 AND agenda IS NULL AND location IS NULL)::int AS blanked`,
        [mentee.userId, mentee.email, proposed.body.id],
      );
      expect(trace).toEqual({ mails: 0, addressed: 0, blanked: 1 });
    }, { timeoutMs: 30_000 });
    const [mentorMails] = await communication.dataSource.query('SELECT count(*)::int AS count FROM mail_deliveries WHERE recipient_id = $1', [mentor.userId]);
    expect(mentorMails.count).toBeGreaterThan(0);
  });
});
