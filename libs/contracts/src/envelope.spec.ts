import { version as uuidVersion } from 'uuid';
import { createEnvelope, fromKafkaMessage, InvalidEventError, isEnvelopeOf, toKafkaMessage, type IncomingKafkaMessage } from './envelope';
import { messageSent, userRegistered, userErased } from './events';

const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** What a consumer receives: kafkajs hands keys, values and headers as Buffers. */
function received(message: ReturnType<typeof toKafkaMessage>): IncomingKafkaMessage {
  return {
    key: Buffer.from(message.key),
    value: Buffer.from(message.value),
    headers: Object.fromEntries(Object.entries(message.headers).map(([name, value]) => [name, Buffer.from(value)])),
  };
}

const validMessage = () => toKafkaMessage(createEnvelope(userRegistered, userRegistered.example, { traceparent: TRACEPARENT }));

describe('createEnvelope', () => {
  it('fills the CloudEvents attributes from the definition and the data', () => {
    const envelope = createEnvelope(userRegistered, userRegistered.example, { traceparent: TRACEPARENT });
    expect(envelope).toEqual({
      id: expect.any(String),
      source: '/passerelle/identity',
      type: 'passerelle.identity.user.registered.v1',
      time: expect.any(String),
      subject: userRegistered.example.userId,
      networkId: userRegistered.example.networkId,
      dataschema: 'urn:passerelle:schema:passerelle.identity.user.registered.v1',
      traceparent: TRACEPARENT,
      data: userRegistered.example,
    });
  });

  it('gives every event a new UUIDv7 id and an RFC 3339 time', () => {
    const first = createEnvelope(userErased, userErased.example);
    const second = createEnvelope(userErased, userErased.example);
    expect(first.id).not.toBe(second.id);
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidVersion(first.id)).toBe(7);
    expect(first.time).toMatch(RFC3339);
    expect(Math.abs(Date.parse(first.time) - Date.now())).toBeLessThan(5_000);
    expect(first).not.toHaveProperty('traceparent');
  });

  it('keeps a given id and time (the outbox replays what it stored)', () => {
    const id = '0194a3c2-5e00-7c1a-9b2d-3e4f5a6b7c8d';
    const envelope = createEnvelope(userErased, userErased.example, { id, time: new Date('2025-09-01T08:00:00Z') });
    expect(envelope).toMatchObject({ id, time: '2025-09-01T08:00:00.000Z' });
  });

  it('uses the subject field, not always the first id: message.sent is keyed by conversation', () => {
    expect(createEnvelope(messageSent, messageSent.example).subject).toBe(messageSent.example.conversationId);
  });

  it('refuses data that fails its schema, listing the fields', () => {
    const data = { ...userRegistered.example, email: 'nobody', extra: true } as unknown as typeof userRegistered.example;
    let thrown: unknown;
    try {
      createEnvelope(userRegistered, data);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidEventError);
    expect(thrown).toMatchObject({
      type: userRegistered.type,
      errors: [
        { path: '/extra', issue: 'is not allowed' },
        { path: '/email', issue: 'must match format "email"' },
      ],
    });
    expect((thrown as Error).message).toContain('/email must match format');
  });

  it('refuses an id that is not a UUIDv7 and a malformed traceparent', () => {
    expect(() => createEnvelope(userErased, userErased.example, { id: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11' })).toThrow(
      expect.objectContaining({ errors: [{ path: 'options.id', issue: 'must be a UUIDv7' }] }),
    );
    expect(() => createEnvelope(userErased, userErased.example, { traceparent: 'abc' })).toThrow(InvalidEventError);
  });
});

describe('toKafkaMessage', () => {
  it('writes binary mode: the data as value, attributes as ce_ headers, the subject as key', () => {
    const envelope = createEnvelope(userRegistered, userRegistered.example, { traceparent: TRACEPARENT });
    const message = toKafkaMessage(envelope);
    expect(message.key).toBe(userRegistered.example.userId);
    expect(JSON.parse(message.value)).toEqual(userRegistered.example);
    expect(message.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: envelope.id,
      ce_source: '/passerelle/identity',
      ce_type: 'passerelle.identity.user.registered.v1',
      ce_time: envelope.time,
      ce_subject: userRegistered.example.userId,
      ce_networkid: userRegistered.example.networkId,
      ce_dataschema: 'urn:passerelle:schema:passerelle.identity.user.registered.v1',
      'content-type': 'application/json',
      traceparent: TRACEPARENT,
    });
  });

  it('omits traceparent when there is none', () => {
    expect(toKafkaMessage(createEnvelope(userErased, userErased.example)).headers).not.toHaveProperty('traceparent');
  });
});

describe('fromKafkaMessage', () => {
  it('round-trips an envelope', () => {
    const envelope = createEnvelope(userRegistered, userRegistered.example, { traceparent: TRACEPARENT });
    expect(fromKafkaMessage(received(toKafkaMessage(envelope)))).toEqual({ ok: true, envelope, definition: userRegistered });
  });

  it('accepts string headers and repeated headers (first value wins)', () => {
    const message = validMessage();
    const parsed = fromKafkaMessage({
      key: message.key,
      value: message.value,
      headers: { ...message.headers, ce_type: [message.headers.ce_type, 'passerelle.other.v1'] },
    });
    expect(parsed.ok).toBe(true);
  });

  it('narrows the data type with isEnvelopeOf', () => {
    const parsed = fromKafkaMessage(received(validMessage()));
    if (!parsed.ok) throw new Error('expected a valid event');
    expect(isEnvelopeOf(userErased, parsed.envelope)).toBe(false);
    if (!isEnvelopeOf(userRegistered, parsed.envelope)) throw new Error('expected user.registered');
    expect(parsed.envelope.data.email).toBe(userRegistered.example.email);
  });

  it('reports missing headers by name', () => {
    const message = validMessage();
    const { ce_networkid: _n, ce_id: _i, ...headers } = message.headers;
    expect(fromKafkaMessage(received({ ...message, headers }))).toEqual({
      ok: false,
      reason: 'missing_header',
      type: userRegistered.type,
      errors: [
        { path: 'ce_id', issue: 'header is required' },
        { path: 'ce_networkid', issue: 'header is required' },
      ],
    });
  });

  it('reports an unknown type apart, so a consumer can skip it (e.g. a newer version)', () => {
    const message = validMessage();
    const headers = { ...message.headers, ce_type: 'passerelle.identity.user.registered.v2' };
    expect(fromKafkaMessage(received({ ...message, headers }))).toMatchObject({
      ok: false,
      reason: 'unknown_type',
      type: 'passerelle.identity.user.registered.v2',
      id: message.headers.ce_id,
    });
  });

  it('reports a value that is not JSON, or absent', () => {
    const message = validMessage();
    expect(fromKafkaMessage({ ...received(message), value: Buffer.from('{"userId":') })).toMatchObject({ ok: false, reason: 'bad_json' });
    expect(fromKafkaMessage({ ...received(message), value: null })).toMatchObject({ ok: false, reason: 'bad_json' });
  });

  it('reports data that fails its schema, naming the field', () => {
    const message = validMessage();
    const value = JSON.stringify({ ...userRegistered.example, roles: ['root'] });
    expect(fromKafkaMessage(received({ ...message, value }))).toMatchObject({
      ok: false,
      reason: 'schema',
      errors: [{ path: '/roles/0', issue: expect.stringContaining('must be one of') }],
    });
  });

  it.each([
    ['ce_specversion', '0.3'],
    ['ce_id', '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11'],
    ['ce_source', '/passerelle/matching'],
    ['ce_time', 'yesterday'],
    ['ce_dataschema', 'urn:passerelle:schema:other'],
    ['content-type', 'application/avro'],
  ])('reports a malformed %s header', (name, value) => {
    const message = validMessage();
    expect(fromKafkaMessage(received({ ...message, headers: { ...message.headers, [name]: value } }))).toMatchObject({
      ok: false,
      reason: 'invalid_header',
      errors: [{ path: name }],
    });
  });

  it('refuses headers or a key that disagree with the data (the tenant header must not lie)', () => {
    const message = validMessage();
    const otherId = '5e8a1c3b-7d2f-4b6a-9c1e-3f5a7b9d1c22';
    const tampered = { ...message, key: otherId, headers: { ...message.headers, ce_networkid: otherId, ce_subject: otherId } };
    expect(fromKafkaMessage(received(tampered))).toMatchObject({
      ok: false,
      reason: 'invalid_header',
      errors: [
        { path: 'ce_subject', issue: 'must equal data.userId' },
        { path: 'ce_networkid', issue: 'must equal data.networkId' },
      ],
    });
    expect(fromKafkaMessage(received({ ...message, key: otherId }))).toMatchObject({
      ok: false,
      reason: 'invalid_header',
      errors: [{ path: 'key', issue: 'must equal ce_subject' }],
    });
  });

  it('drops a malformed traceparent instead of rejecting the event (W3C Trace Context)', () => {
    const message = validMessage();
    const parsed = fromKafkaMessage(received({ ...message, headers: { ...message.headers, traceparent: 'garbage' } }));
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.envelope).not.toHaveProperty('traceparent');
  });
});
