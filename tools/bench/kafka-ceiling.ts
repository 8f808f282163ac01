/**
 * The ceiling of the backbone on this machine: the bare Kafka round trip
 * with kafkajs (produce → consume, no database, nothing done per record),
 * with the producer and consumer settings the platform uses — idempotent
 * producer, acks=all, batches of the relay's size, one consumer group
 * reading partitions three at a time — and records of our events' size
 * and headers, on a topic of the catalogue's partition count.
 */
import { randomUUID } from 'node:crypto';
import type { Message } from 'kafkajs';
import { KafkaConnection } from '@passerelle/platform/kafka';
import { createLogger } from '@passerelle/platform/observability';
import { distribution, type Distribution } from './figures';
import { sleep } from './bench-stack';

export interface CeilingResult {
  readonly records: number;
  readonly seconds: number;
  readonly perSecond: number;
  /** Produce call → eachMessage, in ms. */
  readonly latency: Distribution;
}

const SENT_AT = 'bench_sent_at';

/** A topic just created may not be served yet by the time the call returns. */
async function untilServed(connection: KafkaConnection, topic: string): Promise<void> {
  const admin = connection.kafka.admin();
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      const served = await admin
        .fetchTopicMetadata({ topics: [topic] })
        .then(({ topics }) => topics[0]?.partitions.every((partition) => partition.leader >= 0) ?? false)
        .catch(() => false);
      if (served) return;
      if (attempt === 50) throw new Error(`kafka: topic ${topic} is still not served`);
      await sleep(200);
    }
  } finally {
    await admin.disconnect();
  }
}

export async function measureKafkaCeiling(options: {
  readonly brokers: string;
  readonly sample: readonly Message[];
  readonly partitions: number;
  readonly batchSize: number;
  readonly durationMs: number;
  readonly maxInFlight: number;
  readonly progress: (line: string) => void;
}): Promise<CeilingResult> {
  const connection = new KafkaConnection(`bench-ceiling-${randomUUID().slice(0, 8)}`, options.brokers.split(','), createLogger('bench', 'error'));
  const topic = `passerelle-bench.ceiling.${randomUUID().slice(0, 8)}`;
  await connection.ensureTopics([{ name: topic, partitions: options.partitions }]);
  await untilServed(connection, topic);
  const consumer = connection.kafka.consumer({ groupId: `passerelle-bench.ceiling.${randomUUID()}`, allowAutoTopicCreation: false });
  const latencies: number[] = [];
  let consumed = 0;
  let lastConsumedAt = 0;
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: 3,
    eachMessage: async ({ message }) => {
      const now = performance.now();
      latencies.push(now - Number(message.headers?.[SENT_AT]?.toString()));
      consumed += 1;
      lastConsumedAt = now;
    },
  });
  await joined;
  const producer = await connection.producer();

  let produced = 0;
  let next = 0;
  const batchOf = (size: number) => {
    const sentAt = String(performance.now());
    return Array.from({ length: size }, () => {
      const template = options.sample[next++ % options.sample.length];
      return { ...template, headers: { ...template.headers, [SENT_AT]: sentAt } };
    });
  };
  // Warm-up, off the clock: leaders known, fetch positions set, connections open.
  await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages: batchOf(options.batchSize) }] });
  for (const until = performance.now() + 30_000; consumed < options.batchSize && performance.now() < until; ) await sleep(10);
  consumed = 0;
  latencies.length = 0;
  const started = performance.now();
  const ticker = setInterval(() => options.progress(`  kafka alone: ${produced.toLocaleString('en-US')} produced, ${consumed.toLocaleString('en-US')} consumed`), 2_000);
  try {
    while (performance.now() - started < options.durationMs) {
      if (produced - consumed >= options.maxInFlight) {
        await sleep(2);
        continue;
      }
      const batch = batchOf(options.batchSize);
      await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages: batch }] });
      produced += batch.length;
    }
    const deadline = performance.now() + 30_000;
    while (consumed < produced && performance.now() < deadline) await sleep(5);
  } finally {
    clearInterval(ticker);
    await consumer.disconnect();
    await connection.disconnect();
    const admin = connection.kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
  const seconds = (lastConsumedAt - started) / 1000;
  return { records: consumed, seconds, perSecond: consumed / seconds, latency: distribution(latencies) };
}
