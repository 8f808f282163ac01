import { type Consumer, type IHeaders, Kafka, logLevel } from 'kafkajs';
import { v4 as uuidv4 } from 'uuid';
import { expectEventually } from './expect-eventually';

export interface ProbedRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly headers: Record<string, string>;
  readonly value: string | null;
  /** The JSON value, parsed; undefined when it is not JSON. */
  readonly data: unknown;
}

export function kafkaBrokers(): string[] {
  return (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
}

export interface KafkaProbeOptions {
  /** Defaults to the test run's broker. */
  readonly brokers?: string[];
  /** Read the topics' whole history instead of starting at their current end. */
  readonly fromBeginning?: boolean;
}

/**
 * Reads topics from their current end (only what a test produces from now
 * on) with a throw-away consumer group, and keeps every record for assertions.
 */
export class KafkaProbe {
  readonly records: ProbedRecord[] = [];
  private readonly kafka: Kafka;
  private consumer?: Consumer;

  constructor(
    private readonly topics: readonly string[],
    private readonly options: KafkaProbeOptions = {},
  ) {
    this.kafka = new Kafka({ clientId: 'test-probe', brokers: options.brokers ?? kafkaBrokers(), logLevel: logLevel.NOTHING });
  }

  async start(): Promise<this> {
    const ends = this.options.fromBeginning ? [] : await this.endOffsets();
    const consumer = this.kafka.consumer({ groupId: `test-probe-${uuidv4()}` });
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.topics], fromBeginning: true });
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const value = message.value?.toString() ?? null;
        this.records.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          headers: textHeaders(message.headers),
          value,
          data: parseJson(value),
        });
      },
    });
    // Start from the ends measured before joining, so nothing produced after start() is missed.
    for (const end of ends) consumer.seek(end);
    await expectEventually(() => expect(joined).toBe(true), { timeoutMs: 30_000 });
    this.consumer = consumer;
    return this;
  }

  private async endOffsets(): Promise<{ topic: string; partition: number; offset: string }[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const perTopic = await Promise.all(
        this.topics.map(async (topic) =>
          (await admin.fetchTopicOffsets(topic)).map(({ partition, high }) => ({ topic, partition, offset: high })),
        ),
      );
      return perTopic.flat();
    } finally {
      await admin.disconnect();
    }
  }

  async waitFor(predicate: (record: ProbedRecord) => boolean, count = 1, timeoutMs = 30_000): Promise<ProbedRecord[]> {
    return expectEventually(
      () => {
        const found = this.records.filter(predicate);
        expect(found.length).toBeGreaterThanOrEqual(count);
        return found;
      },
      { timeoutMs },
    );
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

function textHeaders(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) result[name] = first.toString();
  }
  return result;
}

function parseJson(value: string | null): unknown {
  if (value === null) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** Writes records as they are given (headers, key, value), e.g. duplicates or poison records. */
export class RawProducer {
  private readonly producer;
  private connected?: Promise<void>;

  constructor(brokers: string[] = kafkaBrokers()) {
    const kafka = new Kafka({ clientId: 'test-raw-producer', brokers, logLevel: logLevel.NOTHING });
    this.producer = kafka.producer({ allowAutoTopicCreation: false });
  }

  async send(topic: string, messages: { key: string; value: string; headers: Record<string, string> }[]): Promise<void> {
    this.connected ??= this.producer.connect();
    await this.connected;
    await this.producer.send({ topic, acks: -1, messages });
  }

  async stop(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
  }
}
