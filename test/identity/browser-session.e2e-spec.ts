import { userAccessRevoked, validateEventData } from '@passerelle/contracts';
import {
  adminToken,
  createTestApp,
  createTestMember,
  createTestNetwork,
  expectEventually,
  KafkaProbe,
  type TestApp,
  type TestNetwork,
} from '@passerelle/testing';
import { createHash, randomInt } from 'crypto';
import type { Response } from 'supertest';
import { identityApp } from '../../apps/identity/src/identity.app';

const COOKIE = 'passerelle_session';
const HEADER = { 'x-passerelle-session': '1' };

interface SetCookie {
  readonly name: string;
  readonly value: string;
  /** Attribute names as sent, with their values (`true` for a flag). */
  readonly attributes: Record<string, string | true>;
}

/** The one Set-Cookie header of an answer, taken apart. */
function setCookieOf(response: Response): SetCookie {
  const headers = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  expect(headers).toHaveLength(1);
  const [pair, ...attributes] = headers[0].split('; ');
  const separator = pair.indexOf('=');
  return {
    name: pair.slice(0, separator),
    value: pair.slice(separator + 1),
    attributes: Object.fromEntries(
      attributes.map((attribute) => {
        const equals = attribute.indexOf('=');
        return equals < 0 ? [attribute, true] : [attribute.slice(0, equals), attribute.slice(equals + 1)];
      }),
    ),
  };
}

/** Checks every attribute of a session cookie, and that its Max-Age is `maxAgeSeconds` give or take the request's own duration. */
function expectSessionCookie(cookie: SetCookie, value: string | RegExp, maxAgeSeconds: number): void {
  expect(cookie).toEqual({
    name: COOKIE,
    value: typeof value === 'string' ? value : expect.stringMatching(value),
    attributes: { 'Max-Age': expect.stringMatching(/^\d+$/), Path: '/v1/auth/session', Expires: expect.any(String), HttpOnly: true, Secure: true, SameSite: 'Strict' },
  });
  expect(Math.abs(Number(cookie.attributes['Max-Age']) - maxAgeSeconds)).toBeLessThanOrEqual(2);
  const expires = Date.parse(String(cookie.attributes['Expires']));
  expect(Math.abs(expires - (Date.now() + maxAgeSeconds * 1000))).toBeLessThanOrEqual(5_000);
}

function expectClearedCookie(response: Response): void {
  const cookie = setCookieOf(response);
  expect({ name: cookie.name, value: cookie.value, maxAge: cookie.attributes['Max-Age'], path: cookie.attributes['Path'] }).toEqual({
    name: COOKIE,
    value: '',
    maxAge: '0',
    path: '/v1/auth/session',
  });
  expect(cookie.attributes).toMatchObject({ HttpOnly: true, Secure: true, SameSite: 'Strict' });
}

const REFRESH_TOKEN = /^[A-Za-z0-9_-]{43}$/;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * The web application's session on the real identity service, Kafka and
 * PostgreSQL: the refresh token only ever in an HttpOnly cookie scoped to
 * the session routes, rotated and revoked exactly as the body routes do, and
 * the cookie routes answering only requests that carry the custom header.
 */
describe('identity: the browser session in an HttpOnly cookie', () => {
  let identity: TestApp;
  let admin: string;
  let probe: KafkaProbe;

  beforeAll(async () => {
    probe = await new KafkaProbe([userAccessRevoked.topic]).start();
    // One trusted proxy hop, so a test can speak from its own client address (X-Forwarded-For).
    identity = await createTestApp(identityApp, { env: { HTTP_TRUST_PROXY_HOPS: '1' } });
    admin = await adminToken(identity.http);
  });

  afterAll(async () => {
    await identity?.close();
    await probe?.stop();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const withCookie = (value: string) => ({ cookie: `lang=fr; ${COOKIE}=${value}` });
  const member = (network: TestNetwork) => createTestMember(identity.http, identity.dataSource, network);
  const openSession = (credentials: { network: string; email: string; password: string }) =>
    identity.http.post('/v1/auth/session').send({ network: credentials.network, email: credentials.email, password: credentials.password });
  const refresh = (cookie: string) => identity.http.post('/v1/auth/session/refresh').set({ ...HEADER, ...withCookie(cookie) });

  /** A fresh member of a fresh network, signed in through the session route. */
  async function signedIn() {
    const network = await createTestNetwork(identity.http, admin, 'web');
    const person = await member(network);
    const response = await openSession(person).expect(200);
    return { network, person, response, cookie: setCookieOf(response).value, accessToken: response.body.accessToken as string };
  }

  /** The refresh token row the cookie's value is the token of. */
  async function rowOf(cookie: string): Promise<{ user_id: string; family_id: string; expires_at: Date; used_at: Date | null; revoked_at: Date | null }> {
    const [row] = await identity.dataSource.query('SELECT user_id, family_id, expires_at, used_at, revoked_at FROM refresh_tokens WHERE token_hash = $1', [sha256(cookie)]);
    if (!row) throw new Error('no refresh token has this cookie as its value');
    return row;
  }

  it('signs in with the access token in the body and the refresh token in the cookie only', async () => {
    const { network, person, response, cookie, accessToken } = await signedIn();
    expect(response.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900 });
    expect(response.headers['cache-control']).toBe('no-store');
    const row = await rowOf(cookie);
    expect(row).toMatchObject({ user_id: person.userId, used_at: null, revoked_at: null });
    // Until the token itself expires: REFRESH_TOKEN_TTL_DAYS (30) from now, the family's end being as far.
    expectSessionCookie(setCookieOf(response), REFRESH_TOKEN, Math.round((new Date(row.expires_at).getTime() - Date.now()) / 1000));
    expect(Number(setCookieOf(response).attributes['Max-Age'])).toBeGreaterThan(30 * 86_400 - 10);
    const me = await identity.http.get('/v1/users/me').set(bearer(accessToken)).expect(200);
    expect(me.body).toMatchObject({ id: person.userId, networkId: network.id });
  });

  it('rotates the token in the cookie, and a replayed old cookie revokes the whole login, as the body route does', async () => {
    const { person, cookie } = await signedIn();
    // An empty JSON body is as good as none.
    const first = await refresh(cookie).send({}).expect(200);
    expect(first.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900 });
    expect(first.headers['cache-control']).toBe('no-store');
    const rotated = setCookieOf(first);
    expect(rotated.value).not.toBe(cookie);
    expectSessionCookie(rotated, REFRESH_TOKEN, Math.round((new Date((await rowOf(rotated.value)).expires_at).getTime() - Date.now()) / 1000));
    expect((await rowOf(rotated.value)).family_id).toBe((await rowOf(cookie)).family_id);
    expect((await rowOf(cookie)).used_at).not.toBeNull();
    const me = await identity.http.get('/v1/users/me').set(bearer(first.body.accessToken)).expect(200);
    expect(me.body.id).toBe(person.userId);

    const second = await refresh(rotated.value).expect(200);
    const newest = setCookieOf(second).value;
    // The first cookie again (stolen, or replayed): refused, cleared, and the login's newest token dies with it.
    const replayed = await refresh(cookie).expect(401);
    expect(replayed.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Invalid credentials.', details: [] });
    expectClearedCookie(replayed);
    expect((await rowOf(newest)).revoked_at).not.toBeNull();
    expectClearedCookie(await refresh(newest).expect(401));
  });

  it("sets the cookie for what remains of the login's lifetime when that is shorter than a token's", async () => {
    const { cookie } = await signedIn();
    // The login began 29 days ago: one day of its 30 (REFRESH_FAMILY_LIFETIME_SECONDS) is left.
    await identity.dataSource.query(
      "UPDATE refresh_tokens SET family_started_at = family_started_at - interval '29 days' WHERE family_id = $1",
      [(await rowOf(cookie)).family_id],
    );
    const refreshed = await refresh(cookie).expect(200);
    expectSessionCookie(setCookieOf(refreshed), REFRESH_TOKEN, 86_400);
  });

  it('answers 403 naming the header when it is missing, and leaves the session as it was', async () => {
    const { cookie, accessToken } = await signedIn();
    const forbidden = {
      statusCode: 403,
      error: 'Forbidden',
      message: 'Send the X-Passerelle-Session header with the session cookie.',
      details: [{ path: 'x-passerelle-session', issue: 'must be sent, with the value 1' }],
    };
    const refused = [
      await identity.http.post('/v1/auth/session/refresh').set(withCookie(cookie)).expect(403),
      await identity.http.post('/v1/auth/session/refresh').set({ ...withCookie(cookie), 'x-passerelle-session': 'yes' }).expect(403),
      await identity.http.delete('/v1/auth/session').set(withCookie(cookie)).expect(403),
    ];
    for (const response of refused) {
      expect(response.body).toEqual(forbidden);
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    expect(await rowOf(cookie)).toMatchObject({ used_at: null, revoked_at: null });
    await identity.http.get('/v1/users/me').set(bearer(accessToken)).expect(200);
    await refresh(cookie).expect(200);
  });

  it('answers 401 and clears the cookie when there is none, or it holds no token of ours', async () => {
    const missing = await identity.http.post('/v1/auth/session/refresh').set(HEADER).expect(401);
    expect(missing.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'No session.', details: [{ path: COOKIE, issue: 'is missing' }] });
    expectClearedCookie(missing);
    const others = await identity.http.post('/v1/auth/session/refresh').set({ ...HEADER, cookie: 'lang=fr' }).expect(401);
    expect(others.body.details).toEqual([{ path: COOKIE, issue: 'is missing' }]);
    for (const value of ['not-a-token', 'A'.repeat(43)]) {
      const refused = await refresh(value).expect(401);
      expect(refused.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Invalid credentials.', details: [] });
      expectClearedCookie(refused);
    }
  });

  it("refuses another network's name with the member's credentials, and scopes the token to the member's network", async () => {
    const { person, accessToken } = await signedIn();
    const other = await createTestNetwork(identity.http, admin, 'web');
    const elsewhere = await openSession({ ...person, network: other.slug }).expect(401);
    expect(elsewhere.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Invalid credentials.', details: [] });
    expect(elsewhere.headers['set-cookie']).toBeUndefined();
    const read = await identity.http.get(`/v1/networks/${other.id}`).set(bearer(accessToken)).expect(404);
    expect(read.body).toMatchObject({ statusCode: 404, details: [{ path: 'id' }] });
  });

  it('names the field of bad input, and sets no cookie', async () => {
    const network = await createTestNetwork(identity.http, admin, 'web');
    const person = await member(network);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ network: network.slug, email: 'not-an-address', password: person.password }, 'email'],
      [{ network: 'Not A Slug', email: person.email, password: person.password }, 'network'],
      [{ network: network.slug, email: person.email }, 'password'],
    ];
    for (const [body, field] of cases) {
      const response = await identity.http.post('/v1/auth/session').send(body).expect(400);
      // A missing field breaks each of its rules: one detail per rule, all naming it.
      expect({ field, paths: [...new Set(response.body.details.map((detail: { path: string }) => detail.path))] }).toEqual({ field, paths: [field] });
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('throttles with the login it shares: failures on /v1/auth/login hold the session route back too', async () => {
    const network = await createTestNetwork(identity.http, admin, 'web');
    const person = await member(network);
    // An address of this run alone: the per-address count outlives a run within its window.
    const from = { 'x-forwarded-for': `10.9.${randomInt(0, 256)}.${randomInt(1, 255)}` };
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await identity.http.post('/v1/auth/login').set(from).send({ network: network.slug, email: person.email, password: 'wrong-password' }).expect(401);
    }
    const held = await identity.http.post('/v1/auth/session').set(from).send({ network: network.slug, email: person.email, password: person.password }).expect(429);
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
    expect(held.headers['set-cookie']).toBeUndefined();
  });

  it("logs out from the cookie: the login's tokens are revoked, the access token refused, the cookie cleared; again, nothing changes", async () => {
    const { network, person, cookie, accessToken } = await signedIn();
    const ended = await identity.http.delete('/v1/auth/session').set({ ...HEADER, ...withCookie(cookie) }).expect(204);
    expectClearedCookie(ended);
    expect(ended.text).toBe('');
    await expectEventually(() => identity.http.get('/v1/users/me').set(bearer(accessToken)).expect(401));
    expect((await rowOf(cookie)).revoked_at).not.toBeNull();
    expectClearedCookie(await refresh(cookie).expect(401));
    const [record] = await probe.waitFor((candidate) => candidate.key === person.userId && candidate.headers['ce_type'] === userAccessRevoked.type);
    expect(record.data).toEqual({ userId: person.userId, networkId: network.id, accountKind: 'user', tokenEpoch: 1, reason: 'logout', revokedAt: expect.any(String) });
    expect(validateEventData(userAccessRevoked, record.data)).toEqual({ valid: true });

    // Idempotent: the same cookie, or none at all, is answered alike and revokes nothing more.
    expectClearedCookie(await identity.http.delete('/v1/auth/session').set({ ...HEADER, ...withCookie(cookie) }).expect(204));
    expectClearedCookie(await identity.http.delete('/v1/auth/session').set(HEADER).expect(204));
    const [{ token_epoch: epoch }] = await identity.dataSource.query('SELECT token_epoch FROM users WHERE id = $1', [person.userId]);
    expect(epoch).toBe(1);
    // A new login works.
    await openSession(person).expect(200);
  });

  it('refuses to refresh the session of a disabled account, and clears its cookie', async () => {
    const { person, cookie } = await signedIn();
    await identity.http.post(`/v1/users/${person.userId}/disable`).set(bearer(admin)).expect(200);
    const refused = await refresh(cookie).expect(401);
    expect(refused.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Invalid credentials.', details: [] });
    expectClearedCookie(refused);
    await openSession(person).expect(401);
  });
});
