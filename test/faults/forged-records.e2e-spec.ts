import {
  createEnvelope,
  deadLetterTopic,
  feedbackSubmitted,
  findDefinition,
  matchProposed,
  toKafkaMessage,
  userErased,
  userRegistered,
} from '@passerelle/contracts';
import { createTestApp, expectEventually, KafkaProbe, RawProducer, SmtpTestServer, type TestApp } from '@passerelle/testing';
import { randomUUID } from 'crypto';
import { allServiceFacts, type ServiceFacts } from '../../tools/deploy/service-catalogue';

/**
 * Records forged by a service with write access to its own topic (or by
 * anyone able to write to a topic): another service's event type on that
 * topic, or the right type with a source that does not own the topic. Each
 * consumer reading the topic puts them on `<topic>.dlt` with the reason,
 * applies nothing of them, and processes the genuine record behind them.
 */
describe('records forged on a topic their type or source does not belong to', () => {
  const facts = new Map(allServiceFacts().map((service) => [service.name, service]));
  const readers = ['communication', 'evaluation'].map((name) => facts.get(name)!);
  const matchTopic = matchProposed.topic;
  const feedbackTopic = feedbackSubmitted.topic;
  const apps = new Map<string, TestApp>();
  let smtp: SmtpTestServer;
  let producer: RawProducer;
  let deadLetters: KafkaProbe;

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    producer = new RawProducer();
    deadLetters = await new KafkaProbe([matchTopic, feedbackTopic].map(deadLetterTopic)).start();
    for (const service of readers) apps.set(service.name, await createTestApp(service.definition, { env: { SMTP_URL: smtp.url } }));
  });

  afterAll(async () => {
    for (const app of apps.values()) await app.close();
    await deadLetters?.stop();
    await producer?.stop();
    await smtp?.stop();
  });

  const readersOf = (topic: string): ServiceFacts[] => readers.filter((service) => service.consumes.some((consumed) => consumed.name === topic));

  const inboxRows = (service: ServiceFacts, eventId: string) =>
    apps.get(service.name)!.dataSource.query('SELECT 1 FROM inbox WHERE consumer_group = $1 AND event_id = $2', [service.consumerGroup, eventId]);

  const expectDeadLettered = async (topic: string, eventId: string, reason: string, error: string) => {
    for (const service of readersOf(topic)) {
      const [dead] = await deadLetters.waitFor(
        (record) => record.headers['ce_id'] === eventId && record.headers['dlt_consumer_group'] === service.consumerGroup,
      );
      expect([service.name, dead.topic, dead.headers]).toEqual([
        service.name,
        deadLetterTopic(topic),
        expect.objectContaining({ dlt_original_topic: topic, dlt_reason: reason, dlt_error: error, dlt_attempts: '0' }),
      ]);
      expect(await inboxRows(service, eventId)).toEqual([]);
    }
  };

  it('dead-letters an erasure written on the match topic: the person is still there, and the match event behind it is processed', async () => {
    expect(readersOf(matchTopic).map((service) => service.name).sort()).toEqual(['communication', 'evaluation']);
    const [userId, networkId] = [randomUUID(), randomUUID()];
    const registration = toKafkaMessage(
      createEnvelope(userRegistered, { ...userRegistered.example, userId, networkId, email: `${userId}@example.test`, displayName: 'Ada Forged' }),
    );
    await producer.send(userRegistered.topic, [registration]);
    const directory = () =>
      apps.get('communication')!.dataSource.query('SELECT status, display_name FROM directory_entries WHERE user_id = $1', [userId]);
    await expectEventually(async () => expect(await directory()).toEqual([{ status: 'active', display_name: 'Ada Forged' }]));

    // A well-formed erasure in every other respect, its source even claiming identity; only its topic is wrong.
    const forged = toKafkaMessage(createEnvelope(userErased, { userId, networkId, erasedAt: new Date().toISOString() }));
    // Behind it on the same partition (same key): a genuine event of the topic that each reader handles.
    const genuine = readersOf(matchTopic).map((service) => {
      const definition = findDefinition(service.handledTypes.find((type) => type.startsWith(`${matchTopic}.`))!)!;
      const data = { ...(definition.example as Record<string, unknown>), [definition.subjectField]: userId, networkId };
      return { service, message: toKafkaMessage(createEnvelope(definition, data)) };
    });
    await producer.send(matchTopic, [forged, ...genuine.map(({ message }) => message)]);

    for (const { service, message } of genuine) {
      await expectEventually(async () => expect([service.name, (await inboxRows(service, message.headers['ce_id'])).length]).toEqual([service.name, 1]), {
        timeoutMs: 60_000,
      });
    }
    await expectDeadLettered(
      matchTopic,
      forged.headers['ce_id'],
      'foreign_type',
      'type passerelle.identity.user.erased.v1 does not belong to topic passerelle.matching.match',
    );
    expect(await directory()).toEqual([{ status: 'active', display_name: 'Ada Forged' }]);
  });

  it('dead-letters feedback written with a source other than evaluation; the genuine feedback behind it is the one projected', async () => {
    const [feedbackId, networkId] = [randomUUID(), randomUUID()];
    const data = { ...feedbackSubmitted.example, feedbackId, networkId, respondentId: randomUUID() };
    const forgedEnvelope = createEnvelope(feedbackSubmitted, { ...data, satisfaction: 1 });
    const forged = toKafkaMessage({ ...forgedEnvelope, source: '/passerelle/matching' });
    const genuine = toKafkaMessage(createEnvelope(feedbackSubmitted, { ...data, satisfaction: 5 }));
    await producer.send(feedbackTopic, [forged, genuine]);

    const evaluation = facts.get('evaluation')!;
    await expectEventually(async () => expect(await inboxRows(evaluation, genuine.headers['ce_id'])).toHaveLength(1), { timeoutMs: 60_000 });
    await expectDeadLettered(
      feedbackTopic,
      forged.headers['ce_id'],
      'foreign_source',
      'source matching is not the owner (evaluation) of topic passerelle.evaluation.feedback',
    );
    // The projection holds the genuine answer only: the forged one (applied first) would have won `ON CONFLICT DO NOTHING`.
    const projected = await apps.get('evaluation')!.dataSource.query('SELECT satisfaction FROM p_feedback WHERE feedback_id = $1', [feedbackId]);
    expect(projected.length).toBeGreaterThan(0);
    expect(projected.map((row: { satisfaction: number }) => row.satisfaction)).toEqual(projected.map(() => 5));
  });
});
