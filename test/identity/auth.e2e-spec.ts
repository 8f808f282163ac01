import {
  adminToken,
  createTestApp,
  createTestMember,
  createTestNetwork,
  loginAs,
  type TestApp,
  type TestNetwork,
} from '@passerelle/testing';
import { generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { createHmac, createPublicKey, randomUUID } from 'crypto';
import { evaluationApp } from '../../apps/evaluation/src/evaluation.app';
import { identityConfigSchema } from '../../apps/identity/src/config';
import { identityApp } from '../../apps/identity/src/identity.app';
import { PrivateKeyCipher } from '../../apps/identity/src/tokens/infrastructure/private-key-cipher';

/**
 * Identity's tokens end to end, and the shared guard in another service
 * (evaluation) verifying them offline from identity's JWKS.
 */
describe('identity: tokens, networks, roles and the shared guard', () => {
  let identity: TestApp;
  let evaluation: TestApp;
  let admin: string;

  beforeAll(async () => {
    // One trusted proxy hop, so each test can speak from its own client address (X-Forwarded-For).
    identity = await createTestApp(identityApp, { env: { HTTP_TRUST_PROXY_HOPS: '1' } });
    evaluation = await createTestApp(evaluationApp, { env: { AUTH_JWKS_URL: `${identity.url}/.well-known/jwks.json` } });
    admin = await adminToken(identity.http);
  });

  afterAll(async () => {
    await identity?.close();
    await evaluation?.close();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const report = (networkId: string, token: string) =>
    evaluation.http.get(`/v1/reports/networks/${networkId}/registrations`).set(bearer(token));
  const member = (network: TestNetwork, roles: string[] = []) => createTestMember(identity.http, identity.dataSource, network, { roles });

  /** The private key that signed `token`, decrypted as identity does it, to forge tokens that differ in one respect only. */
  async function identityPrivateKey(token: string): Promise<{ kid: string; jwk: JWK }> {
    const { kid } = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString());
    const [row] = await identity.dataSource.query('SELECT kid, private_jwk_encrypted FROM signing_keys WHERE kid = $1', [kid]);
    const secret = identityConfigSchema.tokenSigningSecret.default;
    return { kid: row.kid, jwk: JSON.parse(new PrivateKeyCipher(secret).decrypt(row.private_jwk_encrypted, row.kid)) };
  }

  function expectUnauthorized(response: { status: number; body: unknown; headers: Record<string, string> }) {
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: expect.any(String),
      details: [{ path: 'authorization', issue: expect.any(String) }],
    });
    expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
  }

  describe('sessions', () => {
    it('logs in, refreshes twice, and logs out; the refreshed access token works', async () => {
      const network = await createTestNetwork(identity.http, admin);
      const person = await member(network);
      const login = await identity.http.post('/v1/auth/login').send({ network: network.slug, email: person.email, password: person.password })
        .expect(200);
      expect(login.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900, refreshToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
      const [header, payload] = login.body.accessToken.split('.').slice(0, 2).map((part: string) => JSON.parse(Buffer.from(part, 'base64url').toString()));
      expect(header).toMatchObject({ alg: 'EdDSA', kid: expect.any(String) });
      expect(payload).toMatchObject({ iss: 'http://127.0.0.1:3001', aud: 'passerelle', sub: person.userId, nid: network.id, roles: [], typ: 'user' });
      expect(payload.exp - payload.iat).toBe(900);
      expect(payload.jti).toEqual(expect.any(String));

      const first = await identity.http.post('/v1/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(200);
      const second = await identity.http.post('/v1/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(200);
      expect(new Set([login.body.refreshToken, first.body.refreshToken, second.body.refreshToken]).size).toBe(3);
      const own = await identity.http.get(`/v1/networks/${network.id}`).set(bearer(second.body.accessToken)).expect(200);
      expect(own.body).toMatchObject({ id: network.id, slug: network.slug });

      await identity.http.post('/v1/auth/logout').send({ refreshToken: second.body.refreshToken }).expect(204);
      await identity.http.post('/v1/auth/refresh').send({ refreshToken: second.body.refreshToken }).expect(401);
      const [{ count }] = await identity.dataSource.query(
        'SELECT count(*)::int AS count FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL',
        [person.userId],
      );
      expect(count).toBe(0);
    });

    it('revokes the whole family when a used refresh token is presented again', async () => {
      const network = await createTestNetwork(identity.http, admin);
      const person = await member(network);
      const login = await loginAs(identity.http, person);
      const rotated = await identity.http.post('/v1/auth/refresh').send({ refreshToken: login.refreshToken }).expect(200);
      const reused = await identity.http.post('/v1/auth/refresh').send({ refreshToken: login.refreshToken }).expect(401);
      expect(reused.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Invalid credentials.', details: [] });
      // The newer token, perhaps in a thief's hands, dies with it.
      await identity.http.post('/v1/auth/refresh').send({ refreshToken: rotated.body.refreshToken }).expect(401);
      // Another login of the same person is another family and still works.
      const other = await loginAs(identity.http, person);
      await identity.http.post('/v1/auth/refresh').send({ refreshToken: other.refreshToken }).expect(200);
    });

    it('gives the same 401 for an unknown e-mail, a wrong password, an unknown network and an account without a password', async () => {
      const network = await createTestNetwork(identity.http, admin);
      const person = await member(network);
      const noPassword = await identity.http.post('/v1/users').set('authorization', `Bearer ${admin}`).send({ networkId: network.id, email: `np-${randomUUID().slice(0, 6)}@example.org`, displayName: 'No password' }).expect(201);
      const attempts = [
        { network: network.slug, email: 'nobody@example.org', password: person.password },
        { network: network.slug, email: person.email, password: 'wrong-password' },
        { network: 'no-such-network', email: person.email, password: person.password },
        { network: network.slug, email: noPassword.body.email, password: 'anything-at-all' },
      ];
      for (const attempt of attempts) {
        const response = await identity.http.post('/v1/auth/login').set('x-forwarded-for', '10.1.0.1').send(attempt).expect(401);
        expect(response.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Invalid credentials.', details: [] });
      }
    });
  });

  describe('the shared guard, in evaluation', () => {
    let network: TestNetwork;
    let organizerToken: string;

    beforeAll(async () => {
      network = await createTestNetwork(identity.http, admin);
      organizerToken = (await loginAs(identity.http, await member(network, ['organizer']))).accessToken;
    });

    it('accepts a valid token of the network', async () => {
      const response = await report(network.id, organizerToken).expect(200);
      expect(response.body).toMatchObject({ networkId: network.id, registeredUsers: expect.any(Number) });
    });

    it('refuses a request without a token, and a member without the role', async () => {
      expectUnauthorized(await evaluation.http.get(`/v1/reports/networks/${network.id}/registrations`));
      const plain = (await loginAs(identity.http, await member(network))).accessToken;
      const forbidden = await report(network.id, plain).expect(403);
      expect(forbidden.body).toMatchObject({ statusCode: 403, error: 'Forbidden', details: [{ path: 'authorization' }] });
    });

    it('refuses a tampered payload', async () => {
      const [header, payload, signature] = organizerToken.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['platform_admin'] })).toString('base64url');
      expectUnauthorized(await report(network.id, `${header}.${forged}.${signature}`));
    });

    it("refuses an expired token signed with identity's own key", async () => {
      const { kid, jwk } = await identityPrivateKey(organizerToken);
      const claims = JSON.parse(Buffer.from(organizerToken.split('.')[1], 'base64url').toString());
      const now = Math.floor(Date.now() / 1000);
      const expired = await new SignJWT({ ...claims, iat: now - 2000, exp: now - 1000 })
        .setProtectedHeader({ alg: 'EdDSA', kid })
        .sign(await importJWK(jwk, 'EdDSA'));
      expectUnauthorized(await report(network.id, expired));
      // The same token with a valid lifetime passes: only the expiry was wrong.
      const fresh = await new SignJWT({ ...claims, iat: now, exp: now + 60 }).setProtectedHeader({ alg: 'EdDSA', kid }).sign(await importJWK(jwk, 'EdDSA'));
      await report(network.id, fresh).expect(200);
    });

    it('refuses a token signed by a key identity never published (unknown kid)', async () => {
      const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
      const claims = JSON.parse(Buffer.from(organizerToken.split('.')[1], 'base64url').toString());
      const foreign = await new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', kid: `unknown-${randomUUID()}` }).sign(privateKey);
      expectUnauthorized(await report(network.id, foreign));
    });

    it('refuses alg none, and HS256 keyed with the public key (as JWK bytes or PEM)', async () => {
      const [header, payload] = organizerToken.split('.');
      const { kid } = JSON.parse(Buffer.from(header, 'base64url').toString());
      const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT', kid })).toString('base64url')}.${payload}.`;
      expectUnauthorized(await report(network.id, unsigned));

      const jwks = await identity.http.get('/.well-known/jwks.json').expect(200);
      const publicJwk = (jwks.body.keys as JWK[]).find((key) => key.kid === kid)!;
      const pem = createPublicKey({ key: publicJwk as never, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
      for (const secret of [JSON.stringify(publicJwk), pem, publicJwk.x!]) {
        const hsHeader = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid })).toString('base64url');
        const signature = createHmac('sha256', secret).update(`${hsHeader}.${payload}`).digest('base64url');
        expectUnauthorized(await report(network.id, `${hsHeader}.${payload}.${signature}`));
      }
    });

    it('answers 404, not 403, for the report of another network', async () => {
      const other = await createTestNetwork(identity.http, admin);
      const response = await report(other.id, organizerToken).expect(404);
      expect(response.body).toMatchObject({ statusCode: 404, details: [{ path: 'networkId' }] });
    });
  });

  describe('signing key rotation', () => {
    it('keeps verifying tokens of the old key after a rotation, and publishes both keys', async () => {
      const network = await createTestNetwork(identity.http, admin);
      const person = await member(network, ['organizer']);
      const before = await loginAs(identity.http, person);
      const oldKid = JSON.parse(Buffer.from(before.accessToken.split('.')[0], 'base64url').toString()).kid;

      // The current key is made older than SIGNING_KEY_ROTATION_DAYS: the next login creates a new key...
      await identity.dataSource.query("UPDATE signing_keys SET created_at = created_at - interval '31 days'");
      await loginAs(identity.http, person);
      const keys = await identity.dataSource.query('SELECT kid FROM signing_keys ORDER BY created_at DESC');
      const newKid = keys[0].kid;
      expect(newKid).not.toBe(oldKid);
      // ...and signs with it once it has been published for the lead time (2 minutes, simulated here).
      await identity.dataSource.query("UPDATE signing_keys SET created_at = created_at - interval '3 minutes' WHERE kid = $1", [newKid]);
      const after = await loginAs(identity.http, person);
      expect(JSON.parse(Buffer.from(after.accessToken.split('.')[0], 'base64url').toString()).kid).toBe(newKid);

      const jwks = await identity.http.get('/.well-known/jwks.json').expect(200);
      expect(jwks.headers['cache-control']).toContain('max-age=300');
      const published = (jwks.body.keys as JWK[]).map((key) => key.kid);
      expect(published).toEqual(expect.arrayContaining([oldKid, newKid]));
      for (const key of jwks.body.keys as JWK[]) {
        expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
        expect(key).not.toHaveProperty('d');
      }
      // Both tokens verify in identity itself and in another service. A fresh evaluation stands in for one whose
      // JWKS cooldown has passed, as it has in production by the time a new key signs (the lead time is longer).
      const verifier = await createTestApp(evaluationApp, { env: { AUTH_JWKS_URL: `${identity.url}/.well-known/jwks.json` }, waitUntilReady: false });
      try {
        for (const token of [before.accessToken, after.accessToken]) {
          await verifier.http.get(`/v1/reports/networks/${network.id}/registrations`).set(bearer(token)).expect(200);
        }
      } finally {
        await verifier.close();
      }
      await identity.http.get(`/v1/networks/${network.id}`).set(bearer(before.accessToken)).expect(200);
      await identity.http.get(`/v1/networks/${network.id}`).set(bearer(after.accessToken)).expect(200);
    });
  });
});
