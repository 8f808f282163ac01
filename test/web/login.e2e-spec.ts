import { adminToken, createTestApp, createTestMember, createTestNetwork, freePort, type TestApp } from '@passerelle/testing';
import { createApiClient } from '../../apps/web/src/api/client';
import { authApi } from '../../apps/web/src/features/auth/auth-api';
import { problemsOf } from '../../apps/web/src/features/auth/login-problems';
import { identityApp } from '../../apps/identity/src/identity.app';

/**
 * The web application's login screen against the real identity service:
 * the calls it makes through the generated client (apps/web/src/api), and
 * how it places the service's real answers on the form.
 */
describe('the web application’s login screen on the identity service', () => {
  let identity: TestApp;

  beforeAll(async () => {
    identity = await createTestApp(identityApp);
  });

  afterAll(async () => {
    await identity?.close();
  });

  const auth = () => authApi(createApiClient({ baseUrl: identity.url }));
  const freshMember = async () => {
    const network = await createTestNetwork(identity.http, await adminToken(identity.http), 'web');
    return { network, member: await createTestMember(identity.http, identity.dataSource, network) };
  };

  it('signs a member in, and the home reads who is signed in', async () => {
    const { network, member } = await freshMember();
    const outcome = await auth().logIn({ network: network.slug, email: member.email, password: member.password });
    if (outcome.kind !== 'signed-in') throw new Error(`expected a sign-in, got ${JSON.stringify(outcome)}`);
    const me = await auth().me(outcome.accessToken);
    expect({ id: me.id, networkId: me.networkId, email: me.email, displayName: me.displayName }).toEqual({
      id: member.userId,
      networkId: network.id,
      email: member.email,
      displayName: 'Test member',
    });
  });

  it('puts the service’s problem with an ill-formed address beside the e-mail field', async () => {
    const { network, member } = await freshMember();
    const outcome = await auth().logIn({ network: network.slug, email: 'not-an-address', password: member.password });
    if (outcome.kind !== 'rejected') throw new Error(`expected a rejection, got ${JSON.stringify(outcome)}`);
    expect(outcome.error.statusCode).toBe(400);
    const problems = problemsOf(outcome.error);
    expect(Object.keys(problems.fields)).toEqual(['email']);
    expect(problems.fields.email).toEqual(outcome.error.details.find((detail) => detail.path === 'email')?.issue);
    expect(problems.general).toBe('login.error.fields');
  });

  it('answers a wrong password with the general message, naming no field', async () => {
    const { network, member } = await freshMember();
    const outcome = await auth().logIn({ network: network.slug, email: member.email, password: `${member.password}-wrong` });
    if (outcome.kind !== 'rejected') throw new Error(`expected a rejection, got ${JSON.stringify(outcome)}`);
    expect(outcome.error.statusCode).toBe(401);
    expect(problemsOf(outcome.error)).toEqual({ fields: {}, general: 'login.error.invalidCredentials' });
  });

  it('refuses the home a token the service did not sign', async () => {
    await expect(auth().me('not.a.token')).rejects.toThrow();
  });

  it('says the service is unreachable when nothing listens', async () => {
    const nowhere = authApi(createApiClient({ baseUrl: `http://127.0.0.1:${await freePort()}` }));
    expect(await nowhere.logIn({ network: 'any', email: 'camille@example.org', password: 'whatever' })).toEqual({ kind: 'unreachable' });
  });
});
