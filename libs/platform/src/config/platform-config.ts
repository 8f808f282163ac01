import { defineConfig } from './config-schema';

/**
 * Variables every service shares. An app spreads this into its own schema
 * (apps/<service>/src/config.ts) so each deployment is described in one place.
 * Defaults are for local development only: production sets every URL and
 * secret explicitly.
 */
export function platformConfigSchema(service: string, defaultPort: number) {
  return defineConfig({
    port: { env: 'PORT', type: 'port', default: defaultPort, description: 'HTTP port' },
    databaseUrl: {
      env: 'DATABASE_URL',
      type: 'url',
      protocols: ['postgres', 'postgresql'],
      // Development default: the local PostgreSQL with trust authentication.
      default: `postgres://postgres@127.0.0.1:5432/passerelle_${service}`,
      secret: true,
      description: `PostgreSQL URL of the ${service} database`,
    },
    databaseMigrateOnStart: {
      env: 'DATABASE_MIGRATE_ON_START',
      type: 'boolean',
      default: true,
      description:
        'create the database if missing and apply pending migrations at start (deployments turn this off and run `node main.js migrate` as a Job)',
    },
    databasePoolSize: {
      env: 'DATABASE_POOL_SIZE',
      type: 'int',
      min: 2,
      max: 100,
      default: 10,
      description: 'connections in the pool',
    },
    kafkaBrokers: {
      env: 'KAFKA_BROKERS',
      type: 'list',
      default: ['127.0.0.1:9092'],
      description: 'comma-separated Kafka bootstrap servers',
    },
    kafkaCreateTopics: {
      env: 'KAFKA_CREATE_TOPICS',
      type: 'boolean',
      default: true,
      description: 'create missing topics at start (off where topics are managed, e.g. by Strimzi)',
    },
    outboxPollIntervalMs: {
      env: 'OUTBOX_POLL_INTERVAL_MS',
      type: 'int',
      min: 50,
      max: 60_000,
      default: 1000,
      description: 'how often the outbox relay looks for events when no notification arrives',
    },
    outboxBatchSize: {
      env: 'OUTBOX_BATCH_SIZE',
      type: 'int',
      min: 1,
      max: 5000,
      default: 500,
      description: 'events the relay publishes per batch',
    },
    outboxReadyBacklog: {
      env: 'OUTBOX_READY_BACKLOG',
      type: 'int',
      min: 1,
      default: 10_000,
      description: 'unpublished events above which the service reports not ready',
    },
    consumerMaxAttempts: {
      env: 'CONSUMER_MAX_ATTEMPTS',
      type: 'int',
      min: 1,
      max: 50,
      default: 5,
      description: 'attempts of a failing handler before its record goes to the dead-letter topic',
    },
    consumerRetryBaseMs: {
      env: 'CONSUMER_RETRY_BASE_MS',
      type: 'int',
      min: 1,
      max: 60_000,
      default: 200,
      description: 'first back-off delay between handler attempts (doubles each time)',
    },
    consumerCommitIntervalMs: {
      env: 'CONSUMER_COMMIT_INTERVAL_MS',
      type: 'int',
      min: 100,
      default: 5_000,
      description: 'how often processed offsets are committed (a redelivery after a crash is absorbed by the inbox)',
    },
    otlpEndpoint: {
      env: 'OTEL_EXPORTER_OTLP_ENDPOINT',
      type: 'url',
      protocols: ['http', 'https'],
      default: '',
      description: 'OTLP/HTTP endpoint for traces, e.g. http://otel-collector:4318 (empty: traces are not exported)',
    },
    logLevel: {
      env: 'LOG_LEVEL',
      type: 'enum',
      values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      default: 'info',
      description: 'minimum level of the JSON logs',
    },
    shutdownTimeoutMs: {
      env: 'SHUTDOWN_TIMEOUT_MS',
      type: 'int',
      min: 1000,
      default: 25_000,
      description: 'time allowed for in-flight work on SIGTERM (keep below terminationGracePeriodSeconds)',
    },
  });
}

export type PlatformConfigSchema = ReturnType<typeof platformConfigSchema>;
