import { deadLetterTopic, TOPICS, userRegistered } from '@passerelle/contracts';
import { adminToken, createTestApp, createTestNetwork, expectEventually, KafkaProbe, RawProducer, TcpProxy, type TestApp, testDatabaseUrl } from '@passerelle/testing';
import { Client } from 'pg';
import { evaluationApp } from '../../apps/evaluation/src/evaluation.app';
import { identityApp } from '../../apps/identity/src/identity.app';
import { appliedCount, expectExactEffects, type Get, type Query, sendBurst, waitUntilMidway } from './evaluation-burst';

/** How long each cut lasts ("for a while"), with a request every second meanwhile. */
const CUT_MS = 8_000;
const REQUEST_EVERY_MS = 1_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The app's database, reached through a proxy the test can cut. */
function throughProxy(service: string): { proxy: TcpProxy; url: () => string } {
  const database = new URL(testDatabaseUrl(service));
  const proxy = new TcpProxy(database.hostname, Number(database.port || 5432));
  return {
    proxy,
    url: () => {
      const proxied = new URL(database);
      proxied.port = String(proxy.port);
      return proxied.toString();
    },
  };
}

/**
 * The network path to one service's database is cut for a while: requests
 * fail cleanly with 503, readiness goes red while liveness stays green, and
 * the service recovers by itself when the database is reachable again. On a
 * consuming service, the cut lands in the middle of a burst (transactions
 * die half-way), and the events that keep arriving wait: none is
 * dead-lettered or lost, and each counts once after recovery.
 */
describe('database outage', () => {
  const identityDatabase = throughProxy('identity');
  const evaluationDatabase = throughProxy('evaluation');
  let identity: TestApp;
  let evaluation: TestApp;
  let probe: KafkaProbe;
  let deadLetters: KafkaProbe;
  let admin: string;

  beforeAll(async () => {
    await identityDatabase.proxy.start();
    await evaluationDatabase.proxy.start();
    probe = await new KafkaProbe([userRegistered.topic]).start();
    deadLetters = await new KafkaProbe(TOPICS.map((topic) => deadLetterTopic(topic.name))).start();
    identity = await createTestApp(identityApp, { env: { DATABASE_URL: identityDatabase.url() } });
    evaluation = await createTestApp(evaluationApp, {
      env: { DATABASE_URL: evaluationDatabase.url(), AUTH_JWKS_URL: `${identity.url}/.well-known/jwks.json` },
    });
    admin = await adminToken(identity.http);
  });

  afterAll(async () => {
    await probe?.stop();
    await deadLetters?.stop();
    await evaluation?.close();
    await identity?.close();
    await identityDatabase.proxy.stop();
    await evaluationDatabase.proxy.stop();
  });

  const register = (networkId: string, email: string) =>
    identity.http.post('/v1/users').set('authorization', `Bearer ${admin}`).send({ networkId, email, displayName: email.split('@')[0] });

  it('answers 503 while the database is unreachable and recovers without a restart', async () => {
    const networkId = (await createTestNetwork(identity.http, admin, 'db-outage')).id;

    identityDatabase.proxy.disconnect();
    const cutAt = Date.now();
    let attempts = 0;
    while (Date.now() - cutAt < CUT_MS) {
      const refused = await register(networkId, `cut-${attempts++}@example.org`);
      expect(refused.status).toBe(503);
      expect(refused.headers['retry-after']).toBe('5');
      expect(refused.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable', details: [] });
      const ready = await identity.http.get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.error.database.status).toBe('down');
      await identity.http.get('/health/live').expect(200);
      await pause(REQUEST_EVERY_MS);
    }
    expect(attempts).toBeGreaterThanOrEqual(CUT_MS / (REQUEST_EVERY_MS + 1_000));

    identityDatabase.proxy.restore();
    await expectEventually(async () => expect((await identity.http.get('/health/ready')).status).toBe(200), { timeoutMs: 30_000 });
    const created = await expectEventually(
      async () => {
        const response = await register(networkId, 'back@example.org');
        expect(response.status).toBe(201);
        return response;
      },
      { timeoutMs: 30_000 },
    );
    // Nothing of the refused requests was written; the later one is published once the relay reconnects.
    const emails = await identity.dataSource.query('SELECT email FROM users WHERE network_id = $1', [networkId]);
    expect(emails).toEqual([{ email: 'back@example.org' }]);
    const records = await probe.waitFor((record) => record.key === created.body.id, 1, 60_000);
    expect(records).toHaveLength(1);
  });

  it('keeps the events that arrive while a consumer has no database, and counts each once when it returns', async () => {
    const networkId = (await createTestNetwork(identity.http, admin, 'db-consumer')).id;
    const registrations = () => evaluation.http.get(`/v1/reports/networks/${networkId}/registrations`).set('authorization', `Bearer ${admin}`);
    await register(networkId, 'first@example.org').expect(201);
    await expectEventually(async () => expect((await registrations()).body.registeredUsers).toBe(1));
    // The test reads evaluation's database directly, not through the proxy it cuts.
    const direct = new Client({ connectionString: testDatabaseUrl('evaluation') });
    await direct.connect();
    const query: Query = async (sql, params) => (await direct.query(sql, params)).rows;
    const get: Get = async (path) => {
      const response = await evaluation.http.get(path).set('authorization', `Bearer ${admin}`);
      return { status: response.status, body: response.body };
    };
    const burstNetworkId = (await createTestNetwork(identity.http, admin, 'db-burst')).id;
    const producer = new RawProducer();
    const burst = await sendBurst(producer, burstNetworkId).finally(() => producer.stop());
    const appliedBefore = await waitUntilMidway(query, burst.ids);

    evaluationDatabase.proxy.disconnect();
    const appliedAtCut = await appliedCount(query, burst.ids);
    process.stderr.write(`database-outage: evaluation's database cut with ${appliedAtCut} of the burst's ${burst.ids.length} events applied\n`);
    expect(appliedAtCut).toBeGreaterThanOrEqual(appliedBefore);
    const cutAt = Date.now();
    const written: string[] = [];
    while (Date.now() - cutAt < CUT_MS) {
      // The producer is healthy: its writes succeed and are published while the consumer cannot apply them.
      const response = await register(networkId, `while-cut-${written.length}@example.org`).expect(201);
      written.push(response.body.id);
      const read = await registrations();
      expect(read.status).toBe(503);
      expect(read.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
      const ready = await evaluation.http.get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.error.database.status).toBe('down');
      await evaluation.http.get('/health/live').expect(200);
      await pause(REQUEST_EVERY_MS);
    }
    // Nothing of the burst took effect during the cut.
    expect(await appliedCount(query, burst.ids)).toBe(appliedAtCut);
    const published = await probe.waitFor((record) => written.includes(record.key ?? ''), written.length, 30_000);

    evaluationDatabase.proxy.restore();
    await expectEventually(async () => expect((await registrations()).body.registeredUsers).toBe(1 + written.length), { timeoutMs: 60_000, intervalMs: 250 });
    await expectEventually(async () => expect((await evaluation.http.get('/health/ready')).status).toBe(200), { timeoutMs: 30_000 });
    // Each event applied once (its inbox row), none dead-lettered for want of a database.
    const [{ applied }] = await evaluation.dataSource.query(
      `SELECT count(*)::int AS applied FROM inbox WHERE consumer_group = 'passerelle.evaluation' AND event_id = ANY($1)`,
      [published.map((record) => record.headers['ce_id'])],
    );
    expect(applied).toBe(written.length);
    const dead = deadLetters.records.filter((record) => written.includes(record.key ?? '') && record.headers['dlt_consumer_group'] === 'passerelle.evaluation');
    expect(dead).toEqual([]);
    expect((await registrations()).body.registeredUsers).toBe(1 + written.length);
    // The burst the cut interrupted: every event applied once, every figure exact, none dead-lettered.
    try {
      await expectExactEffects({ query, get }, { networkId: burstNetworkId, ...burst });
    } finally {
      await direct.end();
    }
    expect(deadLetters.records.filter((record) => burst.ids.includes(record.headers['ce_id']))).toEqual([]);
  });
});
