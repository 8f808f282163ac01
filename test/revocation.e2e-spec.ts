import { userAccessRevoked, userRoleRevoked, validateEventData } from '@passerelle/contracts';
import {
  adminToken,
  createTestApp,
  createTestMember,
  createTestNetwork,
  type Credentials,
  expectEventually,
  KafkaProbe,
  loginAs,
  SmtpTestServer,
  type TestApp,
  type TestNetwork,
  tokenInMail,
} from '@passerelle/testing';
import { randomUUID } from 'crypto';
import { request as httpRequest, type IncomingMessage } from 'http';
import { communicationApp } from '../apps/communication/src/communication.app';
import { evaluationApp } from '../apps/evaluation/src/evaluation.app';
import { identityApp } from '../apps/identity/src/identity.app';
import { intakeApp } from '../apps/intake/src/intake.app';
import { matchingApp } from '../apps/matching/src/matching.app';

/** How long every service has to refuse a revoked token: "within seconds". */
const REVOCATION_BOUND_MS = 10_000;
const SECRET_OVERLAP_SECONDS = 6;
const FAMILY_LIFETIME_SECONDS = 4;

/** The five services, and a second intake replica: only one replica of a group receives an event, every replica must refuse. */
type Service = 'identity' | 'intake' | 'intakeReplica' | 'matching' | 'communication' | 'evaluation';

/**
 * Revocation end to end: the five services (intake with two replicas) run
 * in this process against the real Kafka and PostgreSQL; for each way access ends (logout, password
 * change and reset, erasure, a disabled account, a revoked role, a revoked
 * service account, a rotated secret after its overlap), a token every
 * service accepted is refused by every service within REVOCATION_BOUND_MS,
 * through identity's `user.access_revoked` event and each service's
 * `token_revocations`; and a fresh login works again where it is allowed.
 */
describe('revocation: access ends on every service within seconds', () => {
  let smtp: SmtpTestServer;
  let identity: TestApp;
  let apps: Record<Service, TestApp>;
  let admin: string;
  let probe: KafkaProbe;

  beforeAll(async () => {
    probe = await new KafkaProbe([userAccessRevoked.topic]).start();
    smtp = await SmtpTestServer.start();
    identity = await createTestApp(identityApp, {
      env: { SMTP_URL: smtp.url, SERVICE_ACCOUNT_SECRET_OVERLAP_SECONDS: String(SECRET_OVERLAP_SECONDS) },
    });
    const env = { AUTH_JWKS_URL: `${identity.url}/.well-known/jwks.json` };
    const [intake, intakeReplica, matching, communication, evaluation] = await Promise.all([
      createTestApp(intakeApp, { env }),
      createTestApp(intakeApp, { env }),
      createTestApp(matchingApp, { env }),
      createTestApp(communicationApp, { env }),
      createTestApp(evaluationApp, { env }),
    ]);
    apps = { identity, intake, intakeReplica, matching, communication, evaluation };
    admin = await adminToken(identity.http);
  });

  afterAll(async () => {
    await Promise.all(Object.values(apps ?? {}).filter((app) => app !== identity).map((app) => app.close()));
    await identity?.close();
    await smtp?.stop();
    await probe?.stop();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  /** A read on each service that any valid token of `network` gets past the guard (a member then gets 200, or 403 on evaluation). */
  function readOf(service: Service, network: TestNetwork): string {
    return {
      identity: `/v1/networks/${network.id}`,
      intake: '/v1/programs',
      intakeReplica: '/v1/programs',
      matching: '/v1/matches',
      communication: '/v1/conversations',
      evaluation: `/v1/reports/networks/${network.id}/registrations`,
    }[service];
  }

  async function statusesOf(token: string, network: TestNetwork): Promise<Record<Service, number>> {
    const services = Object.keys(apps) as Service[];
    const statuses = await Promise.all(services.map(async (service) => (await apps[service].http.get(readOf(service, network)).set(bearer(token))).status));
    return Object.fromEntries(services.map((service, index) => [service, statuses[index]])) as Record<Service, number>;
  }

  const everywhere = (status: number): Record<Service, number> => ({
    identity: status,
    intake: status,
    intakeReplica: status,
    matching: status,
    communication: status,
    evaluation: status,
  });
  /** A member may not read the network's registrations: the 403 says the token was accepted and the role was not. */
  const AS_MEMBER = { ...everywhere(200), evaluation: 403 };

  async function expectAcceptedEverywhere(token: string, network: TestNetwork, expected = everywhere(200)): Promise<void> {
    expect(await statusesOf(token, network)).toEqual(expected);
  }

  async function expectRefusedEverywhere(token: string, network: TestNetwork): Promise<void> {
    await expectEventually(async () => expect(await statusesOf(token, network)).toEqual(everywhere(401)), { timeoutMs: REVOCATION_BOUND_MS, intervalMs: 200 });
  }

  async function organizerAndMember(prefix: string) {
    const network = await createTestNetwork(identity.http, admin, prefix);
    const [organizer, member] = await Promise.all([
      createTestMember(identity.http, identity.dataSource, network, { roles: ['organizer'] }),
      createTestMember(identity.http, identity.dataSource, network),
    ]);
    return { network, organizer, member, organizerToken: (await loginAs(identity.http, organizer)).accessToken };
  }

  const login = ({ network, email, password }: Credentials) => identity.http.post('/v1/auth/login').send({ network, email, password });
  const refresh = (refreshToken: string) => identity.http.post('/v1/auth/refresh').send({ refreshToken });

  async function serviceAccount(network: TestNetwork, organizerToken: string) {
    const created = await identity.http.post(`/v1/networks/${network.id}/service-accounts`).set(bearer(organizerToken)).send({ name: 'University CRM' }).expect(201);
    return created.body as { id: string; clientId: string; clientSecret: string };
  }

  const clientCredentials = (clientId: string, clientSecret: string) =>
    identity.http.post('/v1/auth/token').send({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });

  it('logout ends the access tokens at once everywhere; the next login works', async () => {
    const { network, member } = await organizerAndMember('rev-logout');
    const session = await loginAs(identity.http, member);
    await expectAcceptedEverywhere(session.accessToken, network, AS_MEMBER);

    await identity.http.post('/v1/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
    // Identity applies its own revocation as it commits, without waiting for a read or an event.
    await identity.http.get(readOf('identity', network)).set(bearer(session.accessToken)).expect(401);
    await expectRefusedEverywhere(session.accessToken, network);
    await refresh(session.refreshToken).expect(401);
    const [record] = await probe.waitFor((candidate) => candidate.key === member.userId && candidate.headers['ce_type'] === userAccessRevoked.type);
    expect(record.data).toEqual({ userId: member.userId, networkId: network.id, accountKind: 'user', tokenEpoch: 1, reason: 'logout', revokedAt: expect.any(String) });
    expect(validateEventData(userAccessRevoked, record.data)).toEqual({ valid: true });
    // A second logout of the same login revokes nothing more.
    await identity.http.post('/v1/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);

    await expectAcceptedEverywhere((await loginAs(identity.http, member)).accessToken, network, AS_MEMBER);
  });

  it('a password change ends the access tokens everywhere; the new password logs in', async () => {
    const { network, member } = await organizerAndMember('rev-change');
    const { accessToken } = await loginAs(identity.http, member);
    await expectAcceptedEverywhere(accessToken, network, AS_MEMBER);

    const newPassword = 'copper kettle on the 9th floor';
    await identity.http.post('/v1/users/me/password').set(bearer(accessToken)).send({ currentPassword: member.password, newPassword }).expect(204);
    await expectRefusedEverywhere(accessToken, network);

    await login(member).expect(401);
    await expectAcceptedEverywhere((await loginAs(identity.http, { ...member, password: newPassword })).accessToken, network, AS_MEMBER);
  });

  it('a password reset ends the access tokens everywhere; the new password logs in', async () => {
    const { network, member } = await organizerAndMember('rev-reset');
    const { accessToken } = await loginAs(identity.http, member);
    await expectAcceptedEverywhere(accessToken, network, AS_MEMBER);

    await identity.http.post('/v1/auth/password-reset').send({ network: network.slug, email: member.email }).expect(202);
    const token = tokenInMail(await smtp.waitFor(member.email, /^Reset your password/));
    const newPassword = 'a brand new passphrase 2026';
    await identity.http.post('/v1/auth/password-reset/confirm').send({ token, newPassword }).expect(204);
    await expectRefusedEverywhere(accessToken, network);

    await expectAcceptedEverywhere((await loginAs(identity.http, { ...member, password: newPassword })).accessToken, network, AS_MEMBER);
  });

  it('an erasure ends the access tokens everywhere, and nobody logs in as that person again', async () => {
    const { network, member } = await organizerAndMember('rev-erase');
    const { accessToken } = await loginAs(identity.http, member);
    await expectAcceptedEverywhere(accessToken, network, AS_MEMBER);

    await identity.http.delete('/v1/users/me').set(bearer(accessToken)).expect(204);
    await expectRefusedEverywhere(accessToken, network);
    await login(member).expect(401);
  });

  it('a disabled account is refused everywhere and cannot log in or refresh; enabled again, it logs in', async () => {
    const { network, organizer, member, organizerToken } = await organizerAndMember('rev-disable');
    const session = await loginAs(identity.http, member);
    await expectAcceptedEverywhere(session.accessToken, network, AS_MEMBER);

    const disabled = await identity.http.post(`/v1/users/${member.userId}/disable`).set(bearer(organizerToken)).expect(200);
    expect(disabled.body).toEqual({ id: member.userId, networkId: network.id, status: 'disabled' });
    await expectRefusedEverywhere(session.accessToken, network);
    await login(member).expect(401);
    await refresh(session.refreshToken).expect(401);
    // Disabling again changes nothing; nobody disables their own account.
    await identity.http.post(`/v1/users/${member.userId}/disable`).set(bearer(organizerToken)).expect(200);
    const own = await identity.http.post(`/v1/users/${organizer.userId}/disable`).set(bearer(organizerToken)).expect(409);
    expect(own.body.details).toEqual([{ path: 'id', issue: 'names your own account' }]);

    const enabled = await identity.http.post(`/v1/users/${member.userId}/enable`).set(bearer(organizerToken)).expect(200);
    expect(enabled.body).toEqual({ id: member.userId, networkId: network.id, status: 'active' });
    await expectAcceptedEverywhere((await loginAs(identity.http, member)).accessToken, network, AS_MEMBER);
  });

  it('a revoked role ends the tokens that carry it everywhere; the next login has the role no more', async () => {
    const { network, organizer, organizerToken } = await organizerAndMember('rev-role');
    const second = await createTestMember(identity.http, identity.dataSource, network);
    await identity.http.post(`/v1/users/${second.userId}/roles`).set(bearer(organizerToken)).send({ role: 'organizer' }).expect(200);
    const { accessToken } = await loginAs(identity.http, second);
    await expectAcceptedEverywhere(accessToken, network);
    await identity.http.post(`/v1/networks/${network.id}/service-accounts`).set(bearer(accessToken)).send({ name: 'Allowed' }).expect(201);

    const directoryRoles = async () =>
      ((await apps.communication.dataSource.query('SELECT roles FROM directory_entries WHERE user_id = $1', [second.userId])) as Array<{ roles: string[] }>)[0]?.roles;
    await expectEventually(async () => expect(await directoryRoles()).toEqual(['organizer']));

    const revoked = await identity.http.delete(`/v1/users/${second.userId}/roles/organizer`).set(bearer(organizerToken)).expect(200);
    expect(revoked.body).toEqual({ id: second.userId, networkId: network.id, roles: [] });
    await expectRefusedEverywhere(accessToken, network);
    // Communication's copy of the roles follows (it tells organizers of pairs at risk).
    await expectEventually(async () => expect(await directoryRoles()).toEqual([]));
    const [record] = await probe.waitFor((candidate) => candidate.key === second.userId && candidate.headers['ce_type'] === userRoleRevoked.type);
    expect(record.data).toEqual({ userId: second.userId, networkId: network.id, role: 'organizer', revokedBy: organizer.userId, revokedAt: expect.any(String) });

    const fresh = (await loginAs(identity.http, second)).accessToken;
    await expectAcceptedEverywhere(fresh, network, AS_MEMBER);
    const refused = await identity.http.post(`/v1/networks/${network.id}/service-accounts`).set(bearer(fresh)).send({ name: 'Refused' }).expect(403);
    expect(refused.body.details).toEqual([{ path: 'authorization', issue: 'requires the role organizer' }]);
    // Revoking a role the person does not have changes nothing; the revoker's own token is untouched.
    await identity.http.delete(`/v1/users/${second.userId}/roles/organizer`).set(bearer(organizerToken)).expect(200);
    await expectAcceptedEverywhere(organizerToken, network);
  });

  it('a revoked service account is refused everywhere and gets no token any more', async () => {
    const { network, organizerToken } = await organizerAndMember('rev-sa');
    const account = await serviceAccount(network, organizerToken);
    const token = (await clientCredentials(account.clientId, account.clientSecret).expect(200)).body.access_token as string;
    await expectAcceptedEverywhere(token, network);

    const revoked = await identity.http.post(`/v1/networks/${network.id}/service-accounts/${account.id}/revoke`).set(bearer(organizerToken)).expect(200);
    expect(revoked.body).toMatchObject({ id: account.id, clientId: account.clientId, previousSecretValidUntil: null });
    expect(Date.parse(revoked.body.revokedAt)).toBeGreaterThan(Date.now() - 60_000);
    await expectRefusedEverywhere(token, network);
    await clientCredentials(account.clientId, account.clientSecret).expect(401);
  });

  it("a rotated secret overlaps for the configured time, then the old secret and its tokens are refused everywhere; the new one's stay", async () => {
    const { network, organizerToken } = await organizerAndMember('rev-rotate');
    const account = await serviceAccount(network, organizerToken);
    const before = (await clientCredentials(account.clientId, account.clientSecret).expect(200)).body.access_token as string;
    await expectAcceptedEverywhere(before, network);

    const rotatedAt = Date.now();
    const rotated = await identity.http.post(`/v1/networks/${network.id}/service-accounts/${account.id}/rotate`).set(bearer(organizerToken)).expect(200);
    expect(rotated.body).toMatchObject({ id: account.id, clientId: account.clientId });
    expect(rotated.body.clientSecret).not.toBe(account.clientSecret);
    const answeredAt = Date.now();
    const overlapEnds = Date.parse(rotated.body.previousSecretValidUntil);
    expect(overlapEnds).toBeGreaterThanOrEqual(rotatedAt + SECRET_OVERLAP_SECONDS * 1000);
    expect(overlapEnds).toBeLessThanOrEqual(answeredAt + SECRET_OVERLAP_SECONDS * 1000);

    // During the overlap both secrets work, and the tokens got before the rotation too.
    const withOld = (await clientCredentials(account.clientId, account.clientSecret).expect(200)).body.access_token as string;
    const withNew = (await clientCredentials(account.clientId, rotated.body.clientSecret).expect(200)).body.access_token as string;
    await expectAcceptedEverywhere(before, network);
    await expectAcceptedEverywhere(withOld, network);

    await expectRefusedEverywhere(before, network);
    await expectRefusedEverywhere(withOld, network);
    expect(Date.now()).toBeGreaterThanOrEqual(overlapEnds);
    await clientCredentials(account.clientId, account.clientSecret).expect(401);
    await expectAcceptedEverywhere(withNew, network);
    await expectAcceptedEverywhere((await clientCredentials(account.clientId, rotated.body.clientSecret).expect(200)).body.access_token, network);
  });

  it('rotating again during an overlap ends the oldest secret and its tokens at once', async () => {
    const { network, organizerToken } = await organizerAndMember('rev-rotate-twice');
    const account = await serviceAccount(network, organizerToken);
    const rotate = () => identity.http.post(`/v1/networks/${network.id}/service-accounts/${account.id}/rotate`).set(bearer(organizerToken)).expect(200);
    const oldest = (await clientCredentials(account.clientId, account.clientSecret).expect(200)).body.access_token as string;
    const first = (await rotate()).body.clientSecret as string;
    const middle = (await clientCredentials(account.clientId, first).expect(200)).body.access_token as string;

    const secondRotation = await rotate();
    const overlapEnds = Date.parse(secondRotation.body.previousSecretValidUntil);
    await expectRefusedEverywhere(oldest, network);
    // Refused before the second overlap ends: only the secret it replaced overlaps.
    expect(Date.now()).toBeLessThan(overlapEnds);
    await clientCredentials(account.clientId, account.clientSecret).expect(401);
    await expectAcceptedEverywhere(middle, network);
    await clientCredentials(account.clientId, first).expect(200);
    await clientCredentials(account.clientId, secondRotation.body.clientSecret).expect(200);
  });

  it("service accounts outlive the organizer who made them: listed and revoked by the network's other organizer", async () => {
    const { network, organizer, organizerToken } = await organizerAndMember('rev-sa-erase');
    const account = await serviceAccount(network, organizerToken);
    const other = await createTestMember(identity.http, identity.dataSource, network, { roles: ['organizer'] });
    const otherToken = (await loginAs(identity.http, other)).accessToken;
    await identity.http.delete('/v1/users/me').set(bearer(organizerToken)).expect(204);

    const listed = await identity.http.get(`/v1/networks/${network.id}/service-accounts`).set(bearer(otherToken)).expect(200);
    expect(listed.body).toEqual([
      {
        id: account.id,
        name: 'University CRM',
        clientId: account.clientId,
        createdBy: organizer.userId,
        createdAt: expect.any(String),
        rotatedAt: null,
        previousSecretValidUntil: null,
        revokedAt: null,
      },
    ]);
    const token = (await clientCredentials(account.clientId, account.clientSecret).expect(200)).body.access_token as string;
    await identity.http.post(`/v1/networks/${network.id}/service-accounts/${account.id}/revoke`).set(bearer(otherToken)).expect(200);
    await expectRefusedEverywhere(token, network);
    const after = await identity.http.get(`/v1/networks/${network.id}/service-accounts`).set(bearer(otherToken)).expect(200);
    expect(after.body.map((entry: { revokedAt: string | null }) => entry.revokedAt !== null)).toEqual([true]);
  });

  it('ends the conversation stream of a revoked token within seconds', async () => {
    const { member } = await organizerAndMember('rev-stream');
    const session = await loginAs(identity.http, member);
    const stream = await openStream(apps.communication.url, session.accessToken);
    expect(stream.response.statusCode).toBe(200);
    await expectEventually(() => expect(stream.text).toContain('event: ready'), { timeoutMs: 5_000 });

    await identity.http.post('/v1/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
    await expectEventually(
      () => {
        expect(stream.ended).toBe(true);
        expect(stream.text).toContain('event: access_revoked\ndata: {"reconnect":"after logging in again"}');
      },
      { timeoutMs: REVOCATION_BOUND_MS },
    );
  });

  it('refuses bad input on the new routes, naming the field', async () => {
    const { network, member, organizerToken } = await organizerAndMember('rev-input');
    const call = (method: 'post' | 'get' | 'delete', path: string) => identity.http[method](path).set(bearer(organizerToken));

    const cases: Array<[Promise<{ status: number; body: { details: unknown } }>, string]> = [
      [call('delete', `/v1/users/not-a-uuid/roles/organizer`), 'id'],
      [call('delete', `/v1/users/${member.userId}/roles/platform_admin`), 'role'],
      [call('delete', `/v1/users/${member.userId}/roles/king`), 'role'],
      [call('post', '/v1/users/42/disable'), 'id'],
      [call('post', '/v1/users/42/enable'), 'id'],
      [call('get', '/v1/networks/nope/service-accounts'), 'id'],
      [call('post', `/v1/networks/${network.id}/service-accounts/nope/revoke`), 'accountId'],
      [call('post', `/v1/networks/${network.id}/service-accounts/nope/rotate`), 'accountId'],
    ];
    const answers = await Promise.all(cases.map(([answer]) => answer));
    expect(answers.map((answer) => [answer.status, answer.body.details])).toEqual(
      cases.map(([, path]) => [400, [{ path, issue: path === 'role' ? 'must be one of organizer' : 'must be a UUID' }]]),
    );
  });

  it("answers 404 for another network's ids and 403 to a participant", async () => {
    const mine = await organizerAndMember('rev-mine');
    const theirs = await organizerAndMember('rev-theirs');
    const theirAccount = await serviceAccount(theirs.network, theirs.organizerToken);
    const as = (token: string) => ({
      revokeRole: (userId: string) => identity.http.delete(`/v1/users/${userId}/roles/organizer`).set(bearer(token)),
      disable: (userId: string) => identity.http.post(`/v1/users/${userId}/disable`).set(bearer(token)),
      enable: (userId: string) => identity.http.post(`/v1/users/${userId}/enable`).set(bearer(token)),
      list: (networkId: string) => identity.http.get(`/v1/networks/${networkId}/service-accounts`).set(bearer(token)),
      revoke: (networkId: string, accountId: string) => identity.http.post(`/v1/networks/${networkId}/service-accounts/${accountId}/revoke`).set(bearer(token)),
      rotate: (networkId: string, accountId: string) => identity.http.post(`/v1/networks/${networkId}/service-accounts/${accountId}/rotate`).set(bearer(token)),
    });
    const organizer = as(mine.organizerToken);
    const crossNetwork = await Promise.all([
      organizer.revokeRole(theirs.organizer.userId),
      organizer.disable(theirs.member.userId),
      organizer.enable(theirs.member.userId),
      organizer.list(theirs.network.id),
      organizer.revoke(theirs.network.id, theirAccount.id),
      organizer.rotate(theirs.network.id, theirAccount.id),
      // Their account's id under my network's path: still not mine.
      organizer.revoke(mine.network.id, theirAccount.id),
      organizer.rotate(mine.network.id, theirAccount.id),
      organizer.revokeRole(randomUUID()),
    ]);
    expect(crossNetwork.map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404, 404]);

    const participant = as((await loginAs(identity.http, mine.member)).accessToken);
    const mineAccount = await serviceAccount(mine.network, mine.organizerToken);
    const refused = await Promise.all([
      participant.revokeRole(mine.organizer.userId),
      participant.disable(mine.organizer.userId),
      participant.enable(mine.organizer.userId),
      participant.list(mine.network.id),
      participant.revoke(mine.network.id, mineAccount.id),
      participant.rotate(mine.network.id, mineAccount.id),
    ]);
    expect(refused.map((answer) => [answer.status, answer.body.details])).toEqual(
      refused.map(() => [403, [{ path: 'authorization', issue: 'requires the role organizer' }]]),
    );

    // Nothing changed on the other side: their organizer still works everywhere, their account still gets tokens.
    await expectAcceptedEverywhere(theirs.organizerToken, theirs.network);
    await clientCredentials(theirAccount.clientId, theirAccount.clientSecret).expect(200);
    // The platform admin manages any network.
    const listed = await as(admin).list(theirs.network.id).expect(200);
    expect(listed.body.map((entry: { id: string }) => entry.id)).toEqual([theirAccount.id]);
  });

  it('refuses to refresh a login older than its absolute lifetime, however fresh the refresh token', async () => {
    const shortLived = await createTestApp(identityApp, { env: { SMTP_URL: smtp.url, REFRESH_FAMILY_LIFETIME_SECONDS: String(FAMILY_LIFETIME_SECONDS) } });
    try {
      const { member } = await organizerAndMember('rev-family');
      const loggedInAt = Date.now();
      let { refreshToken } = await loginAs(shortLived.http, member);
      let refreshes = 0;

      // Refreshed again and again, each time with the newest token, until the login is older than its lifetime.
      const refusedAt = await expectEventually(
        async () => {
          const answer = await shortLived.http.post('/v1/auth/refresh').send({ refreshToken });
          if (answer.status === 200) {
            refreshToken = answer.body.refreshToken;
            refreshes += 1;
            throw new Error('the login still refreshes');
          }
          expect(answer.status).toBe(401);
          return Date.now();
        },
        { timeoutMs: FAMILY_LIFETIME_SECONDS * 1000 + 5_000, intervalMs: 250 },
      );
      expect(refreshes).toBeGreaterThanOrEqual(5);
      expect(refusedAt - loggedInAt).toBeGreaterThanOrEqual(FAMILY_LIFETIME_SECONDS * 1000 - 1_000);
      // A new login starts a new lifetime.
      const again = await loginAs(shortLived.http, member);
      await shortLived.http.post('/v1/auth/refresh').send({ refreshToken: again.refreshToken }).expect(200);
    } finally {
      await shortLived.close();
    }
  });
});

interface OpenStream {
  readonly response: IncomingMessage;
  text: string;
  ended: boolean;
}

/** A bare Server-Sent Events reader: what came, and whether the server ended it. */
function openStream(baseUrl: string, token: string): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(new URL('/v1/conversations/stream', baseUrl), { headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` } }, (response) => {
      const stream: OpenStream = { response, text: '', ended: false };
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (stream.text += chunk));
      response.on('end', () => (stream.ended = true));
      response.on('close', () => (stream.ended = true));
      resolve(stream);
    });
    request.on('error', reject);
    request.end();
  });
}
