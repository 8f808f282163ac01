import { userRegistered } from '@passerelle/contracts';
import { adminToken, createTestApp, createTestNetwork, expectEventually, KafkaProbe, type TestApp } from '@passerelle/testing';
import { evaluationApp } from '../apps/evaluation/src/evaluation.app';
import { identityApp } from '../apps/identity/src/identity.app';
import { ensureCatalogueTopics } from '../tools/dev/catalogue-topics';
import { LocalKafka } from '../tools/kafka/local-kafka';

/**
 * Kafka goes away for a while (its own broker here, so the rest of the suite
 * is not disturbed): writes keep succeeding, liveness stays up, readiness
 * says the consumer is down, and once the broker is back the event written
 * meanwhile is published exactly once and counted.
 */
describe('Kafka outage', () => {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const broker = new LocalKafka({ port: 29094, log });
  let identity: TestApp;
  let evaluation: TestApp;

  beforeAll(async () => {
    await broker.start();
    await ensureCatalogueTopics(broker.brokers, log);
    const env = { KAFKA_BROKERS: broker.brokers };
    // A tiny backlog threshold, so the events piling up during the outage turn identity's readiness red.
    identity = await createTestApp(identityApp, { env: { ...env, OUTBOX_READY_BACKLOG: '1' } });
    evaluation = await createTestApp(evaluationApp, { env: { ...env, AUTH_JWKS_URL: `${identity.url}/.well-known/jwks.json` } });
  });

  afterAll(async () => {
    await identity?.close();
    await evaluation?.close();
    await broker.stop();
  });

  it('keeps accepting writes and publishes them exactly once when the broker returns', async () => {
    const admin = await adminToken(identity.http);
    const networkId = (await createTestNetwork(identity.http, admin, 'outage')).id;
    const registrations = () =>
      evaluation.http.get(`/v1/reports/networks/${networkId}/registrations`).set('authorization', `Bearer ${admin}`).expect(200);
    await identity.http.post('/v1/users').set('authorization', `Bearer ${admin}`).send({ networkId, email: 'before@example.org', displayName: 'Before' }).expect(201);
    await expectEventually(async () => expect((await registrations()).body.registeredUsers).toBe(1));

    await broker.stop();
    const during = await identity.http
      .post('/v1/users').set('authorization', `Bearer ${admin}`)
      .send({ networkId, email: 'during@example.org', displayName: 'During' })
      .expect(201);
    const userId = during.body.id as string;
    const [row] = await identity.dataSource.query('SELECT published_at FROM outbox WHERE message_key = $1', [userId]);
    expect(row).toEqual({ published_at: null });
    const alsoDuring = await identity.http
      .post('/v1/users').set('authorization', `Bearer ${admin}`)
      .send({ networkId, email: 'also-during@example.org', displayName: 'Also during' })
      .expect(201);
    const identityReady = await identity.http.get('/health/ready').expect(503);
    expect(identityReady.body.error.outbox).toMatchObject({ status: 'down', threshold: 1 });
    expect(identityReady.body.error.outbox.backlog).toBeGreaterThanOrEqual(2);

    await identity.http.get('/health/live').expect(200);
    await evaluation.http.get('/health/live').expect(200);
    await expectEventually(
      async () => {
        const ready = await evaluation.http.get('/health/ready');
        expect(ready.status).toBe(503);
        expect(ready.body.error.kafka.status).toBe('down');
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );

    await broker.start();
    await expectEventually(async () => expect((await registrations()).body.registeredUsers).toBe(3), { timeoutMs: 90_000 });
    await expectEventually(async () => expect((await evaluation.http.get('/health/ready')).status).toBe(200), { timeoutMs: 60_000 });
    await identity.http.get('/health/ready').expect(200);

    // Exactly one record for the user written during the outage, in the whole topic.
    const all = await new KafkaProbe([userRegistered.topic], { brokers: [broker.brokers], fromBeginning: true }).start();
    try {
      await all.waitFor((record) => record.key === userId);
      const [published] = await identity.dataSource.query('SELECT published_at FROM outbox WHERE message_key = $1', [userId]);
      expect(published.published_at).not.toBeNull();
      await expectEventually(async () => {
        const before = all.records.find((record) => (record.data as { email?: string })?.email === 'before@example.org');
        expect(before).toBeDefined();
      });
      await all.waitFor((record) => record.key === alsoDuring.body.id);
      expect(all.records.filter((record) => record.key === userId)).toHaveLength(1);
      expect(all.records.filter((record) => record.key === alsoDuring.body.id)).toHaveLength(1);
    } finally {
      await all.stop();
    }
  });
});
