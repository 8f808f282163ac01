import { createEnvelope, deadLetterTopic, toKafkaMessage, userRegistered, type UserRegisteredData } from '@passerelle/contracts';
import { createTestApp, expectEventually, KafkaProbe, RawProducer, type TestApp } from '@passerelle/testing';
import { randomUUID } from 'crypto';
import { ALWAYS_FAILS, probeApp } from './probe-service';

/**
 * The consuming side of PRODUCT.md's delivery guarantees, on the real
 * broker: an event delivered twice has one effect, a record that fails its
 * schema or whose handler keeps failing ends in `<topic>.dlt` with headers
 * saying why, and the records behind it on the partition are processed.
 */
describe('event consumer (inbox, retries, dead-letter topic)', () => {
  const topic = userRegistered.topic;
  let app: TestApp;
  let producer: RawProducer;
  let deadLetters: KafkaProbe;

  beforeAll(async () => {
    deadLetters = await new KafkaProbe([deadLetterTopic(topic)]).start();
    producer = new RawProducer();
    app = await createTestApp(probeApp, { env: { CONSUMER_MAX_ATTEMPTS: '3', CONSUMER_RETRY_BASE_MS: '20' } });
  });

  afterAll(async () => {
    await deadLetters?.stop();
    await producer?.stop();
    await app?.close();
  });

  /** One aggregate (key), so every record of a test lands on one partition, in order. */
  function registration(userId: string, networkId: string, displayName = 'Someone'): UserRegisteredData {
    return { userId, networkId, email: `${userId}@example.org`, displayName, roles: [], registeredAt: new Date().toISOString() };
  }

  async function effectsOf(eventId: string): Promise<number> {
    const [{ count }] = await app.dataSource.query('SELECT count(*)::int AS count FROM probe_effects WHERE event_id = $1', [eventId]);
    return count;
  }

  /** Sends a valid event behind the others on the same key and waits for its effect: everything before it was handled. */
  async function sendSentinel(userId: string, networkId: string): Promise<void> {
    const sentinel = createEnvelope(userRegistered, registration(userId, networkId));
    await producer.send(topic, [toKafkaMessage(sentinel)]);
    await expectEventually(async () => expect(await effectsOf(sentinel.id)).toBe(1));
  }

  it('applies an event delivered several times exactly once', async () => {
    const [userId, networkId] = [randomUUID(), randomUUID()];
    const envelope = createEnvelope(userRegistered, registration(userId, networkId));
    const message = toKafkaMessage(envelope);
    await producer.send(topic, [message, message]);
    await producer.send(topic, [message]);
    await sendSentinel(userId, networkId);

    expect(await effectsOf(envelope.id)).toBe(1);
    const [{ count }] = await app.dataSource.query('SELECT count(*)::int AS count FROM inbox WHERE event_id = $1', [envelope.id]);
    expect(count).toBe(1);
    const metrics = await app.http.get('/metrics').expect(200);
    expect(metrics.text).toMatch(new RegExp(`events_consumed_total\\{[^}]*outcome="duplicate"[^}]*\\} ([2-9]|\\d{2,})`));
  });

  it('sends a record that fails its schema to the dead-letter topic, with why, and moves on', async () => {
    const [userId, networkId] = [randomUUID(), randomUUID()];
    const valid = toKafkaMessage(createEnvelope(userRegistered, registration(userId, networkId)));
    const { email: _dropped, ...withoutEmail } = JSON.parse(valid.value) as Record<string, unknown>;
    const poison = { ...valid, value: JSON.stringify(withoutEmail) };
    await producer.send(topic, [poison]);
    await sendSentinel(userId, networkId);

    const [dead] = await deadLetters.waitFor((record) => record.headers['ce_id'] === valid.headers['ce_id']);
    expect(dead.headers).toMatchObject({
      dlt_original_topic: topic,
      dlt_consumer_group: 'passerelle.probe',
      dlt_reason: 'schema',
      dlt_attempts: '0',
      ce_type: userRegistered.type,
    });
    expect(dead.headers['dlt_error']).toMatch(/email/);
    expect(Number(dead.headers['dlt_original_partition'])).toBeGreaterThanOrEqual(0);
    expect(Number(dead.headers['dlt_original_offset'])).toBeGreaterThanOrEqual(0);
    expect(dead.key).toBe(userId);
    expect(dead.value).toBe(poison.value);
    expect(await effectsOf(valid.headers['ce_id'])).toBe(0);
  });

  it('sends a record that is not JSON to the dead-letter topic', async () => {
    const [userId, networkId] = [randomUUID(), randomUUID()];
    const valid = toKafkaMessage(createEnvelope(userRegistered, registration(userId, networkId)));
    await producer.send(topic, [{ ...valid, value: '{"userId": ' }]);
    await sendSentinel(userId, networkId);
    const [dead] = await deadLetters.waitFor((record) => record.headers['ce_id'] === valid.headers['ce_id']);
    expect(dead.headers['dlt_reason']).toBe('bad_json');
  });

  it('retries a failing handler with back-off, then dead-letters it with nothing half-written', async () => {
    const [userId, networkId] = [randomUUID(), randomUUID()];
    const failing = createEnvelope(userRegistered, registration(userId, networkId, ALWAYS_FAILS));
    await producer.send(topic, [toKafkaMessage(failing)]);
    await sendSentinel(userId, networkId);

    const [dead] = await deadLetters.waitFor((record) => record.headers['ce_id'] === failing.id);
    expect(dead.headers).toMatchObject({ dlt_reason: 'handler_failed', dlt_attempts: '3', dlt_consumer_group: 'passerelle.probe' });
    expect(dead.headers['dlt_error']).toContain('simulated handler failure');
    // Each attempt's effect was rolled back with its inbox row.
    expect(await effectsOf(failing.id)).toBe(0);
    const [{ count }] = await app.dataSource.query('SELECT count(*)::int AS count FROM inbox WHERE event_id = $1', [failing.id]);
    expect(count).toBe(0);
  });

  it('skips an event type it does not know (e.g. a newer version) without dead-lettering it', async () => {
    const [userId, networkId] = [randomUUID(), randomUUID()];
    const valid = toKafkaMessage(createEnvelope(userRegistered, registration(userId, networkId)));
    const newer = { ...valid, headers: { ...valid.headers, ce_type: 'passerelle.identity.user.registered.v9' } };
    await producer.send(topic, [newer]);
    await sendSentinel(userId, networkId);
    expect(await effectsOf(valid.headers['ce_id'])).toBe(0);
    expect(deadLetters.records.some((record) => record.headers['ce_id'] === valid.headers['ce_id'])).toBe(false);
  });
});
