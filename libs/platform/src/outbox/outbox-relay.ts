import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { Message } from 'kafkajs';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { isDatabaseUnavailable } from '../database/database-errors';
import type { KafkaConnection } from '../kafka/kafka-connection';
import type { PlatformMetrics } from '../observability/metrics';
import { describeError } from '../observability/redaction';
import { contextFromTraceparent, traceparentOf, tracer } from '../observability/tracing';
import { OUTBOX_CHANNEL } from './outbox-writer';

export interface OutboxRelayOptions {
  readonly service: string;
  readonly databaseUrl: string;
  readonly batchSize: number;
  readonly pollIntervalMs: number;
}

interface OutboxRow {
  position: string;
  event_id: string;
  topic: string;
  message_key: string;
  event_type: string;
  headers: Record<string, string>;
  payload: unknown;
}

// One relay per database publishes at a time: two relays taking interleaved
// batches could publish one aggregate's events out of order. The lock is a
// session lock on the relay's own connection, so it is released when a
// replica dies and a standby takes over within one poll interval.
const RELAY_LOCK_KEY = 'passerelle.outbox.relay';
const MAX_BACKOFF_MS = 10_000;
const PUBLISHED_RETENTION = '1 day';

/**
 * Publishes outbox rows in position order with the idempotent producer,
 * then marks them published. A crash between publish and mark republishes
 * the same event ids, which consumers' inboxes absorb (at-least-once
 * delivery, exactly-once effects).
 */
export class OutboxRelay {
  private client?: Client;
  private running = false;
  private leader = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private pendingWake = false;
  private failures = 0;
  private lastPurge = 0;

  constructor(
    private readonly options: OutboxRelayOptions,
    private readonly kafka: KafkaConnection,
    private readonly metrics: PlatformMetrics,
    private readonly logger: Logger,
  ) {}

  get isLeader(): boolean {
    return this.leader;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Publishes what is pending (bounded by `timeoutMs`), then releases the lock and the connection. */
  async stop(timeoutMs = 5_000): Promise<void> {
    if (!this.running) return;
    const deadline = Date.now() + timeoutMs;
    while (this.leader && Date.now() < deadline && (await this.backlog().catch(() => 0)) > 0) {
      this.notify();
      await sleep(50);
    }
    this.running = false;
    this.notify();
    await this.loop;
  }

  /** Events written but not yet published, read from the database (readiness and metrics). */
  async backlog(): Promise<number> {
    const client = this.client;
    if (!client) return 0;
    const result = await client.query<{ count: string }>(
      'SELECT count(*) AS count FROM outbox WHERE published_at IS NULL',
    );
    const count = Number(result.rows[0].count);
    this.metrics.outboxBacklog.set(count);
    return count;
  }

  private notify(): void {
    this.pendingWake = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.connect();
        if (!this.leader) {
          this.leader = await this.tryLock();
          if (!this.leader) {
            await this.idle(this.options.pollIntervalMs);
            continue;
          }
          this.logger.info('outbox relay is the active publisher');
        }
        const published = await this.publishBatch();
        this.failures = 0;
        await this.purgeOccasionally();
        if (published < this.options.batchSize) await this.idle(this.options.pollIntervalMs);
      } catch (error) {
        this.failures += 1;
        const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(this.failures, 6));
        this.logger.warn(
          { err: error, attempt: this.failures, retryInMs: delay },
          'outbox relay could not publish; retrying',
        );
        if (this.client && isDatabaseUnavailable(error)) await this.disconnect();
        await this.idle(delay);
      }
    }
    await this.disconnect();
  }

  private async connect(): Promise<void> {
    if (this.client) return;
    const client = new Client({ connectionString: this.options.databaseUrl, connectionTimeoutMillis: 5_000 });
    client.on('notification', () => this.notify());
    // A dropped connection also drops the lock: stop publishing and reconnect.
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'outbox relay lost its database connection');
      if (this.client === client) {
        this.client = undefined;
        this.leader = false;
      }
    });
    await client.connect();
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    this.client = client;
  }

  private async disconnect(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.leader = false;
    await client?.end().catch(() => undefined);
  }

  private async tryLock(): Promise<boolean> {
    const result = await this.client!.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
      [RELAY_LOCK_KEY],
    );
    return result.rows[0].locked;
  }

  private async publishBatch(): Promise<number> {
    const client = this.client!;
    const { rows } = await client.query<OutboxRow>(
      `SELECT position, event_id, topic, message_key, event_type, headers, payload
         FROM outbox WHERE published_at IS NULL ORDER BY position LIMIT $1`,
      [this.options.batchSize],
    );
    if (rows.length === 0) return 0;

    const producer = await this.kafka.producer();
    const spans = rows.map((row) =>
      tracer(this.options.service).startSpan(
        `${row.topic} publish`,
        {
          kind: SpanKind.PRODUCER,
          attributes: {
            'messaging.system': 'kafka',
            'messaging.destination.name': row.topic,
            'messaging.message.id': row.event_id,
            'cloudevents.event_type': row.event_type,
          },
        },
        contextFromTraceparent(row.headers['traceparent']),
      ),
    );
    const byTopic = new Map<string, Message[]>();
    rows.forEach((row, index) => {
      const headers = { ...row.headers };
      const traceparent = traceparentOf(spans[index]);
      if (traceparent) headers['traceparent'] = traceparent;
      const messages = byTopic.get(row.topic) ?? [];
      messages.push({ key: row.message_key, value: JSON.stringify(row.payload), headers });
      byTopic.set(row.topic, messages);
    });
    try {
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
    } catch (error) {
      for (const span of spans) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: describeError(error) });
        span.end();
      }
      throw error;
    }
    spans.forEach((span) => span.end());
    await client.query('UPDATE outbox SET published_at = now() WHERE position = ANY($1::bigint[])', [
      rows.map((row) => row.position),
    ]);
    for (const row of rows) this.metrics.eventsPublished.inc({ type: row.event_type });
    return rows.length;
  }

  /** Published rows are kept a day for inspection, then removed so the table stays small. */
  private async purgeOccasionally(): Promise<void> {
    if (Date.now() - this.lastPurge < 60_000) return;
    this.lastPurge = Date.now();
    await this.client!.query(
      `DELETE FROM outbox WHERE published_at < now() - interval '${PUBLISHED_RETENTION}'`,
    );
  }

  private async idle(ms: number): Promise<void> {
    if (!this.running) return;
    if (this.pendingWake) {
      this.pendingWake = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
    this.wake = undefined;
    this.pendingWake = false;
  }
}


function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

