import { createEnvelope, toKafkaMessage, userRegistered } from '@passerelle/contracts';
import {
  adminToken,
  createTestApp,
  createTestMember,
  createTestNetwork,
  expectEventually,
  loginAs,
  RawProducer,
  ServiceProcess,
  type TestApp,
  testDatabaseUrl,
} from '@passerelle/testing';
import { identityApp } from '../apps/identity/src/identity.app';
import { randomUUID } from 'crypto';

/**
 * Evaluation as its own process. Killed with SIGKILL after its effects
 * committed but before its offsets did, it re-reads those records on restart
 * and the inbox keeps it from counting them twice; stopped with SIGTERM, it
 * commits what it processed, so nothing is re-read.
 */
describe('a consuming service killed or stopped, then restarted', () => {
  const producer = new RawProducer();
  let identity: TestApp;
  let evaluation: ServiceProcess;
  let networkId: string;
  let token: string;

  beforeAll(async () => {
    // Identity issues the organizer's token and serves the keys evaluation verifies it with.
    identity = await createTestApp(identityApp);
    const network = await createTestNetwork(identity.http, await adminToken(identity.http), 'restart');
    networkId = network.id;
    const organizer = await createTestMember(identity.http, identity.dataSource, network, { roles: ['organizer'] });
    token = (await loginAs(identity.http, organizer)).accessToken;
    evaluation = new ServiceProcess('evaluation', 3915, {
      DATABASE_URL: testDatabaseUrl('evaluation'),
      AUTH_JWKS_URL: `${identity.url}/.well-known/jwks.json`,
      // Offsets would be committed only after 10 minutes: the kill always comes first.
      CONSUMER_COMMIT_INTERVAL_MS: '600000',
      LOG_LEVEL: 'info',
    });
  });

  afterAll(async () => {
    await evaluation?.kill();
    await producer.stop();
    await identity?.close();
  });

  async function register(networkId: string, count: number): Promise<void> {
    const messages = Array.from({ length: count }, (_, i) =>
      toKafkaMessage(
        createEnvelope(userRegistered, {
          userId: randomUUID(),
          networkId,
          email: `member-${i}@example.org`,
          displayName: `Member ${i}`,
          roles: [],
          registeredAt: new Date().toISOString(),
        }),
      ),
    );
    await producer.send(userRegistered.topic, messages);
  }

  async function registered(networkId: string): Promise<number> {
    const response = await fetch(`${evaluation.url}/v1/reports/networks/${networkId}/registrations`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { registeredUsers: number }).registeredUsers;
  }

  const duplicates = () =>
    evaluation.metric('events_consumed_total', { type: userRegistered.type, outcome: 'duplicate' });

  it('does not double-count after SIGKILL, and re-reads nothing after SIGTERM', async () => {
    await evaluation.start();
    // The organizer's own registration is the first one counted.
    await expectEventually(async () => expect(await registered(networkId)).toBe(1), { timeoutMs: 60_000 });
    await register(networkId, 40);
    await expectEventually(async () => expect(await registered(networkId)).toBe(41), { timeoutMs: 60_000 });

    await evaluation.kill();
    await evaluation.start();
    await register(networkId, 1);
    await expectEventually(async () => expect(await registered(networkId)).toBe(42), { timeoutMs: 120_000 });
    // The 40 (and the organizer's) were delivered again (their offsets were never committed) and skipped.
    expect(await duplicates()).toBeGreaterThanOrEqual(40);

    const stopped = await evaluation.terminate();
    expect(stopped.exit).toBe('SIGTERM');
    expect(stopped.log.some((line) => line.includes('"msg":"stopped"'))).toBe(true);
    await evaluation.start();
    await register(networkId, 1);
    await expectEventually(async () => expect(await registered(networkId)).toBe(43), { timeoutMs: 90_000 });
    expect(await duplicates()).toBe(0);
  });
});
