import { readFileSync } from 'node:fs';
import { type Admin, Kafka, type LogEntry, logLevel as KafkaLogLevel, Partitioners, type Producer, type SASLOptions } from 'kafkajs';
import type { Logger } from 'pino';
import { ConfigError } from '../config/config-schema';

const BOUNDED_RETRIES_WARNING = 'Limiting retries for the idempotent producer may invalidate EoS guarantees';

/** How a service authenticates to the brokers (PRODUCT.md, Security: least-privilege ACLs per service). */
export interface KafkaSecurity {
  /** true: the system CA store; `ca`: those certificates as well. */
  readonly ssl: boolean | { readonly ca: readonly string[] };
  readonly sasl?: { readonly mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; readonly username: string; readonly password: string };
}

/** The security settings of a platform configuration; a SASL mechanism without its credentials is a configuration error. */
export function kafkaSecurityOf(config: {
  readonly kafkaSsl: boolean;
  readonly kafkaSslCaFile: string;
  readonly kafkaSaslMechanism: string;
  readonly kafkaSaslUsername: string;
  readonly kafkaSaslPassword: string;
}): KafkaSecurity {
  const mechanism = config.kafkaSaslMechanism;
  const ssl = tlsOf(config);
  if (mechanism === 'none') return { ssl };
  const missing = [
    ...(config.kafkaSaslUsername ? [] : [`KAFKA_SASL_USERNAME: is required when KAFKA_SASL_MECHANISM is ${mechanism}`]),
    ...(config.kafkaSaslPassword ? [] : [`KAFKA_SASL_PASSWORD: is required when KAFKA_SASL_MECHANISM is ${mechanism}`]),
  ];
  if (missing.length > 0) throw new ConfigError(missing);
  return {
    ssl,
    sasl: { mechanism: mechanism as 'plain' | 'scram-sha-256' | 'scram-sha-512', username: config.kafkaSaslUsername, password: config.kafkaSaslPassword },
  };
}

/** Read at start, so a CA file that is missing or unreadable stops the service like any other configuration problem. */
function tlsOf(config: { readonly kafkaSsl: boolean; readonly kafkaSslCaFile: string }): KafkaSecurity['ssl'] {
  if (!config.kafkaSslCaFile) return config.kafkaSsl;
  if (!config.kafkaSsl) throw new ConfigError(['KAFKA_SSL_CA_FILE: is set but KAFKA_SSL is false']);
  try {
    return { ca: [readFileSync(config.kafkaSslCaFile, 'utf8')] };
  } catch (error) {
    throw new ConfigError([`KAFKA_SSL_CA_FILE: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`]);
  }
}

export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
}

/**
 * The one place that holds kafkajs objects (ARCHITECTURE.md rule 5): feature
 * code publishes through the outbox and consumes through event handlers.
 * The producer is idempotent with one request in flight, so a retried send
 * neither duplicates nor reorders records of a partition.
 */
export class KafkaConnection {
  readonly kafka: Kafka;
  private producerPromise?: Promise<Producer>;

  constructor(
    readonly clientId: string,
    readonly brokers: readonly string[],
    private readonly logger: Logger,
    security: KafkaSecurity = { ssl: false },
  ) {
    this.kafka = new Kafka({
      clientId,
      brokers: [...brokers],
      ssl: typeof security.ssl === 'boolean' ? security.ssl : { ca: [...security.ssl.ca] },
      // kafkajs types each mechanism's options apart; ours are the same three fields for all of them.
      ...(security.sasl ? { sasl: { ...security.sasl } as SASLOptions } : {}),
      connectionTimeout: 3_000,
      requestTimeout: 30_000,
      retry: { initialRetryTime: 300, maxRetryTime: 5_000, retries: 5 },
      logLevel: KafkaLogLevel.WARN,
      logCreator: () => (entry: LogEntry) => this.log(entry),
    });
  }

  /** The shared producer, connected on first use; a failed connect is retried by the next call. */
  async producer(): Promise<Producer> {
    if (!this.producerPromise) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        // Murmur2 on the key, as the Java client: integrators' consumers see the same partitioning.
        createPartitioner: Partitioners.DefaultPartitioner,
        allowAutoTopicCreation: false,
      });
      this.producerPromise = producer.connect().then(
        () => producer,
        (error: unknown) => {
          this.producerPromise = undefined;
          throw error;
        },
      );
    }
    return this.producerPromise;
  }

  /** Creates the topics that do not exist yet, with their partition counts (auto-creation is off). */
  async ensureTopics(topics: readonly TopicSpec[]): Promise<void> {
    const admin: Admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((topic) => !existing.has(topic.name));
      if (missing.length > 0) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({ topic: topic.name, numPartitions: topic.partitions })),
        });
        this.logger.info({ topics: missing.map((topic) => topic.name) }, 'created Kafka topics');
      }
    } finally {
      await admin.disconnect();
    }
  }

  async disconnect(): Promise<void> {
    const pending = this.producerPromise;
    this.producerPromise = undefined;
    if (pending) {
      const producer = await pending.catch(() => undefined);
      await producer?.disconnect();
    }
  }

  private log(entry: LogEntry): void {
    const { message, ...fields } = entry.log;
    // The relay bounds the producer's retries on purpose, so that it backs off
    // and can shut down during an outage; a record sent again after a give-up
    // is absorbed by the consumers' inboxes (same ce_id). Expected, not a fault.
    if (message === BOUNDED_RETRIES_WARNING) return;
    const level = entry.level <= KafkaLogLevel.ERROR ? 'error' : 'warn';
    this.logger[level]({ kafka: entry.namespace, ...fields }, `kafka: ${message}`);
  }
}
