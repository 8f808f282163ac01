import { argon2id, hash } from 'argon2';
import { randomUUID } from 'crypto';
import type request from 'supertest';
import type { DataSource } from 'typeorm';

type Http = ReturnType<typeof request>;

export interface Credentials {
  /** The network's slug. */
  readonly network: string;
  readonly email: string;
  readonly password: string;
}

/**
 * The platform admin identity bootstraps with its development defaults
 * (apps/identity/src/config.ts), unless the test run sets its own.
 */
export const DEV_PLATFORM_ADMIN: Credentials = {
  network: 'platform',
  email: process.env['PLATFORM_ADMIN_EMAIL'] ?? 'platform-admin@example.org',
  password: process.env['PLATFORM_ADMIN_PASSWORD'] ?? 'development-only-admin-password',
};

export interface LoggedIn {
  readonly accessToken: string;
  readonly refreshToken: string;
}

/** Logs in over HTTP, as a client would; fails the test unless identity answers 200. */
export async function loginAs(identity: Http, credentials: Credentials): Promise<LoggedIn> {
  const { network, email, password } = credentials;
  const response = await identity.post('/v1/auth/login').send({ network, email, password });
  if (response.status !== 200) throw new Error(`login as ${credentials.email} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return { accessToken: response.body.accessToken, refreshToken: response.body.refreshToken };
}

/** A token is reused this long (access tokens live 15 minutes by default). */
const ADMIN_TOKEN_REUSE_MS = 5 * 60_000;
const adminTokens = new WeakMap<Http, { readonly token: Promise<string>; readonly until: number }>();

/**
 * The development platform admin's access token, reused per identity app for
 * a few minutes: tests create members in parallel, and identity throttles an
 * account with many logins in flight at once (they count as failures until
 * they succeed), so a login per member would be refused with 429 under load.
 */
export function adminToken(identity: Http): Promise<string> {
  const cached = adminTokens.get(identity);
  if (cached && cached.until > Date.now()) return cached.token;
  const token = loginAs(identity, DEV_PLATFORM_ADMIN).then((session) => session.accessToken);
  token.catch(() => adminTokens.delete(identity));
  adminTokens.set(identity, { token, until: Date.now() + ADMIN_TOKEN_REUSE_MS });
  return token;
}

export interface TestNetwork {
  readonly id: string;
  readonly slug: string;
}

/** A fresh network (tenant) for one test, created by the platform admin over HTTP. */
export async function createTestNetwork(identity: Http, token: string, prefix = 'net'): Promise<TestNetwork> {
  const slug = `${prefix}-${randomUUID().slice(0, 8)}`;
  const response = await identity
    .post('/v1/networks')
    .set('authorization', `Bearer ${token}`)
    .send({ name: `Network ${slug}`, slug, allowedEmailDomains: ['example.org'], registrationPolicy: 'invitation' });
  if (response.status !== 201) throw new Error(`creating a network answered ${response.status}: ${JSON.stringify(response.body)}`);
  return { id: response.body.id, slug };
}

/**
 * A member of `network` who can log in, with the given account roles.
 * Created over HTTP by the platform admin; the password and roles are set
 * in identity's database, because an account created by an organizer has
 * no password until its owner sets one by mail.
 */
export async function createTestMember(
  identity: Http,
  identityDatabase: DataSource,
  network: TestNetwork,
  options: { readonly email?: string; readonly roles?: readonly string[] } = {},
): Promise<Credentials & { readonly userId: string }> {
  const email = options.email ?? `member-${randomUUID().slice(0, 8)}@example.org`;
  const password = `pw-${randomUUID()}`;
  const response = await identity
    .post('/v1/users')
    .set('authorization', `Bearer ${await adminToken(identity)}`)
    .send({ networkId: network.id, email, displayName: 'Test member' });
  if (response.status !== 201) throw new Error(`registering ${email} answered ${response.status}: ${JSON.stringify(response.body)}`);
  await identityDatabase.query('UPDATE users SET password_hash = $2, roles = $3 WHERE id = $1', [
    response.body.id,
    await hash(password, { type: argon2id }),
    options.roles ?? [],
  ]);
  return { network: network.slug, email, password, userId: response.body.id };
}
