import {
  createEnvelope,
  deadLetterTopic,
  type EventDefinition,
  findDefinition,
  toKafkaMessage,
} from '@passerelle/contracts';
import { createTestApp, expectEventually, KafkaProbe, RawProducer, SmtpTestServer, type TestApp } from '@passerelle/testing';
import { randomUUID } from 'crypto';
import { allServiceFacts, type ServiceFacts } from '../../tools/deploy/service-catalogue';

/**
 * Poison records (data failing its schema, a value that is not JSON, a record
 * without CloudEvents headers) on every topic every service consumes (read
 * from the services' `@HandlesEvent` providers, not listed by hand), with all
 * the consuming services running: each consumer group puts each poison record
 * on `<topic>.dlt` exactly once, with headers saying why, and then processes
 * the valid event behind it on the same partition.
 */
describe('poison records on every consumed topic', () => {
  const consumers = allServiceFacts().filter((facts) => facts.consumes.length > 0);
  const topics = [...new Set(consumers.flatMap((facts) => facts.consumes.map((topic) => topic.name)))].sort();
  const apps = new Map<string, TestApp>();
  let smtp: SmtpTestServer;
  let producer: RawProducer;
  let deadLetters: KafkaProbe;

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    producer = new RawProducer();
    deadLetters = await new KafkaProbe(topics.map(deadLetterTopic)).start();
    const env = { SMTP_URL: smtp.url, CONSUMER_MAX_ATTEMPTS: '3' };
    for (const facts of consumers) apps.set(facts.name, await createTestApp(facts.definition, { env }));
  });

  afterAll(async () => {
    for (const app of apps.values()) await app.close();
    await deadLetters?.stop();
    await producer?.stop();
    await smtp?.stop();
  });

  /** The first event type `facts`'s handlers take on `topic` (catalogue order is stable). */
  const handledOn = (facts: ServiceFacts, topic: string): string => {
    const type = facts.handledTypes.find((candidate) => candidate.startsWith(`${topic}.`));
    if (!type) throw new Error(`${facts.name} consumes ${topic} but handles no type of it`);
    return type;
  };

  it('finds the consumed topics in the code, and each running consumer subscribes to exactly those', async () => {
    expect(consumers.map((facts) => facts.name).sort()).toEqual(['communication', 'evaluation', 'identity', 'intake', 'matching']);
    for (const facts of consumers) {
      const ready = await apps.get(facts.name)!.http.get('/health/ready').expect(200);
      expect([facts.name, [...ready.body.info.kafka.topics].sort()]).toEqual([facts.name, facts.consumes.map((topic) => topic.name).sort()]);
    }
  });

  it('dead-letters each poison record once per consumer group, and processes the valid event behind it', async () => {
    const sent: Array<{ topic: string; poisons: Array<{ id: string; reason: string }>; sentinels: Map<string, string> }> = [];
    for (const topic of topics) {
      // One key for the poison records and the sentinels: one partition, in this order.
      const key = randomUUID();
      const readers = consumers.filter((facts) => facts.consumes.some((consumed) => consumed.name === topic));
      const types = [...new Set(readers.map((facts) => handledOn(facts, topic)))];
      const definition = (type: string): EventDefinition => findDefinition(type)!;
      const valid = (type: string) => {
        const { subjectField, example } = definition(type);
        return toKafkaMessage(createEnvelope(definition(type), { ...(example as Record<string, unknown>), [subjectField]: key }));
      };
      const [schemaPoison, jsonPoison, headerPoison] = [valid(types[0]), valid(types[0]), valid(types[0])];
      const sentinels = types.map(valid);
      await producer.send(topic, [
        // Its data lacks required fields.
        { ...schemaPoison, value: JSON.stringify({ [definition(types[0]).subjectField]: key }) },
        // Not JSON at all.
        { ...jsonPoison, value: '{"truncated": ' },
        // Written by a client that knows nothing of CloudEvents: no type, source or spec version.
        { ...headerPoison, headers: { ce_id: headerPoison.headers['ce_id'], 'content-type': 'application/json' } },
        ...sentinels,
      ]);
      sent.push({
        topic,
        poisons: [
          { id: schemaPoison.headers['ce_id'], reason: 'schema' },
          { id: jsonPoison.headers['ce_id'], reason: 'bad_json' },
          { id: headerPoison.headers['ce_id'], reason: 'missing_header' },
        ],
        sentinels: new Map(types.map((type, index) => [type, sentinels[index].headers['ce_id']])),
      });
    }

    for (const { topic, poisons, sentinels } of sent) {
      const readers = consumers.filter((facts) => facts.consumes.some((consumed) => consumed.name === topic));
      for (const facts of readers) {
        const app = apps.get(facts.name)!;
        // The partition moved on: the valid event behind the poison records took effect (its inbox row).
        const sentinel = sentinels.get(handledOn(facts, topic))!;
        await expectEventually(
          async () => {
            const rows = await app.dataSource.query('SELECT 1 FROM inbox WHERE consumer_group = $1 AND event_id = $2', [facts.consumerGroup, sentinel]);
            expect([facts.name, topic, rows.length]).toEqual([facts.name, topic, 1]);
          },
          { timeoutMs: 60_000, intervalMs: 250 },
        );
        for (const { id: poison, reason } of poisons) {
          const dead = await expectEventually(() => {
            const found = deadLetters.records.filter(
              (record) => record.headers['ce_id'] === poison && record.headers['dlt_consumer_group'] === facts.consumerGroup,
            );
            expect([facts.name, topic, reason, found.length]).toEqual([facts.name, topic, reason, 1]);
            return found;
          });
          expect(dead[0].topic).toBe(deadLetterTopic(topic));
          expect(dead[0].headers).toMatchObject({ dlt_original_topic: topic, dlt_reason: reason, dlt_attempts: '0' });
          expect(dead[0].headers['dlt_error']).not.toBe('');
          // No poison record left a trace in the consumer's inbox.
          const rows = await app.dataSource.query('SELECT 1 FROM inbox WHERE event_id = $1', [poison]);
          expect(rows).toEqual([]);
        }
        // No valid sentinel was dead-lettered.
        const wronglyDead = deadLetters.records.filter((record) => [...sentinels.values()].includes(record.headers['ce_id']));
        expect(wronglyDead.map((record) => `${record.headers['dlt_consumer_group']}: ${record.headers['dlt_error']}`)).toEqual([]);
      }
    }
    // Every record on a dead-letter topic is one of ours, and nothing more arrived than expected.
    const expected = sent.reduce(
      (sum, { topic, poisons }) => sum + poisons.length * consumers.filter((facts) => facts.consumes.some((consumed) => consumed.name === topic)).length,
      0,
    );
    const ours = new Set(sent.flatMap(({ poisons }) => poisons.map((poison) => poison.id)));
    expect(deadLetters.records.filter((record) => ours.has(record.headers['ce_id']))).toHaveLength(expected);
  });
});
