import { createEnvelope, type EventDefinition, matchProposed, matchRequestExpiring, toKafkaMessage } from '@passerelle/contracts';
import {
  adminToken,
  createTestApp,
  createTestMember,
  createTestNetwork,
  expectEventually,
  loginAs,
  RawProducer,
  type ReceivedMail,
  SmtpTestServer,
  type TestApp,
} from '@passerelle/testing';
import { randomUUID } from 'crypto';
import { communicationApp } from '../../apps/communication/src/communication.app';
import { identityApp } from '../../apps/identity/src/identity.app';

/**
 * Notifications (issue 6, item 7): matching's events become in-app
 * notifications and mails in the recipient's language; preferences and the
 * one-click unsubscribe of a real mail's List-Unsubscribe link turn optional
 * mail off, in-app notifications stay; nobody reads another's notifications.
 */
describe('communication: notifications', () => {
  let identity: TestApp;
  let communication: TestApp;
  let smtp: SmtpTestServer;
  let producer: RawProducer;

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    producer = new RawProducer();
    identity = await createTestApp(identityApp);
    communication = await createTestApp(communicationApp, {
      env: {
        AUTH_JWKS_URL: `${identity.url}/.well-known/jwks.json`,
        SMTP_URL: smtp.url,
        MAIL_POLL_INTERVAL_MS: '100',
        PUBLIC_API_URL: 'https://api.passerelle.test/',
        PUBLIC_APP_URL: 'https://app.passerelle.test/',
      },
    });
  });

  afterAll(async () => {
    await producer?.stop();
    await communication?.close();
    await identity?.close();
    await smtp?.stop();
  });

  const publish = <T>(definition: EventDefinition<T>, data: T) => producer.send(definition.topic, [toKafkaMessage(createEnvelope(definition, data))]);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  async function pairOfMembers() {
    const network = await createTestNetwork(identity.http, await adminToken(identity.http));
    const members = await Promise.all([0, 1].map(() => createTestMember(identity.http, identity.dataSource, network, { roles: [] })));
    const [mentor, mentee] = await Promise.all(
      members.map(async (member) => ({ userId: member.userId, email: member.email.toLowerCase(), token: (await loginAs(identity.http, member)).accessToken })),
    );
    await expectEventually(async () =>
      expect(await communication.dataSource.query(`SELECT 1 FROM directory_entries WHERE user_id = ANY($1::uuid[]) AND email IS NOT NULL`, [[mentor.userId, mentee.userId]])).toHaveLength(2),
    );
    return { network, mentor, mentee };
  }

  const pathOf = (url: string) => url.replace('https://api.passerelle.test', '');
  const unsubscribeLink = (mail: ReceivedMail) => mail.parsed.headerLines.find((line) => line.key === 'list-unsubscribe')?.line.match(/<([^>]+)>/)?.[1] ?? '';

  it('notifies both sides of a proposal in-app and by mail; each reads and marks only their own', async () => {
    const { network, mentor, mentee } = await pairOfMembers();
    const matchId = randomUUID();
    const programId = randomUUID();
    await publish(matchProposed, { ...matchProposed.example, matchId, networkId: network.id, programId, mentorId: mentor.userId, menteeId: mentee.userId });

    const mentorMail = await smtp.waitFor(mentor.email, /^A match is proposed to you: your mentoring programme$/);
    expect(mentorMail.text).toContain('A mentee is proposed to you.');
    expect(unsubscribeLink(mentorMail)).toMatch(/^https:\/\/api\.passerelle\.test\/v1\/notifications\/unsubscribe\?token=[\w-]{43}&category=match_updates$/);
    await smtp.waitFor(mentee.email, /^A match is proposed to you/);

    const page = await communication.http.get('/v1/notifications').set(bearer(mentor.token));
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ nextCursor: null, unreadCount: 1 });
    expect(page.body.items).toEqual([
      {
        id: expect.any(String),
        template: 'match_proposed',
        title: 'A match is proposed to you: your mentoring programme',
        body: expect.stringContaining('A mentee is proposed to you.'),
        about: { matchId, programId },
        createdAt: expect.any(String),
        readAt: null,
      },
    ]);
    const menteePage = await communication.http.get('/v1/notifications?limit=5&unreadOnly=true').set(bearer(mentee.token));
    const menteeNotification: string = menteePage.body.items[0].id;

    // Someone else's notification is not there for you.
    const foreign = await communication.http.post(`/v1/notifications/${menteeNotification}/read`).set(bearer(mentor.token));
    expect(foreign.status).toBe(404);
    const read = await communication.http.post(`/v1/notifications/${menteeNotification}/read`).set(bearer(mentee.token));
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    expect((await communication.http.get('/v1/notifications?unreadOnly=true').set(bearer(mentee.token))).body).toMatchObject({ items: [], unreadCount: 0 });
    expect((await communication.http.post('/v1/notifications/read-all').set(bearer(mentor.token))).body).toEqual({ marked: 1 });
    expect((await communication.http.post('/v1/notifications/read-all').set(bearer(mentor.token))).body).toEqual({ marked: 0 });

    for (const [query, path] of [
      ['limit=0', 'limit'],
      ['cursor=yesterday', 'cursor'],
      ['unreadOnly=maybe', 'unreadOnly'],
    ]) {
      const bad = await communication.http.get(`/v1/notifications?${query}`).set(bearer(mentor.token));
      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual([expect.objectContaining({ path })]);
    }
    expect((await communication.http.post('/v1/notifications/not-an-id/read').set(bearer(mentor.token))).body.details).toEqual([{ path: 'id', issue: 'must be a UUID' }]);
    expect((await communication.http.get('/v1/notifications')).status).toBe(401);
  });

  it('writes in the chosen language, and one click on a mail’s unsubscribe link stops that kind of mail but not the in-app notice', async () => {
    const { network, mentor, mentee } = await pairOfMembers();
    const defaults = await communication.http.get('/v1/notifications/preferences').set(bearer(mentor.token));
    expect(defaults.body).toEqual({ language: null, effectiveLanguage: 'en', email: { reminders: true, match_updates: true, organizer_alerts: true } });

    const badLanguage = await communication.http.put('/v1/notifications/preferences').set(bearer(mentor.token)).send({ language: 'de' });
    expect(badLanguage.status).toBe(400);
    expect(badLanguage.body.details).toEqual([{ path: 'language', issue: 'must be one of fr, en, or null' }]);
    const badSwitch = await communication.http.put('/v1/notifications/preferences').set(bearer(mentor.token)).send({ email: { reminders: 'no' } });
    expect(badSwitch.status).toBe(400);
    expect(badSwitch.body.details).toEqual([{ path: 'email.reminders', issue: 'must be true or false' }]);
    const french = await communication.http.put('/v1/notifications/preferences').set(bearer(mentor.token)).send({ language: 'fr' });
    expect(french.body).toEqual({ language: 'fr', effectiveLanguage: 'fr', email: { reminders: true, match_updates: true, organizer_alerts: true } });
    // The other participant's settings are theirs alone.
    expect((await communication.http.get('/v1/notifications/preferences').set(bearer(mentee.token))).body.language).toBeNull();

    const request = { matchId: randomUUID(), networkId: network.id, programId: randomUUID(), mentorId: mentor.userId, menteeId: mentee.userId };
    await publish(matchRequestExpiring, { ...request, respondBy: new Date(Date.now() + 86_400_000).toISOString(), remindedAt: new Date().toISOString() });
    const mail = await smtp.waitFor(mentor.email, /^Une demande de mentorat attend votre réponse/);
    expect(mail.text).toMatch(/^Bonjour Test member,\n/);
    // The mail's text opens the web app's page (the token in the fragment); the header's link is the API's one-click.
    const token = new URL(unsubscribeLink(mail)).searchParams.get('token');
    expect(mail.text).toContain(`Ne plus recevoir ce type de message (propositions de binôme) : https://app.passerelle.test/unsubscribe?category=match_updates#token=${token}\n`);
    expect(smtp.messagesTo(mentee.email)).toHaveLength(0);

    const link = pathOf(unsubscribeLink(mail));
    const page = await communication.http.get(link);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<form method="post"');
    // A GET (a link scanner, a preview) changes nothing; the one-click POST does.
    expect((await communication.http.get('/v1/notifications/preferences').set(bearer(mentor.token))).body.email.match_updates).toBe(true);
    const clicked = await communication.http.post(link).type('form').send('List-Unsubscribe=One-Click');
    expect(clicked.status).toBe(200);
    expect(clicked.body).toEqual({ category: 'match_updates', email: false });
    expect((await communication.http.get('/v1/notifications/preferences').set(bearer(mentor.token))).body.email).toEqual({
      reminders: true,
      match_updates: false,
      organizer_alerts: true,
    });

    await publish(matchRequestExpiring, { ...request, matchId: randomUUID(), respondBy: new Date(Date.now() + 86_400_000).toISOString(), remindedAt: new Date().toISOString() });
    await expectEventually(async () => expect((await communication.http.get('/v1/notifications').set(bearer(mentor.token))).body.items).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.messagesTo(mentor.email)).toHaveLength(1);
    const rows: Array<{ status: string; template: string }> = await communication.dataSource.query('SELECT status, template FROM mail_deliveries WHERE recipient_id = $1', [mentor.userId]);
    expect(rows).toEqual([{ status: 'sent', template: 'match_request_expiring' }]);

    // Turned back on in the settings, it is mailed again.
    await communication.http.put('/v1/notifications/preferences').set(bearer(mentor.token)).send({ email: { match_updates: true } });
    await publish(matchRequestExpiring, { ...request, matchId: randomUUID(), respondBy: new Date(Date.now() + 86_400_000).toISOString(), remindedAt: new Date().toISOString() });
    await smtp.waitFor(mentor.email, /^Une demande de mentorat/, { count: 2 });

    const malformed = await communication.http.post('/v1/notifications/unsubscribe?token=short&category=everything');
    expect(malformed.status).toBe(400);
    expect(malformed.body.details.map((detail: { path: string }) => detail.path).sort()).toEqual(['category', 'token']);
    const unknown = await communication.http.post(`/v1/notifications/unsubscribe?token=${'A'.repeat(43)}&category=reminders`);
    expect(unknown.status).toBe(404);
  });
});
