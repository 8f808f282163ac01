import { userRegistered } from '@passerelle/contracts';
import { adminToken, createTestApp, createTestNetwork, expectEventually, KafkaProbe, TcpProxy, type TestApp, testDatabaseUrl } from '@passerelle/testing';
import { identityApp } from '../apps/identity/src/identity.app';

/**
 * The network path to one service's database is cut for a while: requests
 * fail cleanly with 503, readiness goes red while liveness stays green, and
 * the service recovers by itself when the database is reachable again.
 */
describe('database outage', () => {
  const database = new URL(testDatabaseUrl('identity'));
  const proxy = new TcpProxy(database.hostname, Number(database.port || 5432));
  let identity: TestApp;
  let probe: KafkaProbe;

  beforeAll(async () => {
    await proxy.start();
    const throughProxy = new URL(database);
    throughProxy.port = String(proxy.port);
    probe = await new KafkaProbe([userRegistered.topic]).start();
    identity = await createTestApp(identityApp, { env: { DATABASE_URL: throughProxy.toString() } });
  });

  afterAll(async () => {
    await probe?.stop();
    await identity?.close();
    await proxy.stop();
  });

  it('answers 503 while the database is unreachable and recovers without a restart', async () => {
    const admin = await adminToken(identity.http);
    const networkId = (await createTestNetwork(identity.http, admin, 'db-outage')).id;

    proxy.disconnect();
    const refused = await identity.http.post('/v1/users').set('authorization', `Bearer ${admin}`).send({ networkId, email: 'cut@example.org', displayName: 'Cut' });
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable', details: [] });
    const ready = await identity.http.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.error.database.status).toBe('down');
    await identity.http.get('/health/live').expect(200);

    proxy.restore();
    await expectEventually(async () => expect((await identity.http.get('/health/ready')).status).toBe(200), { timeoutMs: 30_000 });
    const created = await expectEventually(
      async () => {
        const response = await identity.http.post('/v1/users').set('authorization', `Bearer ${admin}`).send({ networkId, email: 'back@example.org', displayName: 'Back' });
        expect(response.status).toBe(201);
        return response;
      },
      { timeoutMs: 30_000 },
    );
    // Nothing of the refused request was written; the later one is published once the relay reconnects.
    const emails = await identity.dataSource.query('SELECT email FROM users WHERE network_id = $1', [networkId]);
    expect(emails).toEqual([{ email: 'back@example.org' }]);
    const records = await probe.waitFor((record) => record.key === created.body.id, 1, 60_000);
    expect(records).toHaveLength(1);
  });
});
