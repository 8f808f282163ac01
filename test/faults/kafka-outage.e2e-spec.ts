import { userRegistered } from '@passerelle/contracts';
import { adminToken, createTestApp, createTestNetwork, expectEventually, KafkaProbe, kafkaBrokers, RawProducer, type TestApp } from '@passerelle/testing';
import { evaluationApp } from '../../apps/evaluation/src/evaluation.app';
import { identityApp } from '../../apps/identity/src/identity.app';
import { parseBroker } from '../../tools/kafka/broker-probe';
import { LocalKafka } from '../../tools/kafka/local-kafka';
import { appliedCount, expectExactEffects, type Get, type Query, sendBurst, waitUntilMidway } from './evaluation-burst';

/** PRODUCT.md: nothing is lost when Kafka is down "for a while"; issue 8 asks for 20 s or more. */
const OUTAGE_MS = 22_000;
const REQUEST_EVERY_MS = 1_000;

/**
 * The test run's broker (the one at TEST_KAFKA_BROKERS, started by the test
 * setup; no other) goes away for more than 20 seconds while requests keep
 * coming: every write succeeds, liveness stays up, readiness says what is
 * wrong, and once the broker is back every event written meanwhile is
 * published exactly once and counted exactly once. The broker is stopped
 * while evaluation is in the middle of a burst on every topic it projects
 * (it goes on applying what it has fetched while the broker shuts down, and
 * re-reads from its last committed offsets when it is back): every effect of
 * the burst counts exactly once.
 */
describe('Kafka outage', () => {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const broker = new LocalKafka({ port: parseBroker(kafkaBrokers().join(',')).port, log });
  let stopped = false;
  let identity: TestApp;
  let evaluation: TestApp;

  beforeAll(async () => {
    // A tiny backlog threshold, so the events piling up during the outage turn identity's readiness red.
    identity = await createTestApp(identityApp, { env: { OUTBOX_READY_BACKLOG: '1' } });
    evaluation = await createTestApp(evaluationApp, { env: { AUTH_JWKS_URL: `${identity.url}/.well-known/jwks.json` } });
  });

  afterAll(async () => {
    // Whatever happened, the rest of the run gets its broker back.
    if (stopped) await broker.start();
    await identity?.close();
    await evaluation?.close();
  });

  it('keeps accepting writes for 20+ seconds without a broker and publishes each exactly once when it returns', async () => {
    const admin = await adminToken(identity.http);
    const networkId = (await createTestNetwork(identity.http, admin, 'outage')).id;
    const registrations = () =>
      evaluation.http.get(`/v1/reports/networks/${networkId}/registrations`).set('authorization', `Bearer ${admin}`).expect(200);
    const register = (email: string) =>
      identity.http.post('/v1/users').set('authorization', `Bearer ${admin}`).send({ networkId, email, displayName: email.split('@')[0] });
    await register('before@example.org').expect(201);
    await expectEventually(async () => expect((await registrations()).body.registeredUsers).toBe(1));
    const burstNetworkId = (await createTestNetwork(identity.http, admin, 'outage-burst')).id;
    const query: Query = (sql, params) => evaluation.dataSource.query(sql, params);
    const get: Get = async (path) => {
      const response = await evaluation.http.get(path).set('authorization', `Bearer ${admin}`);
      return { status: response.status, body: response.body };
    };
    const producer = new RawProducer();
    const burst = await sendBurst(producer, burstNetworkId).finally(() => producer.stop());
    const appliedBefore = await waitUntilMidway(query, burst.ids);

    if (!(await broker.stop())) {
      throw new Error(`the broker at ${broker.brokers} was not started by tools/kafka: this test only stops a broker the test run owns`);
    }
    stopped = true;
    const outageStarted = Date.now();
    log(`kafka-outage: the broker began to stop with ${appliedBefore} of the burst's ${burst.ids.length} events applied, and was gone with ${await appliedCount(query, burst.ids)}`);
    const written: string[] = [];
    const statuses: number[] = [];
    // Requests keep coming, one a second, for the whole outage: while the broker is gone and while it boots again.
    let writing = true;
    const writer = (async () => {
      while (writing) {
        const response = await register(`during-${statuses.length}@example.org`);
        statuses.push(response.status);
        if (response.status === 201) written.push(response.body.id as string);
        await new Promise((resolve) => setTimeout(resolve, REQUEST_EVERY_MS));
      }
    })();
    let evaluationSawIt = false;
    try {
      while (Date.now() - outageStarted < OUTAGE_MS || !evaluationSawIt) {
        await identity.http.get('/health/live').expect(200);
        await evaluation.http.get('/health/live').expect(200);
        const ready = await evaluation.http.get('/health/ready');
        if (ready.status === 503 && ready.body.error?.kafka?.status === 'down') evaluationSawIt = true;
        if (Date.now() - outageStarted > 120_000) throw new Error('evaluation never reported Kafka down');
        await new Promise((resolve) => setTimeout(resolve, REQUEST_EVERY_MS));
      }
      // Every write so far succeeded, and waits in the outbox.
      const sofar = [...written];
      const [{ waiting }] = await identity.dataSource.query('SELECT count(*)::int AS waiting FROM outbox WHERE message_key = ANY($1) AND published_at IS NULL', [sofar]);
      expect(waiting).toBe(sofar.length);
      const identityReadiness = await identity.http.get('/health/ready');
      expect(identityReadiness.status).toBe(503);
      expect(identityReadiness.body.error.outbox).toMatchObject({ status: 'down' });
      expect(identityReadiness.body.error.outbox.backlog).toBeGreaterThanOrEqual(sofar.length);
      await broker.start();
      stopped = false;
    } finally {
      writing = false;
      await writer;
    }
    const outageMs = Date.now() - outageStarted;
    expect(statuses.filter((status) => status !== 201)).toEqual([]);
    expect(written.length).toBeGreaterThanOrEqual(OUTAGE_MS / (REQUEST_EVERY_MS + 1_000));
    const back = Date.now();
    await expectEventually(async () => expect((await registrations()).body.registeredUsers).toBe(1 + written.length), { timeoutMs: 120_000, intervalMs: 250 });
    const caughtUpMs = Date.now() - back;
    await expectEventually(async () => expect((await evaluation.http.get('/health/ready')).status).toBe(200), { timeoutMs: 60_000 });
    await expectEventually(async () => expect((await identity.http.get('/health/ready')).status).toBe(200), { timeoutMs: 30_000 });
    log(`kafka-outage: broker away ${(outageMs / 1000).toFixed(1)} s (stopped, then booting), ${written.length} writes accepted meanwhile, all counted ${(caughtUpMs / 1000).toFixed(1)} s after it returned`);

    // Exactly one record per user written during the outage, in the whole topic.
    const all = await new KafkaProbe([userRegistered.topic], { fromBeginning: true }).start();
    try {
      const ours = new Set(written);
      const keys = await all.waitFor((record) => ours.has(record.key ?? ''), written.length, 60_000);
      expect(keys.map((record) => record.key).sort()).toEqual([...written].sort());
      const [{ published }] = await identity.dataSource.query('SELECT count(*)::int AS published FROM outbox WHERE message_key = ANY($1) AND published_at IS NOT NULL', [written]);
      expect(published).toBe(written.length);
    } finally {
      await all.stop();
    }
    // Still exact a little later: no late redelivery counted twice.
    expect((await registrations()).body.registeredUsers).toBe(1 + written.length);
    // The burst the broker interrupted: every event applied once, every figure exact.
    await expectExactEffects({ query, get }, { networkId: burstNetworkId, ...burst });
  });
});
