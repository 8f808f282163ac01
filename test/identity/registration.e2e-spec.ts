import { fromKafkaMessage, userRegistered, validateEventData } from '@passerelle/contracts';
import { createTestApp, expectEventually, KafkaProbe, SmtpTestServer, type TestApp, tokenInMail } from '@passerelle/testing';
import { verify as verifyArgon2 } from 'argon2';
import { createHash, randomUUID } from 'crypto';
import { identityApp } from '../../apps/identity/src/identity.app';
import { InviteMemberUseCase } from '../../apps/identity/src/registration/application/invite-member.use-case';
import { ExpiredRecordsSweep } from '../../apps/identity/src/registration/infrastructure/expired-records.sweep';
import { createRegistrationNetwork, type RegistrationNetwork } from './registration-networks';

/**
 * Registration, e-mail verification, password reset and invitations over
 * HTTP against the real identity app, its PostgreSQL database, the real
 * Kafka broker and a real SMTP server the test runs (mails are read from it).
 */
describe('identity registration (HTTP + PostgreSQL + Kafka + SMTP)', () => {
  let smtp: SmtpTestServer;
  let probe: KafkaProbe;
  let identity: TestApp;
  const PASSWORD = 'violet tram under 7 bridges';

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    probe = await new KafkaProbe([userRegistered.topic]).start();
    identity = await createTestApp(identityApp, {
      env: {
        SMTP_URL: smtp.url,
        PUBLIC_APP_URL: 'https://mentoring.test',
        MAIL_POLL_INTERVAL_MS: '100',
        MAIL_FIRST_RETRY_SECONDS: '1',
        // Every request of this file comes from 127.0.0.1 (the throttles have their own suite).
        ACCOUNT_THROTTLE_PER_IP: '1000000',
      },
    });
  });

  afterAll(async () => {
    await identity?.close();
    await probe?.stop();
    await smtp?.stop();
  });

  type Network = RegistrationNetwork;
  const createNetwork = (policy: 'open' | 'invitation') => createRegistrationNetwork(identity.dataSource, policy, 'reg');

  function register(network: Network, email: string, extra: Record<string, unknown> = {}) {
    return identity.http
      .post('/v1/auth/register')
      .send({ network: network.slug, email, password: PASSWORD, displayName: 'Camille Durand', ...extra });
  }

  async function usersOf(network: Network): Promise<{ id: string; email: string; status: string; password_hash: string | null; email_verified_at: Date | null; roles: string[] }[]> {
    return identity.dataSource.query(
      'SELECT id, email, status, password_hash, email_verified_at, roles FROM users WHERE network_id = $1 ORDER BY registered_at',
      [network.id],
    );
  }

  async function counts(): Promise<{ users: number; tokens: number; outbox: number }> {
    const [row] = await identity.dataSource.query(
      `SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM one_time_tokens) AS tokens,
              (SELECT count(*)::int FROM outbox) AS outbox`,
    );
    return row;
  }

  function verify(token: string, password = PASSWORD) {
    return identity.http.post('/v1/auth/verify-email').send({ token, password });
  }

  /** The verification registrations of an address waiting for their link. */
  async function registrationsOf(network: Network, email: string): Promise<{ token_hash: string; display_name: string; password_hash: string }[]> {
    return identity.dataSource.query(
      `SELECT token_hash, display_name, password_hash FROM one_time_tokens WHERE purpose = 'verify_email' AND network_id = $1 AND email = $2 ORDER BY created_at`,
      [network.id, email],
    );
  }

  async function registerAndVerify(network: Network, email: string): Promise<string> {
    await register(network, email).expect(202);
    const token = tokenInMail(await smtp.waitFor(email, /^Confirm your e-mail address/));
    await verify(token).expect(204);
    const [user] = await usersOf(network);
    return user.id;
  }

  function detailsOf(body: { details: { path: string; issue: string }[] }): string[] {
    return body.details.map((detail) => detail.path);
  }

  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

  it('registers in an open network for an allowed domain, mails a link, and the link with the password creates the active account', async () => {
    const network = await createNetwork('open');
    const email = `camille@${network.domain}`;

    const response = await register(network, `Camille@${network.domain.toUpperCase()}`).expect(202);
    expect(response.body).toEqual({ message: 'Check your mailbox to continue.' });

    // No account before the address is proven: the registration waits with its link.
    expect(await usersOf(network)).toEqual([]);
    const mail = await smtp.waitFor(email, /^Confirm your e-mail address for University /);
    expect(mail.from).toBe('no-reply@passerelle.local');
    expect(mail.parsed.from?.value).toEqual([{ name: 'Passerelle', address: 'no-reply@passerelle.local' }]);
    expect(mail.links[0]).toMatch(new RegExp(`^https://mentoring\\.test/verify-email\\?network=${network.slug}#token=[A-Za-z0-9_-]{43}$`));
    expect(mail.text).toContain('enter the password you chose when registering');
    const token = tokenInMail(mail);
    expect(mail.html).toContain(token);

    // Only the token's SHA-256 is stored, with the registration it confirms.
    const [registration, ...more] = await registrationsOf(network, email);
    expect(more).toEqual([]);
    expect(registration).toMatchObject({ token_hash: sha256(token), display_name: 'Camille Durand' });
    expect(registration.password_hash).toMatch(/^\$argon2id\$v=19\$/);
    expect(await verifyArgon2(registration.password_hash, PASSWORD)).toBe(true);

    await verify(token).expect(204);
    const [pending, ...others] = await usersOf(network);
    expect(others).toEqual([]);
    expect(pending).toMatchObject({ email, status: 'active', roles: [], password_hash: registration.password_hash });
    expect(pending.email_verified_at).toBeInstanceOf(Date);
    expect(await registrationsOf(network, email)).toEqual([]);

    // The link works once.
    const again = await verify(token).expect(400);
    expect(again.body.details).toEqual([{ path: 'token', issue: 'is invalid, has expired or was already used' }]);

    // user.registered is on the topic, a valid CloudEvent, and carries no token.
    const [record] = await probe.waitFor((candidate) => candidate.key === pending.id);
    const parsed = fromKafkaMessage({ key: Buffer.from(record.key ?? ''), value: Buffer.from(record.value ?? ''), headers: record.headers });
    expect(parsed.ok).toBe(true);
    expect(record.headers).toMatchObject({ ce_type: userRegistered.type, ce_subject: pending.id, ce_networkid: network.id, ce_source: '/passerelle/identity' });
    expect(validateEventData(userRegistered, record.data)).toEqual({ valid: true });
    expect(record.data).toEqual({
      userId: pending.id,
      networkId: network.id,
      email,
      displayName: 'Camille Durand',
      roles: [],
      registeredAt: expect.any(String),
    });
    const wholeRecord = JSON.stringify(record);
    expect(wholeRecord).not.toContain(token);
    expect(wholeRecord).not.toContain(sha256(token));
    expect(wholeRecord).not.toContain(pending.password_hash);
  });

  it('refuses an expired verification link with 400 naming token, and no account is created', async () => {
    const network = await createNetwork('open');
    const email = `late@${network.domain}`;
    await register(network, email).expect(202);
    const token = tokenInMail(await smtp.waitFor(email, /^Confirm/));
    await identity.dataSource.query(
      "UPDATE one_time_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1",
      [sha256(token)],
    );

    const response = await verify(token).expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, details: [{ path: 'token', issue: 'is invalid, has expired or was already used' }] });
    expect(await usersOf(network)).toEqual([]);
  });

  it('deletes expired links, and the registrations they carry, and throttle attempts past every window', async () => {
    const network = await createNetwork('open');
    const [expired, live] = [`expired@${network.domain}`, `live@${network.domain}`];
    for (const email of [expired, live]) await register(network, email).expect(202);
    const token = tokenInMail(await smtp.waitFor(expired, /^Confirm/));
    await smtp.waitFor(live, /^Confirm/);
    await identity.dataSource.query(`UPDATE one_time_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [sha256(token)]);
    const oldAttempt = randomUUID();
    await identity.dataSource.query(
      `INSERT INTO throttle_attempts (id, action, account_key, address, attempted_at) VALUES ($1, 'register', NULL, '192.0.2.1', now() - interval '2 days')`,
      [oldAttempt],
    );

    const swept = await identity.app.get(ExpiredRecordsSweep).sweep();
    expect(swept.tokens).toBeGreaterThanOrEqual(1);
    expect(swept.attempts).toBeGreaterThanOrEqual(1);
    expect(await registrationsOf(network, expired)).toEqual([]);
    expect(await registrationsOf(network, live)).toHaveLength(1);
    expect(await identity.dataSource.query('SELECT id FROM throttle_attempts WHERE id = $1', [oldAttempt])).toEqual([]);
    // Recent attempts stay: they are what the throttles count.
    const [{ recent }] = await identity.dataSource.query(`SELECT count(*)::int AS recent FROM throttle_attempts WHERE action = 'register' AND attempted_at > now() - interval '1 minute'`);
    expect(recent).toBeGreaterThanOrEqual(2);
    const refused = await verify(token).expect(400);
    expect(refused.body.details).toEqual([{ path: 'token', issue: 'is invalid, has expired or was already used' }]);
  });

  it('refuses, with 403 naming email, a domain the open network does not admit, and writes and sends nothing', async () => {
    const network = await createNetwork('open');
    const before = await counts();
    for (const email of ['camille@gmail.example', `camille@mail.${network.domain}`]) {
      const response = await register(network, email).expect(403);
      expect(response.body).toMatchObject({ statusCode: 403, error: 'Forbidden', details: [{ path: 'email', issue: 'has a domain this network does not admit' }] });
      expect(smtp.messagesTo(email)).toEqual([]);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses registration in an invitation-only network without a valid invitation', async () => {
    const network = await createNetwork('invitation');
    const email = `camille@${network.domain}`;
    const before = await counts();

    const without = await register(network, email).expect(403);
    expect(without.body.details).toEqual([{ path: 'invitationToken', issue: 'is required by this network' }]);

    const unknown = await register(network, email, { invitationToken: 'A'.repeat(43) }).expect(400);
    expect(unknown.body.details).toEqual([{ path: 'invitationToken', issue: 'is invalid, has expired or was already used' }]);

    expect(await counts()).toEqual(before);
    expect(smtp.messagesTo(email)).toEqual([]);
  });

  it('registers with an invitation: bound to its address, single use, active at once with the role it grants', async () => {
    const network = await createNetwork('invitation');
    const organizer = { userId: randomUUID(), networkId: network.id, roles: ['organizer'] as const, kind: 'user' as const };
    const invited = 'jules.martin@partner.example';
    // The HTTP endpoint needs an organizer's access token; the use case behind it is the same.
    const invitation = await identity.app.get(InviteMemberUseCase).execute(organizer, { networkId: network.id, email: 'Jules.Martin@Partner.example', role: 'organizer' });
    expect(invitation).toMatchObject({ networkId: network.id, email: invited, role: 'organizer' });

    const mail = await smtp.waitFor(invited, /^You are invited to join University /);
    expect(mail.text).toContain('as organizer');
    const invitationToken = tokenInMail(mail);

    const wrongAddress = await register(network, `someone.else@${network.domain}`, { invitationToken }).expect(400);
    expect(wrongAddress.body.details).toEqual([{ path: 'invitationToken', issue: 'was issued for another e-mail address' }]);

    await register(network, invited, { invitationToken }).expect(202);
    const [user, ...others] = await usersOf(network);
    expect(others).toEqual([]);
    expect(user).toMatchObject({ email: invited, status: 'active', roles: ['organizer'] });
    expect(user.email_verified_at).toBeInstanceOf(Date);
    // No verification mail: the invitation, mailed to this address, proved it.
    expect(smtp.messagesTo(invited, /^Confirm/)).toEqual([]);

    const spent = await register(network, invited, { invitationToken }).expect(400);
    expect(spent.body.details).toEqual([{ path: 'invitationToken', issue: 'is invalid, has expired or was already used' }]);

    const [record] = await probe.waitFor((candidate) => candidate.key === user.id);
    expect(record.data).toMatchObject({ userId: user.id, roles: ['organizer'] });
    expect(JSON.stringify(record)).not.toContain(invitationToken);
  });

  it('does not reveal an existing address: the same 202, an "already registered" mail, no second account', async () => {
    const network = await createNetwork('open');
    const email = `existing@${network.domain}`;
    const userId = await registerAndVerify(network, email);
    const before = await counts();

    const response = await register(network, email.toUpperCase(), { displayName: 'Someone Else', password: 'another long passphrase 42' }).expect(202);
    expect(response.body).toEqual({ message: 'Check your mailbox to continue.' });

    const mail = await smtp.waitFor(email, /^You already have an account on University /);
    expect(mail.text).toContain('No second account was created');
    expect(mail.links).toEqual([`https://mentoring.test/reset-password?network=${network.slug}`]);
    const users = await usersOf(network);
    expect(users.map((user) => [user.id, user.status])).toEqual([[userId, 'active']]);
    expect(await verifyArgon2(users[0].password_hash ?? '', PASSWORD)).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('mails a fresh link to an address that registers again before verifying; only the latest link works', async () => {
    const network = await createNetwork('open');
    const email = `twice@${network.domain}`;
    await register(network, email).expect(202);
    const first = tokenInMail(await smtp.waitFor(email, /^Confirm/));
    await register(network, email).expect(202);
    const second = tokenInMail(await smtp.waitFor(email, /^Confirm/, { count: 2 }));
    expect(second).not.toBe(first);
    expect((await registrationsOf(network, email)).map((row) => row.token_hash)).toEqual([sha256(second)]);

    await verify(first).expect(400);
    await verify(second).expect(204);
    expect((await usersOf(network)).map((user) => user.status)).toEqual(['active']);
  });

  describe('nobody takes over an address by registering it first', () => {
    const VICTIM = 'the owner of this address 2026';
    const ATTACKER = 'an attacker chose this one 99';
    const registerAs = (network: Network, email: string, password: string, displayName: string) =>
      register(network, email, { password, displayName }).expect(202);

    async function expectOwnerOnly(network: Network, email: string): Promise<void> {
      await login(network, email, ATTACKER).expect(401);
      const session = await login(network, email, VICTIM).expect(200);
      const me = await identity.http.get('/v1/users/me').set('authorization', `Bearer ${session.body.accessToken}`).expect(200);
      expect(me.body).toMatchObject({ email, displayName: 'Victor Owner' });
      const users = await usersOf(network);
      expect(users.map((user) => [user.email, user.status])).toEqual([[email, 'active']]);
      expect(await verifyArgon2(users[0].password_hash ?? '', VICTIM)).toBe(true);
      expect(await registrationsOf(network, email)).toEqual([]);
    }

    it('attacker first, then the owner: the owner\'s link activates the owner\'s password; the stranger\'s link and password never work', async () => {
      const network = await createNetwork('open');
      const email = `victor@${network.domain}`;
      await registerAs(network, email, ATTACKER, 'Mallory');
      // The link goes to the address: the owner may follow it, but cannot activate a password they did not choose.
      const attackersLink = tokenInMail(await smtp.waitFor(email, /^Confirm/));
      const wrong = await verify(attackersLink, VICTIM).expect(400);
      expect(wrong.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'The password is not the one chosen when registering with this link. Register again to receive a new link.',
        details: [
          { path: 'password', issue: 'does not match the password chosen when registering with this link; register again to receive a new link' },
        ],
      });
      // The link is not spent by a wrong password, and no account exists.
      expect((await registrationsOf(network, email)).map((row) => row.token_hash)).toEqual([sha256(attackersLink)]);
      expect(await usersOf(network)).toEqual([]);

      await registerAs(network, email, VICTIM, 'Victor Owner');
      const ownersLink = tokenInMail(await smtp.waitFor(email, /^Confirm/, { count: 2 }));
      // The owner's registration withdrew the stranger's link, whoever follows it.
      const stale = await verify(attackersLink, ATTACKER).expect(400);
      expect(stale.body.details).toEqual([{ path: 'token', issue: 'is invalid, has expired or was already used' }]);
      await verify(ownersLink, VICTIM).expect(204);

      await expectOwnerOnly(network, email);
      await verify(ownersLink, VICTIM).expect(400);
    });

    it('owner first, then the attacker: the stranger\'s registration only withdraws links; the owner registers again and keeps their password', async () => {
      const network = await createNetwork('open');
      const email = `victor@${network.domain}`;
      await registerAs(network, email, VICTIM, 'Victor Owner');
      const ownersFirstLink = tokenInMail(await smtp.waitFor(email, /^Confirm/));
      await registerAs(network, email, ATTACKER, 'Mallory');
      const attackersLink = tokenInMail(await smtp.waitFor(email, /^Confirm/, { count: 2 }));

      // The newest link is the stranger's registration: the owner's password does not activate it.
      const wrong = await verify(attackersLink, VICTIM).expect(400);
      expect(wrong.body.details.map((detail: { path: string }) => detail.path)).toEqual(['password']);
      const stale = await verify(ownersFirstLink, VICTIM).expect(400);
      expect(stale.body.details).toEqual([{ path: 'token', issue: 'is invalid, has expired or was already used' }]);
      expect(await usersOf(network)).toEqual([]);
      await login(network, email, ATTACKER).expect(401);

      await registerAs(network, email, VICTIM, 'Victor Owner');
      const ownersLink = tokenInMail(await smtp.waitFor(email, /^Confirm/, { count: 3 }));
      await verify(attackersLink, ATTACKER).expect(400);
      await verify(ownersLink, VICTIM).expect(204);

      await expectOwnerOnly(network, email);
    });

    it('an invitation proves the address too, and withdraws the links of registrations still waiting', async () => {
      const network = await createNetwork('open');
      const email = `victor@${network.domain}`;
      await registerAs(network, email, ATTACKER, 'Mallory');
      const attackersLink = tokenInMail(await smtp.waitFor(email, /^Confirm/));
      const organizer = { userId: randomUUID(), networkId: network.id, roles: ['organizer'] as const, kind: 'user' as const };
      await identity.app.get(InviteMemberUseCase).execute(organizer, { networkId: network.id, email });
      const invitationToken = tokenInMail(await smtp.waitFor(email, /^You are invited/));

      await register(network, email, { invitationToken, password: VICTIM, displayName: 'Victor Owner' }).expect(202);
      await verify(attackersLink, ATTACKER).expect(400);
      await expectOwnerOnly(network, email);
    });
  });

  it('resets a password by mail: new hash, a weak password refused without spending the link, the link single-use', async () => {
    const network = await createNetwork('open');
    const email = `forgetful@${network.domain}`;
    const userId = await registerAndVerify(network, email);
    const [{ password_hash: oldHash }] = await usersOf(network);

    const stranger = `nobody@${network.domain}`;
    const unknownAnswer = await identity.http.post('/v1/auth/password-reset').send({ network: network.slug, email: stranger }).expect(202);
    const knownAnswer = await identity.http.post('/v1/auth/password-reset').send({ network: network.slug, email: email.toUpperCase() }).expect(202);
    expect(unknownAnswer.body).toEqual(knownAnswer.body);
    const unknownNetwork = await identity.http.post('/v1/auth/password-reset').send({ network: 'no-such-network', email }).expect(202);
    expect(unknownNetwork.body).toEqual(knownAnswer.body);

    const mail = await smtp.waitFor(email, /^Reset your password for University /);
    // Nothing was queued for the unknown address, so nothing will ever leave for it.
    expect(smtp.messagesTo(stranger)).toEqual([]);
    expect(await identity.dataSource.query('SELECT id FROM account_mails WHERE to_address = $1', [stranger])).toEqual([]);
    expect(smtp.messagesTo(email, /^Reset/)).toHaveLength(1);
    const token = tokenInMail(mail);

    const weak = await identity.http.post('/v1/auth/password-reset/confirm').send({ token, newPassword: `${email}!` }).expect(400);
    expect(weak.body.details).toEqual([{ path: 'newPassword', issue: 'must not contain your e-mail address' }]);

    const newPassword = 'a brand new passphrase 2026';
    await identity.http.post('/v1/auth/password-reset/confirm').send({ token, newPassword }).expect(204);
    const [user] = await usersOf(network);
    expect(user.id).toBe(userId);
    expect(user.password_hash).not.toBe(oldHash);
    expect(await verifyArgon2(user.password_hash ?? '', newPassword)).toBe(true);
    expect(await verifyArgon2(user.password_hash ?? '', PASSWORD)).toBe(false);

    const reused = await identity.http.post('/v1/auth/password-reset/confirm').send({ token, newPassword: 'yet another passphrase 77' }).expect(400);
    expect(reused.body.details).toEqual([{ path: 'token', issue: 'is invalid, has expired or was already used' }]);
    expect((await usersOf(network))[0].password_hash).toBe(user.password_hash);
  });

  it('answers 202 while the SMTP server refuses the mail, which is retried and arrives once the server accepts it', async () => {
    const network = await createNetwork('open');
    const email = `unlucky@${network.domain}`;
    smtp.rejectRecipients(email);
    try {
      const response = await register(network, email).expect(202);
      expect(response.body).toEqual({ message: 'Check your mailbox to continue.' });
      // Refused at least twice (1 s, then 2 s of back-off), kept in the queue with the reason, never the address.
      await expectEventually(
        async () => {
          const [queued] = await identity.dataSource.query('SELECT status, attempts, last_error, text_body, html_body FROM account_mails WHERE to_address = $1', [email]);
          expect(queued).toMatchObject({ status: 'pending', attempts: expect.any(Number), last_error: expect.stringContaining('response=550') });
          expect(queued.attempts).toBeGreaterThanOrEqual(2);
          expect(queued.last_error).not.toContain(email);
          // The body, and the link in it, are sealed while they wait.
          for (const body of [queued.text_body, queued.html_body]) {
            expect(body).toMatch(/^v1\./);
            expect(body).not.toContain('mentoring.test');
          }
        },
        { timeoutMs: 15_000 },
      );
      expect(smtp.messagesTo(email)).toEqual([]);
    } finally {
      smtp.acceptAgain();
    }
    const token = tokenInMail(await smtp.waitFor(email, /^Confirm/, { timeoutMs: 30_000 }));
    expect(smtp.messagesTo(email)).toHaveLength(1);
    // Handed over: the row, which held the link, is gone.
    await expectEventually(async () => expect(await identity.dataSource.query('SELECT id FROM account_mails WHERE to_address = $1', [email])).toEqual([]));
    await verify(token).expect(204);
    expect(await usersOf(network)).toHaveLength(1);

    const metrics = await identity.http.get('/metrics').expect(200);
    expect(metrics.text).toMatch(/mail_sent_total\{[^}]*template="verify_email"[^}]*outcome="failed"[^}]*\} [1-9]/);
    expect(metrics.text).toMatch(/mail_sent_total\{[^}]*template="verify_email"[^}]*outcome="sent"[^}]*\} [1-9]/);
  });

  function login(network: Network, email: string, password: string) {
    return identity.http.post('/v1/auth/login').send({ network: network.slug, email, password });
  }

  /** An organizer of the network, invited (as a platform admin would) and registered through the API, with an access token. */
  async function organizerOf(network: Network): Promise<{ userId: string; accessToken: string }> {
    const email = `organizer.${randomUUID().slice(0, 8)}@staff.example`;
    const admin = { userId: randomUUID(), networkId: randomUUID(), roles: ['platform_admin'] as const, kind: 'user' as const };
    await identity.app.get(InviteMemberUseCase).execute(admin, { networkId: network.id, email, role: 'organizer' });
    const invitationToken = tokenInMail(await smtp.waitFor(email, /^You are invited/));
    await register(network, email, { invitationToken, displayName: 'Olivia Organizer' }).expect(202);
    const session = await login(network, email, PASSWORD).expect(200);
    const [{ id }] = await identity.dataSource.query('SELECT id FROM users WHERE network_id = $1 AND email = $2', [network.id, email]);
    return { userId: id, accessToken: session.body.accessToken };
  }

  it('lets a verified account log in, and not before verification', async () => {
    const network = await createNetwork('open');
    const email = `newcomer@${network.domain}`;
    await register(network, email).expect(202);
    await login(network, email, PASSWORD).expect(401);
    await verify(tokenInMail(await smtp.waitFor(email, /^Confirm/))).expect(204);
    const session = await login(network, email, PASSWORD).expect(200);
    expect(session.body.accessToken).toEqual(expect.any(String));
  });

  it('changes the signed-in person\'s password, checking the current one and the policy', async () => {
    const network = await createNetwork('open');
    const email = `changer@${network.domain}`;
    await registerAndVerify(network, email);
    const { accessToken, refreshToken } = (await login(network, email, PASSWORD).expect(200)).body;
    const change = (body: Record<string, unknown>, token: string | null = accessToken) => {
      const call = identity.http.post('/v1/users/me/password');
      return (token ? call.set('authorization', `Bearer ${token}`) : call).send(body);
    };
    const newPassword = 'copper kettle on the 9th floor';
    let sessionToken = refreshToken;

    await change({ currentPassword: PASSWORD, newPassword }, null).expect(401);
    const wrong = await change({ currentPassword: 'not my password at all', newPassword }).expect(400);
    expect(wrong.body.details).toEqual([{ path: 'currentPassword', issue: 'is not your current password' }]);
    const weak = await change({ currentPassword: PASSWORD, newPassword: 'changer-password' }).expect(400);
    expect(weak.body.details).toEqual([{ path: 'newPassword', issue: 'must not contain your e-mail address' }]);
    const same = await change({ currentPassword: PASSWORD, newPassword: PASSWORD }).expect(400);
    expect(same.body.details).toEqual([{ path: 'newPassword', issue: 'must differ from the current password' }]);
    const invalid = await change({ newPassword: 42, extra: true }).expect(400);
    expect([...new Set(detailsOf(invalid.body))].sort()).toEqual(['currentPassword', 'extra', 'newPassword']);
    expect(await verifyArgon2((await usersOf(network))[0].password_hash ?? '', PASSWORD)).toBe(true);

    await identity.http.post('/v1/auth/refresh').send({ refreshToken }).expect(200).then((response) => {
      // A rotated token of the same session: it must die with the password change too.
      sessionToken = response.body.refreshToken;
    });
    await change({ currentPassword: PASSWORD, newPassword }).expect(204);
    expect(await verifyArgon2((await usersOf(network))[0].password_hash ?? '', newPassword)).toBe(true);
    // Sessions opened with the old password end with it.
    await identity.http.post('/v1/auth/refresh').send({ refreshToken: sessionToken }).expect(401);
    await login(network, email, newPassword).expect(200);
  });

  it('lets an organizer invite into their own network only: another network is a 404, a member is refused', async () => {
    const network = await createNetwork('invitation');
    const other = await createNetwork('invitation');
    const organizer = await organizerOf(network);
    const invite = (networkId: string, body: Record<string, unknown>, token: string | null = organizer.accessToken) => {
      const call = identity.http.post(`/v1/networks/${networkId}/invitations`);
      return (token ? call.set('authorization', `Bearer ${token}`) : call).send(body);
    };
    const invited = `mentor.${randomUUID().slice(0, 8)}@alumni.example`;

    const created = await invite(network.id, { email: invited }).expect(201);
    expect(created.body).toEqual({ networkId: network.id, email: invited, role: null, expiresAt: expect.any(String) });
    expect(new Date(created.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 167 * 3_600_000);
    const mail = await smtp.waitFor(invited, /^You are invited to join University /);
    const [row] = await identity.dataSource.query(
      "SELECT network_id, email, role, created_by, token_hash FROM one_time_tokens WHERE purpose = 'invitation' AND email = $1",
      [invited],
    );
    expect(row).toEqual({ network_id: network.id, email: invited, role: null, created_by: organizer.userId, token_hash: sha256(tokenInMail(mail)) });

    const before = await counts();
    const otherTenant = await invite(other.id, { email: `x@${other.domain}` }).expect(404);
    expect(otherTenant.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    const unknown = await invite(randomUUID(), { email: `x@${other.domain}` }).expect(404);
    expect(unknown.body).toEqual(otherTenant.body);
    await invite(network.id, { email: invited }, null).expect(401);
    const bad = await invite(network.id, { email: 'nope', role: 'mentor', extra: 1 }).expect(400);
    expect([...new Set(detailsOf(bad.body))].sort()).toEqual(['email', 'extra', 'role']);
    const badId = await invite('not-a-uuid', { email: invited }).expect(400);
    expect(detailsOf(badId.body)).toEqual(['networkId']);
    const existing = await invite(network.id, { email: (await usersOf(network))[0].email }).expect(409);
    expect(existing.body.details).toEqual([{ path: 'email', issue: 'already has an account in this network' }]);
    expect((await counts()).users).toBe(before.users);

    // The invited mentor registers; as a plain member, they may not invite.
    await register(network, invited, { invitationToken: tokenInMail(mail) }).expect(202);
    const mentorSession = (await login(network, invited, PASSWORD).expect(200)).body;
    const refused = await invite(network.id, { email: `y@${network.domain}` }, mentorSession.accessToken).expect(403);
    expect(refused.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
  });

  describe('bad input: 400 naming each field, unknown fields rejected, nothing written or sent', () => {
    let network: Network;
    beforeAll(async () => {
      network = await createNetwork('open');
    });

    const cases: [string, string, () => Record<string, unknown>, string[]][] = [
      ['register, empty body', '/v1/auth/register', () => ({}), ['network', 'email', 'password', 'displayName']],
      [
        'register, wrong types and formats',
        '/v1/auth/register',
        () => ({ network: 'Not A Slug', email: 'not-an-email', password: 42, displayName: '', invitationToken: 'short' }),
        ['network', 'email', 'password', 'displayName', 'invitationToken'],
      ],
      [
        'register, unknown field',
        '/v1/auth/register',
        () => ({ network: network.slug, email: `x@${network.domain}`, password: PASSWORD, displayName: 'X', status: 'active' }),
        ['status'],
      ],
      ['register, password too short', '/v1/auth/register', () => ({ network: network.slug, email: `x@${network.domain}`, password: 'short', displayName: 'X' }), ['password']],
      ['register, password is the e-mail', '/v1/auth/register', () => ({ network: network.slug, email: `camille.durand@${network.domain}`, password: `camille.durand@${network.domain}`, displayName: 'X' }), ['password']],
      ['verify-email, empty body', '/v1/auth/verify-email', () => ({}), ['token', 'password']],
      [
        'verify-email, malformed token, empty password and unknown field',
        '/v1/auth/verify-email',
        () => ({ token: 'not a token', password: '', userId: randomUUID() }),
        ['token', 'password', 'userId'],
      ],
      ['verify-email, password not a string', '/v1/auth/verify-email', () => ({ token: 'A'.repeat(43), password: 42 }), ['password']],
      ['password-reset, empty body', '/v1/auth/password-reset', () => ({}), ['network', 'email']],
      ['password-reset, unknown field', '/v1/auth/password-reset', () => ({ network: network.slug, email: `x@${network.domain}`, newPassword: PASSWORD }), ['newPassword']],
      ['password-reset/confirm, empty body', '/v1/auth/password-reset/confirm', () => ({}), ['token', 'newPassword']],
      ['password-reset/confirm, weak password', '/v1/auth/password-reset/confirm', () => ({ token: 'A'.repeat(43), newPassword: 'aaaaaaaaaaaaaaaa' }), ['newPassword']],
    ];

    it.each(cases)('%s', async (_name, path, body, fields) => {
      const before = await counts();
      const messages = smtp.messages.length;
      const response = await identity.http.post(path).send(body()).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
      expect([...new Set(detailsOf(response.body))].sort()).toEqual([...fields].sort());
      expect(await counts()).toEqual(before);
      expect(smtp.messages.length).toBe(messages);
    });

    it('names unknown fields as not accepted', async () => {
      const response = await identity.http
        .post('/v1/auth/register')
        .send({ network: network.slug, email: `x@${network.domain}`, password: PASSWORD, displayName: 'X', status: 'active', roles: ['organizer'] })
        .expect(400);
      expect(response.body.details).toEqual([
        { path: 'status', issue: 'is not an accepted field' },
        { path: 'roles', issue: 'is not an accepted field' },
      ]);
      expect(await usersOf(network)).toEqual([]);
    });

    it('rejects a body that is not JSON, naming the body', async () => {
      const response = await identity.http.post('/v1/auth/register').set('content-type', 'application/json').send('{"network":').expect(400);
      expect(response.body.details).toEqual([{ path: 'body', issue: 'is not valid JSON' }]);
    });
  });
});
