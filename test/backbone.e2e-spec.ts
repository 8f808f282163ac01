import { fromKafkaMessage, userRegistered, validateEventData } from '@passerelle/contracts';
import { SpanKind } from '@opentelemetry/api';
import {
  adminToken,
  createTestApp,
  createTestMember,
  createTestNetwork,
  expectEventually,
  KafkaProbe,
  loginAs,
  type TestApp,
  testSpans,
} from '@passerelle/testing';
import { randomUUID } from 'crypto';
import { identityApp } from '../apps/identity/src/identity.app';
import { evaluationApp } from '../apps/evaluation/src/evaluation.app';

/**
 * The backbone end to end: identity writes a user and its event in one
 * transaction, the relay publishes it, evaluation's consumer counts it, and
 * the count is readable over HTTP.
 */
describe('registrations projection (identity → Kafka → evaluation)', () => {
  let identity: TestApp;
  let evaluation: TestApp;
  let probe: KafkaProbe;
  let admin: string;

  beforeAll(async () => {
    probe = await new KafkaProbe([userRegistered.topic]).start();
    identity = await createTestApp(identityApp);
    evaluation = await createTestApp(evaluationApp, { env: { AUTH_JWKS_URL: `${identity.url}/.well-known/jwks.json` } });
    admin = await adminToken(identity.http);
  });

  afterAll(async () => {
    await probe?.stop();
    await identity?.close();
    await evaluation?.close();
  });

  async function createNetwork(): Promise<string> {
    return (await createTestNetwork(identity.http, admin)).id;
  }

  const report = (networkId: string) =>
    evaluation.http.get(`/v1/reports/networks/${networkId}/registrations`).set('authorization', `Bearer ${admin}`);

  it('counts the users registered in each network, and only theirs', async () => {
    const [networkA, networkB] = [await createNetwork(), await createNetwork()];
    const userIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await identity.http
        .post('/v1/users').set('authorization', `Bearer ${admin}`)
        .send({ networkId: networkA, email: `Person${i}@Example.org`, displayName: `Person ${i}` })
        .expect(201);
      userIds.push(response.body.id);
    }
    await identity.http.post('/v1/users').set('authorization', `Bearer ${admin}`).send({ networkId: networkB, email: 'other@example.org', displayName: 'Other' }).expect(201);

    await expectEventually(async () => {
      const a = await report(networkA).expect(200);
      const b = await report(networkB).expect(200);
      expect([a.body, b.body]).toMatchObject([
        { networkId: networkA, registeredUsers: 3 },
        { networkId: networkB, registeredUsers: 1 },
      ]);
    });

    // Every record is a CloudEvent in binary mode, keyed by the aggregate id, with a valid payload.
    const records = await probe.waitFor((record) => (record.data as { networkId?: string })?.networkId === networkA, 3);
    for (const record of records) {
      const parsed = fromKafkaMessage({ key: Buffer.from(record.key ?? ''), value: Buffer.from(record.value ?? ''), headers: record.headers });
      expect(parsed.ok).toBe(true);
      expect(record.headers).toMatchObject({
        ce_specversion: '1.0',
        ce_type: userRegistered.type,
        ce_source: '/passerelle/identity',
        ce_networkid: networkA,
        ce_dataschema: userRegistered.dataschema,
        'content-type': 'application/json',
      });
      expect(record.headers['ce_id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(record.headers['traceparent']).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);
      expect(record.key).toBe(record.headers['ce_subject']);
      expect(validateEventData(userRegistered, record.data)).toEqual({ valid: true });
    }
    expect(records.map((record) => record.key).sort()).toEqual([...userIds].sort());
    // E-mail addresses are normalised before they are stored and published.
    expect(records.map((record) => (record.data as { email: string }).email).sort()).toEqual([
      'person0@example.org',
      'person1@example.org',
      'person2@example.org',
    ]);
  });

  it('rejects bad input with a 4xx naming each field, and writes nothing', async () => {
    const networkId = await createNetwork();
    const response = await identity.http
      .post('/v1/users').set('authorization', `Bearer ${admin}`)
      .send({ networkId: 'not-a-uuid', email: 'nope', displayName: '', admin: true })
      .expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    const paths = (response.body.details as { path: string }[]).map((detail) => detail.path);
    expect(paths).toEqual(expect.arrayContaining(['networkId', 'email', 'displayName', 'admin']));

    const unknownNetwork = await identity.http
      .post('/v1/users').set('authorization', `Bearer ${admin}`)
      .send({ networkId: randomUUID(), email: 'a@example.org', displayName: 'A' })
      .expect(404);
    expect(unknownNetwork.body.details).toEqual([{ path: 'networkId', issue: 'does not name an existing network' }]);

    await identity.http.post('/v1/users').set('authorization', `Bearer ${admin}`).send({ networkId, email: 'twice@example.org', displayName: 'Twice' }).expect(201);
    const duplicate = await identity.http
      .post('/v1/users').set('authorization', `Bearer ${admin}`)
      .send({ networkId, email: 'TWICE@example.org', displayName: 'Twice again' })
      .expect(409);
    expect(duplicate.body.details).toEqual([{ path: 'email', issue: 'is already registered' }]);

    const malformed = await identity.http.post('/v1/users').set('authorization', `Bearer ${admin}`).set('content-type', 'application/json').send('{"networkId":').expect(400);
    expect(malformed.body.details).toEqual([{ path: 'body', issue: 'is not valid JSON' }]);

    await report('not-a-uuid').expect(400);
    await expectEventually(async () => {
      const answer = await report(networkId).expect(200);
      expect(answer.body.registeredUsers).toBe(1);
    });
    const [{ count }] = await identity.dataSource.query('SELECT count(*)::int AS count FROM users WHERE network_id = $1', [networkId]);
    expect(count).toBe(1);
  });

  it('lets only an organizer of the network create accounts there: another network is a 404', async () => {
    const [networkA, networkB] = [
      await createTestNetwork(identity.http, admin, 'tenant-a'),
      await createTestNetwork(identity.http, admin, 'tenant-b'),
    ];
    const organizerA = await loginAs(identity.http, await createTestMember(identity.http, identity.dataSource, networkA, { roles: ['organizer'] }));
    const memberA = await loginAs(identity.http, await createTestMember(identity.http, identity.dataSource, networkA));
    const create = (networkId: string, token?: string) => {
      const call = identity.http.post('/v1/users');
      return (token ? call.set('authorization', `Bearer ${token}`) : call).send({ networkId, email: `new-${randomUUID().slice(0, 8)}@example.org`, displayName: 'New' });
    };

    await create(networkA.id, organizerA.accessToken).expect(201);
    await create(networkA.id).expect(401);
    const refused = await create(networkA.id, memberA.accessToken).expect(403);
    expect(refused.body.details).toEqual([{ path: 'networkId', issue: 'is not a network you organise' }]);
    const hidden = await create(networkB.id, organizerA.accessToken).expect(404);
    const unknown = await create(randomUUID(), organizerA.accessToken).expect(404);
    expect(hidden.body).toEqual(unknown.body);
    const [{ count }] = await identity.dataSource.query('SELECT count(*)::int AS count FROM users WHERE network_id = $1', [networkB.id]);
    expect(count).toBe(0);
  });

  it('serves OpenAPI at /docs-json and health outside /v1', async () => {
    const docs = await identity.http.get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/v1/networks', '/v1/users']));
    await identity.http.get('/health/live').expect(200);
    const ready = await evaluation.http.get('/health/ready').expect(200);
    expect(ready.body.info.kafka.state).toBe('joined');
    const metrics = await evaluation.http.get('/metrics').expect(200);
    expect(metrics.text).toMatch(/events_consumed_total\{[^}]*type="passerelle\.identity\.user\.registered\.v1"[^}]*outcome="processed"/);
  });

  it('continues the trace of an HTTP request into the consumer span on the other service', async () => {
    const networkId = await createNetwork();
    const traceId = randomUUID().replace(/-/g, '');
    const traceparent = `00-${traceId}-${'ab'.repeat(8)}-01`;
    const user = await identity.http
      .post('/v1/users').set('authorization', `Bearer ${admin}`)
      .set('traceparent', traceparent)
      .send({ networkId, email: 'traced@example.org', displayName: 'Traced' })
      .expect(201);

    const spans = await expectEventually(() => {
      const inTrace = testSpans.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
      const consumer = inTrace.find(
        (span) => span.kind === SpanKind.CONSUMER && span.attributes['messaging.consumer.group.name'] === 'passerelle.evaluation',
      );
      expect(consumer).toBeDefined();
      return inTrace;
    });
    const kinds = spans.map((span) => span.kind);
    expect(kinds).toEqual(expect.arrayContaining([SpanKind.SERVER, SpanKind.PRODUCER, SpanKind.CONSUMER]));
    const producer = spans.find((span) => span.kind === SpanKind.PRODUCER)!;
    expect(producer.attributes['messaging.destination.name']).toBe(userRegistered.topic);
    const consumer = spans.find((span) => span.kind === SpanKind.CONSUMER)!;
    // The consumer span is the child of the publish span, which is the child of the request's span.
    expect(consumer.parentSpanContext?.spanId).toBe(producer.spanContext().spanId);
    const server = spans.find((span) => span.kind === SpanKind.SERVER)!;
    expect(producer.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
    expect(server.parentSpanContext?.spanId).toBe('ab'.repeat(8));
    const record = await probe.waitFor((r) => r.key === user.body.id);
    expect(record[0].headers['traceparent']).toBe(`00-${traceId}-${producer.spanContext().spanId}-01`);
  });

  it('exposes the backbone metrics', async () => {
    const identityMetrics = (await identity.http.get('/metrics').expect(200)).text;
    expect(identityMetrics).toMatch(/events_published_total\{[^}]*type="passerelle\.identity\.user\.registered\.v1"[^}]*\} [1-9]/);
    expect(identityMetrics).toMatch(/http_requests_total\{[^}]*route="\/v1\/users"[^}]*status="201"/);
    expect(identityMetrics).toMatch(/outbox_backlog\{[^}]*\} \d+/);
    const evaluationMetrics = (await evaluation.http.get('/metrics').expect(200)).text;
    expect(evaluationMetrics).toMatch(/kafka_consumer_lag\{[^}]*group="passerelle\.evaluation"[^}]*topic="passerelle\.identity\.user"/);
    expect(evaluationMetrics).toMatch(/event_handler_duration_seconds_count\{[^}]*type="passerelle\.identity\.user\.registered\.v1"/);
  });
});
