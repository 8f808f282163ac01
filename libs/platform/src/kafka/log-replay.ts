import type { IncomingKafkaMessage } from '@passerelle/contracts';
import type { Consumer } from 'kafkajs';
import type { KafkaConnection } from './kafka-connection';

export interface ReplayBatch {
  readonly topic: string;
  readonly partition: number;
  /** Only records before the end offset read when the replay began. */
  readonly messages: readonly IncomingKafkaMessage[];
}

export interface LogReplayOptions {
  readonly topics: readonly string[];
  /** A throw-away consumer group, deleted afterwards: the service's own offsets are never touched. */
  readonly groupId: string;
  /** Applies one batch; a rejection ends the replay with that error. */
  readonly onBatch: (batch: ReplayBatch) => Promise<void>;
}

/**
 * Reads topics from their beginning up to the end offsets they had when the
 * replay began (a projection rebuild reads "the log so far"; what arrives
 * later is the live consumer's). The one place besides the platform's own
 * consumer that holds a kafkajs consumer (ARCHITECTURE.md rule 5).
 */
export class LogReplay {
  private consumer?: Consumer;
  private stopped = false;

  constructor(
    private readonly connection: KafkaConnection,
    private readonly options: LogReplayOptions,
  ) {}

  /** Resolves once every partition that had records reached its end; rejects on a failed batch or `stop()`. */
  async run(): Promise<void> {
    const ends = await this.endOffsets();
    if (ends.size === 0) return;
    const { kafka } = this.connection;
    const consumer = kafka.consumer({ groupId: this.options.groupId, allowAutoTopicCreation: false, sessionTimeout: 30_000, heartbeatInterval: 3_000 });
    this.consumer = consumer;
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [...this.options.topics], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const pending = new Set(ends.keys());
        const stopCheck = setInterval(() => this.stopped && reject(new Error('log replay stopped: the service is shutting down')), 200);
        stopCheck.unref();
        const settle = () => clearInterval(stopCheck);
        consumer.on(consumer.events.STOP, settle);
        consumer.on(consumer.events.DISCONNECT, settle);
        consumer.on(consumer.events.CRASH, ({ payload }) => {
          if (!payload.restart) reject(payload.error);
        });
        consumer
          .run({
            eachBatchAutoResolve: true,
            eachBatch: async ({ batch, heartbeat }) => {
              const key = `${batch.topic}:${batch.partition}`;
              const end = ends.get(key);
              if (end === undefined || !pending.has(key) || this.stopped) return;
              const messages = batch.messages.filter((message) => BigInt(message.offset) < end);
              try {
                await this.options.onBatch({ topic: batch.topic, partition: batch.partition, messages });
              } catch (error) {
                reject(error);
                return;
              }
              await heartbeat();
              if (BigInt(batch.lastOffset()) + 1n >= end) pending.delete(key);
              if (pending.size === 0) resolve();
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect().catch(() => undefined);
      this.consumer = undefined;
      await this.deleteGroup();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.consumer?.stop().catch(() => undefined);
  }

  private async endOffsets(): Promise<Map<string, bigint>> {
    const ends = new Map<string, bigint>();
    const admin = this.connection.kafka.admin();
    await admin.connect();
    try {
      for (const topic of this.options.topics) {
        for (const { partition, low, high } of await admin.fetchTopicOffsets(topic)) {
          if (BigInt(high) > BigInt(low)) ends.set(`${topic}:${partition}`, BigInt(high));
        }
      }
    } finally {
      await admin.disconnect();
    }
    return ends;
  }

  private async deleteGroup(): Promise<void> {
    const admin = this.connection.kafka.admin();
    await admin
      .connect()
      .then(() => admin.deleteGroups([this.options.groupId]))
      .catch(() => undefined)
      .finally(() => admin.disconnect().catch(() => undefined));
  }
}
