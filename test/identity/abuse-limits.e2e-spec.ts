import { createTestApp, expectEventually, SmtpTestServer, TcpProxy, type TestApp, tokenInMail } from '@passerelle/testing';
import { randomBytes, randomUUID } from 'crypto';
import type { Response } from 'supertest';
import { identityApp } from '../../apps/identity/src/identity.app';
import { InviteMemberUseCase } from '../../apps/identity/src/registration/application/invite-member.use-case';
import { createRegistrationNetwork, type RegistrationNetwork } from './registration-networks';

/**
 * The throttles of the account routes (registration, e-mail verification,
 * password reset and its confirmation, password change), per address and
 * per client IP, with small limits set through the environment; and the
 * answers of registration and reset, identical and as fast for known and
 * unknown addresses, with no SMTP while the request waits. Real identity
 * app, PostgreSQL, Kafka, and a real SMTP server behind a TCP hop the test
 * can stall.
 */
describe('identity: abuse limits on the account routes (HTTP + PostgreSQL + SMTP)', () => {
  const PER_ADDRESS = 2;
  const PER_IP = 3;
  const PASSWORD = 'violet tram under 7 bridges';
  let smtp: SmtpTestServer;
  let smtpPath: TcpProxy;
  let identity: TestApp;

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    smtpPath = await new TcpProxy('127.0.0.1', smtp.port).start();
    identity = await createTestApp(identityApp, {
      env: {
        SMTP_URL: `smtp://127.0.0.1:${smtpPath.port}`,
        PUBLIC_APP_URL: 'https://mentoring.test',
        MAIL_POLL_INTERVAL_MS: '100',
        MAIL_FIRST_RETRY_SECONDS: '1',
        ACCOUNT_THROTTLE_PER_ADDRESS: String(PER_ADDRESS),
        ACCOUNT_THROTTLE_PER_IP: String(PER_IP),
        // One trusted proxy hop, so each test speaks from client addresses of its own (X-Forwarded-For).
        HTTP_TRUST_PROXY_HOPS: '1',
      },
    });
  });

  afterAll(async () => {
    await identity?.close();
    await smtpPath?.stop();
    await smtp?.stop();
  });

  type Network = RegistrationNetwork;
  const createNetwork = () => createRegistrationNetwork(identity.dataSource, 'open', 'abuse');

  /** A client address no other test (or earlier run within the window) uses: IPv6 documentation range, 64 random bits. */
  const clientIp = () => `2001:db8:${randomBytes(8).toString('hex').match(/.{4}/g)!.join(':')}`;

  const post = (path: string, body: Record<string, unknown>, from: string, token?: string) => {
    const call = identity.http.post(path).set('x-forwarded-for', from);
    return (token ? call.set('authorization', `Bearer ${token}`) : call).send(body);
  };
  const register = (network: Network, email: string, from: string, extra: Record<string, unknown> = {}) =>
    post('/v1/auth/register', { network: network.slug, email, password: PASSWORD, displayName: 'Camille Durand', ...extra }, from);
  const requestReset = (network: Network, email: string, from: string) => post('/v1/auth/password-reset', { network: network.slug, email }, from);

  function expectThrottled(response: Response): void {
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(response.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Too many attempts; retry later.',
      details: [{ path: 'request', issue: `retry after ${retryAfter} s` }],
    });
  }

  /** An active member of the network, through an invitation (no throttle of the tested routes spent), logged in. */
  async function memberOf(network: Network): Promise<{ email: string; accessToken: string }> {
    const email = `member.${randomUUID().slice(0, 8)}@${network.domain}`;
    const organizer = { userId: randomUUID(), networkId: network.id, roles: ['organizer'] as const, kind: 'user' as const };
    await identity.app.get(InviteMemberUseCase).execute(organizer, { networkId: network.id, email });
    const invitationToken = tokenInMail(await smtp.waitFor(email, /^You are invited/));
    await register(network, email, clientIp(), { invitationToken }).expect(202);
    const session = await identity.http.post('/v1/auth/login').set('x-forwarded-for', clientIp()).send({ network: network.slug, email, password: PASSWORD }).expect(200);
    return { email, accessToken: session.body.accessToken };
  }

  /** Every mail to `email` once none is left in the queue (a row goes once its mail is handed over). */
  async function mailsEventuallySentTo(email: string): Promise<number> {
    await expectEventually(async () => {
      const [{ count }] = await identity.dataSource.query('SELECT count(*)::int AS count FROM account_mails WHERE to_address = $1', [email]);
      expect(count).toBe(0);
    });
    return smtp.messagesTo(email).length;
  }

  describe('register', () => {
    it('per address: the third registration of one address within the window is refused, from any client address, and mails nothing', async () => {
      const network = await createNetwork();
      const email = `bombed@${network.domain}`;
      for (let i = 0; i < PER_ADDRESS; i++) await register(network, email, clientIp()).expect(202);
      await smtp.waitFor(email, /^Confirm/, { count: PER_ADDRESS });
      expectThrottled(await register(network, email, clientIp()));
      expect(await mailsEventuallySentTo(email)).toBe(PER_ADDRESS);
      // Another address is not held back.
      await register(network, `other@${network.domain}`, clientIp()).expect(202);
    });

    it('per client IP: the fourth registration from one client address is refused, whatever the address', async () => {
      const network = await createNetwork();
      const from = clientIp();
      for (let i = 0; i < PER_IP; i++) await register(network, `person${i}@${network.domain}`, from).expect(202);
      expectThrottled(await register(network, `person${PER_IP}@${network.domain}`, from));
      await register(network, `person${PER_IP}@${network.domain}`, clientIp()).expect(202);
    });
  });

  describe('verify-email', () => {
    it('per address: wrong passwords count; after the limit even the right one waits', async () => {
      const network = await createNetwork();
      const email = `guessed@${network.domain}`;
      await register(network, email, clientIp()).expect(202);
      const token = tokenInMail(await smtp.waitFor(email, /^Confirm/));
      for (let i = 0; i < PER_ADDRESS; i++) {
        const wrong = await post('/v1/auth/verify-email', { token, password: `not the password ${i} at all` }, clientIp()).expect(400);
        expect(wrong.body.details.map((detail: { path: string }) => detail.path)).toEqual(['password']);
      }
      expectThrottled(await post('/v1/auth/verify-email', { token, password: PASSWORD }, clientIp()));
      expect(await identity.dataSource.query('SELECT id FROM users WHERE network_id = $1', [network.id])).toEqual([]);
    });

    it('per client IP: unknown links count', async () => {
      const from = clientIp();
      for (let i = 0; i < PER_IP; i++) {
        await post('/v1/auth/verify-email', { token: randomBytes(32).toString('base64url'), password: PASSWORD }, from).expect(400);
      }
      expectThrottled(await post('/v1/auth/verify-email', { token: randomBytes(32).toString('base64url'), password: PASSWORD }, from));
    });

    it('a successful verification does not count', async () => {
      const network = await createNetwork();
      const from = clientIp();
      for (let i = 0; i <= PER_IP; i++) {
        const email = `person${i}@${network.domain}`;
        await register(network, email, clientIp()).expect(202);
        await post('/v1/auth/verify-email', { token: tokenInMail(await smtp.waitFor(email, /^Confirm/)), password: PASSWORD }, from).expect(204);
      }
    });
  });

  describe('password-reset', () => {
    it('per address: known and unknown addresses are limited alike (the limit tells nothing)', async () => {
      const network = await createNetwork();
      const { email: known } = await memberOf(network);
      const unknown = `nobody@${network.domain}`;
      for (const email of [known, unknown]) {
        for (let i = 0; i < PER_ADDRESS; i++) await requestReset(network, email, clientIp()).expect(202);
        expectThrottled(await requestReset(network, email, clientIp()));
      }
      await smtp.waitFor(known, /^Reset/, { count: PER_ADDRESS });
      expect(await mailsEventuallySentTo(known)).toBe(1 + PER_ADDRESS); // the invitation, then the resets
      expect(await mailsEventuallySentTo(unknown)).toBe(0);
    });

    it('per client IP: the fourth request from one client address is refused', async () => {
      const network = await createNetwork();
      const from = clientIp();
      for (let i = 0; i < PER_IP; i++) await requestReset(network, `person${i}@${network.domain}`, from).expect(202);
      expectThrottled(await requestReset(network, `person${PER_IP}@${network.domain}`, from));
    });
  });

  describe('password-reset/confirm', () => {
    it('per address: refused attempts with a live link count', async () => {
      const network = await createNetwork();
      const { email } = await memberOf(network);
      await requestReset(network, email, clientIp()).expect(202);
      const token = tokenInMail(await smtp.waitFor(email, /^Reset/));
      for (let i = 0; i < PER_ADDRESS; i++) {
        const weak = await post('/v1/auth/password-reset/confirm', { token, newPassword: `${email}!${i}` }, clientIp()).expect(400);
        expect(weak.body.details).toEqual([{ path: 'newPassword', issue: 'must not contain your e-mail address' }]);
      }
      expectThrottled(await post('/v1/auth/password-reset/confirm', { token, newPassword: 'a brand new passphrase 2026' }, clientIp()));
    });

    it('per client IP: unknown links count', async () => {
      const from = clientIp();
      const confirm = () => post('/v1/auth/password-reset/confirm', { token: randomBytes(32).toString('base64url'), newPassword: 'a brand new passphrase 2026' }, from);
      for (let i = 0; i < PER_IP; i++) await confirm().expect(400);
      expectThrottled(await confirm());
    });
  });

  describe('change-password', () => {
    const change = (accessToken: string, currentPassword: string, newPassword: string, from: string) =>
      post('/v1/users/me/password', { currentPassword, newPassword }, from, accessToken);

    it('per account: wrong current passwords count, from any client address; refused new passwords do not', async () => {
      const network = await createNetwork();
      const { accessToken } = await memberOf(network);
      for (let i = 0; i <= PER_IP; i++) {
        const weak = await change(accessToken, PASSWORD, 'aaaaaaaaaaaaaaaa', clientIp()).expect(400);
        expect(weak.body.details.map((detail: { path: string }) => detail.path)).toContain('newPassword');
      }
      for (let i = 0; i < PER_ADDRESS; i++) {
        const wrong = await change(accessToken, `not my password ${i}`, 'copper kettle on the 9th floor', clientIp()).expect(400);
        expect(wrong.body.details).toEqual([{ path: 'currentPassword', issue: 'is not your current password' }]);
      }
      expectThrottled(await change(accessToken, PASSWORD, 'copper kettle on the 9th floor', clientIp()));
    });

    it('per client IP: wrong current passwords of several accounts add up', async () => {
      const network = await createNetwork();
      const [first, second] = [await memberOf(network), await memberOf(network)];
      const from = clientIp();
      await change(first.accessToken, 'not my password 1', 'copper kettle on the 9th floor', from).expect(400);
      await change(first.accessToken, 'not my password 2', 'copper kettle on the 9th floor', from).expect(400);
      await change(second.accessToken, 'not my password 3', 'copper kettle on the 9th floor', from).expect(400);
      expectThrottled(await change(second.accessToken, PASSWORD, 'copper kettle on the 9th floor', from));
      await change(second.accessToken, PASSWORD, 'copper kettle on the 9th floor', clientIp()).expect(204);
    });
  });

  describe('known and unknown addresses', () => {
    /** What a client can compare between two answers. */
    const visible = (response: Response) => ({
      status: response.status,
      body: response.body,
      contentType: response.headers['content-type'],
      retryAfter: response.headers['retry-after'],
    });

    async function timed(call: () => Promise<Response>): Promise<{ response: Response; ms: number }> {
      const started = process.hrtime.bigint();
      const response = await call();
      return { response, ms: Number(process.hrtime.bigint() - started) / 1e6 };
    }

    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

    it('answer alike and as fast while the mail server hangs; the mails leave once it answers again', async () => {
      const network = await createNetwork();
      const { email: known } = await memberOf(network);
      const unknown = `newcomer@${network.domain}`;
      const stranger = `stranger@${network.domain}`;
      const durations = { known: [] as number[], unknown: [] as number[] };
      smtpPath.stall();
      try {
        const registered = [await timed(() => register(network, known, clientIp())), await timed(() => register(network, unknown, clientIp()))];
        expect(visible(registered[0].response)).toEqual(visible(registered[1].response));
        expect(visible(registered[0].response)).toEqual({
          status: 202,
          body: { message: 'Check your mailbox to continue.' },
          contentType: 'application/json; charset=utf-8',
          retryAfter: undefined,
        });
        durations.known.push(registered[0].ms);
        durations.unknown.push(registered[1].ms);
        // Alternating, so a slow moment of the machine falls on both.
        for (let round = 0; round < PER_ADDRESS; round++) {
          const [forKnown, forStranger] = [await timed(() => requestReset(network, known, clientIp())), await timed(() => requestReset(network, stranger, clientIp()))];
          expect(visible(forKnown.response)).toEqual(visible(forStranger.response));
          expect(forKnown.response.status).toBe(202);
          durations.known.push(forKnown.ms);
          durations.unknown.push(forStranger.ms);
        }
        // A mail sent while the request waits would take the mailer's 5 s greeting timeout against a hanging server.
        for (const ms of [...durations.known, ...durations.unknown]) expect(ms).toBeLessThan(2_000);
        expect(Math.abs(median(durations.known) - median(durations.unknown))).toBeLessThan(500);
        expect(smtp.messagesTo(known)).toHaveLength(1); // the invitation, before the stall
      } finally {
        smtpPath.restore();
      }
      await smtp.waitFor(known, /^You already have an account/, { timeoutMs: 30_000 });
      await smtp.waitFor(known, /^Reset your password/, { count: PER_ADDRESS, timeoutMs: 30_000 });
      await smtp.waitFor(unknown, /^Confirm your e-mail address/, { timeoutMs: 30_000 });
      expect(smtp.messagesTo(stranger)).toEqual([]);
      expect(await mailsEventuallySentTo(stranger)).toBe(0);
    });
  });
});
