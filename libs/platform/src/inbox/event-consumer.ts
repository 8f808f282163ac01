import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  checkRecordOrigin,
  deadLetterTopic,
  type EventDefinition,
  type EventEnvelope,
  fromKafkaMessage,
} from '@passerelle/contracts';
import type { Consumer, EachBatchPayload, IHeaders, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { isDatabaseUnavailable } from '../database/database-errors';
import type { KafkaConnection } from '../kafka/kafka-connection';
import type { PlatformMetrics } from '../observability/metrics';
import { describeError, redactText } from '../observability/redaction';
import { contextFromTraceparent, tracer } from '../observability/tracing';
import type { EventHandler } from './event-handler';

export interface RegisteredHandler {
  readonly definition: EventDefinition<unknown>;
  readonly handler: EventHandler<unknown>;
}

export interface EventConsumerOptions {
  readonly service: string;
  readonly groupId: string;
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  readonly commitIntervalMs: number;
  /** Partitions processed in parallel (records of one partition stay in order). */
  readonly partitionsConcurrently: number;
  /** Records of one partition applied in one database transaction (1: a transaction per record). */
  readonly maxRecordsPerTransaction: number;
}

/** A record ready to apply: its envelope and the handlers of its type. */
interface Applicable {
  readonly message: KafkaMessage;
  readonly envelope: EventEnvelope;
  readonly handlers: readonly RegisteredHandler[];
}

export type ConsumerState = 'idle' | 'connecting' | 'joined' | 'crashed' | 'stopped';

const MAX_RETRY_DELAY_MS = 30_000;

class ShuttingDown extends Error {}

/**
 * Consumes every topic its handlers need, with one consumer group per
 * service. Built on kafkajs directly rather than @nestjs/microservices:
 * the inbox transaction, the offset commit after that transaction, the
 * bounded retries and the dead-letter routing all need control over each
 * record that the Nest transport does not give.
 *
 * The records of a partition are applied in order, up to
 * `maxRecordsPerTransaction` in one transaction (inbox rows and effects
 * together, so exactly-once effects hold for a batch as for one record):
 * a commit per batch rather than per record is what lets the consumer keep
 * up with thousands of events per second. When a batch fails, it is rolled
 * back whole and its records are applied again one by one, each with its
 * own retries and dead-lettering, so one bad record never holds up or
 * sinks the good ones beside it.
 */
export class EventConsumer {
  private consumer?: Consumer;
  private state: ConsumerState = 'idle';
  private lastError?: string;
  private stopping = false;
  private startLoop?: Promise<void>;
  private commitTimer?: NodeJS.Timeout;
  private inFlight = 0;
  /** Next offset to commit per partition, for records whose effect has committed. */
  private readonly processed = new Map<string, { topic: string; partition: number; offset: string }>();
  private readonly handlers = new Map<string, RegisteredHandler[]>();

  constructor(
    private readonly options: EventConsumerOptions,
    registered: readonly RegisteredHandler[],
    private readonly dataSource: DataSource,
    private readonly kafka: KafkaConnection,
    private readonly metrics: PlatformMetrics,
    private readonly logger: Logger,
  ) {
    for (const entry of registered) {
      const list = this.handlers.get(entry.definition.type) ?? [];
      list.push(entry);
      this.handlers.set(entry.definition.type, list);
    }
  }

  get topics(): string[] {
    return [...new Set([...this.handlers.values()].flat().map((entry) => entry.definition.topic))];
  }

  get status(): { state: ConsumerState; groupId: string; topics: string[]; error?: string } {
    return { state: this.state, groupId: this.options.groupId, topics: this.topics, error: this.lastError };
  }

  /** Healthy when there is nothing to consume, or the group is joined and not crashed. */
  get healthy(): boolean {
    return this.handlers.size === 0 || this.state === 'joined';
  }

  /** Connects in the background, retrying until the broker answers; the app serves meanwhile. */
  start(): void {
    if (this.handlers.size === 0 || this.startLoop) return;
    this.startLoop = this.connectUntilRunning();
  }

  /** Stops fetching, lets in-flight handlers finish, commits their offsets and leaves the group. */
  async stop(timeoutMs = 20_000): Promise<void> {
    this.stopping = true;
    await this.startLoop;
    clearInterval(this.commitTimer);
    const consumer = this.consumer;
    if (consumer) {
      try {
        consumer.pause(this.topics.map((topic) => ({ topic })));
        const deadline = Date.now() + timeoutMs;
        while (this.inFlight > 0 && Date.now() < deadline) await sleep(20);
        await this.commitProcessed();
      } catch (error) {
        // Not running (e.g. Kafka is down): nothing is in flight, nothing to commit.
        this.logger.warn({ err: error }, 'consumer was not running at shutdown');
      }
      await consumer.disconnect().catch((error: unknown) => {
        this.logger.warn({ err: error }, 'consumer did not disconnect cleanly');
      });
    }
    this.state = 'stopped';
  }

  private async connectUntilRunning(): Promise<void> {
    for (let attempt = 1; !this.stopping; attempt++) {
      this.state = 'connecting';
      const consumer = this.createConsumer();
      try {
        await consumer.connect();
        await consumer.subscribe({ topics: this.topics, fromBeginning: true });
        // Offsets are committed here, not by kafkajs, so that only records whose
        // effect has committed are ever marked done, on a timer and at shutdown.
        await consumer.run({
          autoCommit: false,
          partitionsConsumedConcurrently: this.options.partitionsConcurrently,
          // Offsets are resolved as each slice of the batch commits; after a stop or a
          // rebalance, the unresolved rest is fetched again (by us or the partition's new owner).
          eachBatchAutoResolve: false,
          eachBatch: (payload) => this.onBatch(payload),
        });
        this.consumer = consumer;
        this.commitTimer ??= setInterval(() => void this.commitProcessed(), this.options.commitIntervalMs);
        return;
      } catch (error) {
        this.state = 'crashed';
        this.lastError = describeError(error);
        this.logger.warn({ err: error, attempt }, 'consumer could not start; retrying');
        await consumer.disconnect().catch(() => undefined);
        await sleep(Math.min(MAX_RETRY_DELAY_MS, 500 * 2 ** Math.min(attempt, 6)));
      }
    }
  }

  private createConsumer(): Consumer {
    const consumer = this.kafka.kafka.consumer({
      groupId: this.options.groupId,
      allowAutoTopicCreation: false,
      // A pod killed without leaving the group holds its partitions this long:
      // short enough to fail over quickly, long enough for a slow handler
      // (handlers waiting on retries keep heartbeating).
      sessionTimeout: 15_000,
      rebalanceTimeout: 20_000,
      heartbeatInterval: 1_500,
    });
    consumer.on(consumer.events.GROUP_JOIN, () => {
      // Partitions may have moved: their new owners resume from the last commit.
      this.processed.clear();
      this.state = 'joined';
      this.lastError = undefined;
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.state = 'crashed';
      this.lastError = describeError(payload.error);
      this.logger.error({ err: payload.error, restart: payload.restart }, 'consumer crashed');
      if (!payload.restart && !this.stopping) {
        // kafkajs gives up on non-retriable errors; start a fresh consumer.
        this.consumer = undefined;
        this.startLoop = this.connectUntilRunning();
      }
    });
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      this.metrics.consumerLag.set(
        { group: this.options.groupId, topic: payload.topic, partition: String(payload.partition) },
        Number(payload.offsetLag),
      );
    });
    return consumer;
  }

  private async onBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    // Records fetched after SIGTERM stay uncommitted for the next owner of the partition.
    if (this.stopping) return;
    const { topic, partition, messages } = batch;
    this.inFlight += 1;
    try {
      for (let start = 0; start < messages.length; start += this.options.maxRecordsPerTransaction) {
        if (this.stopping || !isRunning() || isStale()) return;
        const slice = messages.slice(start, start + this.options.maxRecordsPerTransaction);
        await this.processSlice(topic, partition, slice, heartbeat);
        const last = slice[slice.length - 1].offset;
        resolveOffset(last);
        this.processed.set(`${topic}:${partition}`, { topic, partition, offset: (BigInt(last) + 1n).toString() });
        await heartbeat().catch(() => undefined);
      }
    } catch (error) {
      if (!(error instanceof ShuttingDown)) throw error;
    } finally {
      this.inFlight -= 1;
    }
  }

  /**
   * Applies consecutive records of one partition in one transaction. A
   * record that breaks the contract, or a transaction that fails, sends the
   * slice through the record-by-record path (retries, dead-lettering).
   */
  private async processSlice(topic: string, partition: number, messages: KafkaMessage[], heartbeat: () => Promise<void>): Promise<void> {
    const oneByOne = async (records: readonly KafkaMessage[]) => {
      for (const message of records) await this.process(topic, partition, message, heartbeat);
    };
    if (messages.length === 1) return oneByOne(messages);
    if (messages.some((message) => originProblem(topic, message))) return oneByOne(messages);
    const parsed = messages.map((message) => ({ message, result: fromKafkaMessage(message) }));
    if (parsed.some(({ result }) => !result.ok && result.reason !== 'unknown_type')) return oneByOne(messages);
    const applicable: Applicable[] = [];
    for (const { message, result } of parsed) {
      const handlers = result.ok ? this.handlers.get(result.envelope.type) : undefined;
      if (result.ok && handlers) applicable.push({ message, envelope: result.envelope, handlers });
      else this.metrics.eventsConsumed.inc({ type: (result.ok ? result.envelope.type : headerText(message.headers, 'ce_type')) ?? 'unknown', outcome: 'ignored' });
    }
    if (applicable.length === 0) return;
    try {
      await this.applyBatchOnce(applicable, topic, partition);
    } catch (error) {
      if (this.stopping) throw new ShuttingDown('consumer is stopping');
      this.logger.warn(
        { err: error, topic, partition, records: applicable.length },
        'a batch of records could not be applied together; applying them one by one',
      );
      await oneByOne(applicable.map(({ message }) => message));
    }
  }

  private async commitProcessed(): Promise<void> {
    const consumer = this.consumer;
    if (!consumer || this.processed.size === 0) return;
    const offsets = [...this.processed.values()];
    try {
      await consumer.commitOffsets(offsets);
      for (const committed of offsets) {
        const key = `${committed.topic}:${committed.partition}`;
        if (this.processed.get(key)?.offset === committed.offset) this.processed.delete(key);
      }
    } catch (error) {
      // A rebalance in progress: the next tick retries, or the new owner re-reads (the inbox absorbs it).
      this.logger.warn({ err: error }, 'could not commit consumer offsets yet');
    }
  }

  private async process(topic: string, partition: number, message: KafkaMessage, heartbeat: () => Promise<void>): Promise<void> {
    // Checked before anything else: a record another service forged must not reach a handler of its type.
    const foreign = originProblem(topic, message);
    if (foreign) {
      await this.deadLetter(topic, partition, message, foreign.reason, foreign.detail, 0);
      return;
    }
    const parsed = fromKafkaMessage(message);
    if (!parsed.ok) {
      if (parsed.reason === 'unknown_type') {
        // A type this service does not know (e.g. a newer version) is not an error.
        this.metrics.eventsConsumed.inc({ type: headerText(message.headers, 'ce_type') ?? 'unknown', outcome: 'ignored' });
        return;
      }
      const detail = parsed.errors.map((error) => `${error.path} ${error.issue}`).join('; ');
      await this.deadLetter(topic, partition, message, parsed.reason, detail, 0);
      return;
    }
    const { envelope } = parsed;
    const handlers = this.handlers.get(envelope.type);
    if (!handlers) {
      this.metrics.eventsConsumed.inc({ type: envelope.type, outcome: 'ignored' });
      return;
    }

    let failures = 0;
    for (;;) {
      const startedAt = process.hrtime.bigint();
      try {
        const duplicate = await this.applyOnce(envelope, handlers, topic, partition, message.offset);
        this.metrics.eventsConsumed.inc({ type: envelope.type, outcome: duplicate ? 'duplicate' : 'processed' });
        this.metrics.handlerDuration.observe(
          { type: envelope.type },
          Number(process.hrtime.bigint() - startedAt) / 1e9,
        );
        return;
      } catch (error) {
        if (this.stopping) throw new ShuttingDown('consumer is stopping');
        if (isDatabaseUnavailable(error)) {
          // Not the record's fault: wait for the database rather than dead-letter good records.
          this.logger.warn({ type: envelope.type, eventId: envelope.id }, 'database unavailable; handler waits');
          await this.pause(MAX_RETRY_DELAY_MS / 6, heartbeat);
          continue;
        }
        failures += 1;
        this.metrics.eventsFailed.inc({ type: envelope.type });
        this.logger.warn(
          { err: error, type: envelope.type, eventId: envelope.id, attempt: failures },
          'event handler failed',
        );
        if (failures >= this.options.maxAttempts) {
          await this.deadLetter(topic, partition, message, 'handler_failed', describeError(error), failures);
          return;
        }
        await this.pause(Math.min(MAX_RETRY_DELAY_MS, this.options.retryBaseMs * 2 ** (failures - 1)), heartbeat);
      }
    }
  }

  private startSpan(topic: string, envelope: EventEnvelope) {
    return tracer(this.options.service).startSpan(
      `${topic} process`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.destination.name': topic,
          'messaging.consumer.group.name': this.options.groupId,
          'messaging.message.id': envelope.id,
          'cloudevents.event_type': envelope.type,
        },
      },
      contextFromTraceparent(envelope.traceparent),
    );
  }

  /** Inbox row and effect in one transaction; returns true when the event had been applied before. */
  private async applyOnce(
    envelope: EventEnvelope,
    handlers: readonly RegisteredHandler[],
    topic: string,
    partition: number,
    offset: string,
  ): Promise<boolean> {
    const span = this.startSpan(topic, envelope);
    try {
      return await context.with(trace.setSpan(context.active(), span), () =>
        this.dataSource.transaction(async (manager) => {
          const inserted: unknown[] = await manager.query(
            `INSERT INTO inbox (consumer_group, event_id, event_type, topic, kafka_partition, kafka_offset)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING event_id`,
            [this.options.groupId, envelope.id, envelope.type, topic, partition, offset],
          );
          if (inserted.length === 0) return true;
          for (const { handler } of handlers) await handler.handle(envelope, manager);
          for (const { handler } of handlers) await handler.completeTransaction?.(manager);
          return false;
        }),
      );
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: describeError(error) });
      throw error;
    } finally {
      span.end();
    }
  }

  /**
   * The inbox rows of a slice in one statement, then the effects of the
   * records not seen before, in offset order, in the same transaction; each
   * record keeps its own span, metrics and handler duration.
   */
  private async applyBatchOnce(records: readonly Applicable[], topic: string, partition: number): Promise<void> {
    const spans = records.map(({ envelope }) => this.startSpan(topic, envelope));
    try {
      const outcomes = await this.dataSource.transaction(async (manager) => {
        const first = new Map<string, Applicable>();
        for (const record of records) if (!first.has(record.envelope.id.toLowerCase())) first.set(record.envelope.id.toLowerCase(), record);
        const unique = [...first.values()];
        const inserted = (await manager.query(
          `INSERT INTO inbox (consumer_group, event_id, event_type, topic, kafka_partition, kafka_offset)
           SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::int[], $6::bigint[])
           ON CONFLICT DO NOTHING RETURNING event_id`,
          [
            this.options.groupId,
            unique.map(({ envelope }) => envelope.id),
            unique.map(({ envelope }) => envelope.type),
            unique.map(() => topic),
            unique.map(() => partition),
            unique.map(({ message }) => message.offset),
          ],
        )) as Array<{ event_id: string }>;
        // Applied here at most once each: a record delivered twice in one slice has one effect too.
        const toApply = new Set(inserted.map((row) => first.get(row.event_id.toLowerCase())));
        const used = new Set<EventHandler<unknown>>();
        const results: Array<{ duplicate: boolean; seconds: number }> = [];
        for (const [index, record] of records.entries()) {
          if (!toApply.delete(record)) {
            results.push({ duplicate: true, seconds: 0 });
            continue;
          }
          const startedAt = process.hrtime.bigint();
          await context.with(trace.setSpan(context.active(), spans[index]), async () => {
            for (const { handler } of record.handlers) {
              await handler.handle(record.envelope, manager);
              used.add(handler);
            }
          });
          results.push({ duplicate: false, seconds: Number(process.hrtime.bigint() - startedAt) / 1e9 });
        }
        for (const handler of used) await handler.completeTransaction?.(manager);
        return results;
      });
      outcomes.forEach(({ duplicate, seconds }, index) => {
        const { type } = records[index].envelope;
        this.metrics.eventsConsumed.inc({ type, outcome: duplicate ? 'duplicate' : 'processed' });
        if (!duplicate) this.metrics.handlerDuration.observe({ type }, seconds);
      });
    } catch (error) {
      for (const span of spans) span.setStatus({ code: SpanStatusCode.ERROR, message: describeError(error) });
      throw error;
    } finally {
      for (const span of spans) span.end();
    }
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    reason: string,
    failure: string,
    attempts: number,
  ): Promise<void> {
    const type = headerText(message.headers, 'ce_type') ?? 'unknown';
    // Headers of the dead-letter topic are read by operators and kept for weeks: no address or token in them.
    const error = redactText(failure);
    const headers: IHeaders = {
      ...message.headers,
      dlt_original_topic: topic,
      dlt_original_partition: String(partition),
      dlt_original_offset: message.offset,
      dlt_consumer_group: this.options.groupId,
      dlt_reason: reason,
      dlt_error: error.slice(0, 2_000),
      dlt_attempts: String(attempts),
      dlt_failed_at: new Date().toISOString(),
    };
    for (;;) {
      try {
        const producer = await this.kafka.producer();
        await producer.send({
          topic: deadLetterTopic(topic),
          acks: -1,
          messages: [{ key: message.key, value: message.value, headers }],
        });
        break;
      } catch (sendError) {
        // The record may only move on once it is safe in the dead-letter topic.
        if (this.stopping) throw new ShuttingDown('consumer is stopping');
        this.logger.warn({ err: sendError, topic }, 'could not write to the dead-letter topic; retrying');
        await sleep(1_000);
      }
    }
    this.metrics.eventsDeadLettered.inc({ type, reason });
    this.logger.error(
      { topic, partition, offset: message.offset, type, reason, error: error.slice(0, 500) },
      'record sent to the dead-letter topic',
    );
  }

  private async pause(ms: number, heartbeat: () => Promise<void>): Promise<void> {
    const until = Date.now() + ms;
    while (Date.now() < until && !this.stopping) {
      await sleep(Math.min(1_000, until - Date.now()));
      await heartbeat().catch(() => undefined);
    }
  }
}

/** The type and source a record claims, against what its topic may carry. */
function originProblem(topic: string, message: KafkaMessage) {
  return checkRecordOrigin(topic, headerText(message.headers, 'ce_type'), headerText(message.headers, 'ce_source'));
}

function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
