import { defineConfig, DEVELOPMENT_MODE, MODE_VARIABLE } from './config-schema';

/**
 * Variables every service shares. An app spreads this into its own schema
 * (apps/<service>/src/config.ts) so each deployment is described in one place.
 * Defaults of secrets are for development mode only: outside it a missing
 * secret, or one left at a public development value, stops the start.
 */
export function platformConfigSchema(service: string, defaultPort: number) {
  return defineConfig({
    mode: {
      env: MODE_VARIABLE,
      type: 'enum',
      values: ['production', DEVELOPMENT_MODE],
      default: 'production',
      description:
        'development: secrets may be left unset and take their public development defaults (npm start, the tests, the benchmarks, docker-compose, the dev overlay); production: every secret must be set to a value of its own',
    },
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
    kafkaSsl: {
      env: 'KAFKA_SSL',
      type: 'boolean',
      default: false,
      description: 'connect to the brokers over TLS (verified by the system CA store, plus KAFKA_SSL_CA_FILE when set)',
    },
    kafkaSslCaFile: {
      env: 'KAFKA_SSL_CA_FILE',
      type: 'string',
      default: '',
      description: "PEM file of the CA that signed the brokers' certificates (e.g. Strimzi's cluster CA); empty: the system CA store alone",
    },
    kafkaSaslMechanism: {
      env: 'KAFKA_SASL_MECHANISM',
      type: 'enum',
      values: ['none', 'plain', 'scram-sha-256', 'scram-sha-512'],
      default: 'none',
      description: 'SASL mechanism the service authenticates to Kafka with (e.g. scram-sha-512 for a Strimzi KafkaUser); none: no authentication',
    },
    kafkaSaslUsername: {
      env: 'KAFKA_SASL_USERNAME',
      type: 'string',
      default: '',
      description: 'SASL user name (the KafkaUser); required when KAFKA_SASL_MECHANISM is not none',
    },
    kafkaSaslPassword: {
      env: 'KAFKA_SASL_PASSWORD',
      type: 'string',
      default: '',
      secret: true,
      description: 'SASL password; required when KAFKA_SASL_MECHANISM is not none',
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
    smtpUrl: {
      env: 'SMTP_URL',
      type: 'url',
      protocols: ['smtp', 'smtps'],
      // Development default: a local catch-all SMTP server (e.g. Mailpit/MailHog on 1025).
      default: 'smtp://127.0.0.1:1025',
      // May carry the relay's credentials (smtp://user:password@host:587).
      secret: true,
      description: 'SMTP server that outgoing mail is handed to (smtp:// with STARTTLS when offered, or smtps://)',
    },
    mailFrom: {
      env: 'MAIL_FROM',
      type: 'string',
      // Development default: deployments set their own sender domain.
      default: 'Passerelle <no-reply@passerelle.local>',
      pattern: /^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/,
      description: 'From header of outgoing mail, e.g. "Alumni Mentoring <no-reply@alumni.example.org>"',
    },
    otlpEndpoint: {
      env: 'OTEL_EXPORTER_OTLP_ENDPOINT',
      type: 'url',
      protocols: ['http', 'https'],
      default: '',
      description: 'OTLP/HTTP endpoint for traces, e.g. http://otel-collector:4318 (empty: traces are not exported)',
    },
    httpTrustProxyHops: {
      env: 'HTTP_TRUST_PROXY_HOPS',
      type: 'int',
      min: 0,
      max: 10,
      default: 0,
      description:
        'proxies in front of the service whose X-Forwarded-For is trusted for the client address (1 behind one Ingress; 0: the socket address)',
    },
    corsAllowedOrigins: {
      env: 'CORS_ALLOWED_ORIGINS',
      type: 'list',
      default: [],
      // An origin as browsers send it: no path, no trailing slash.
      itemPattern: /^https?:\/\/[^/\s]+$/,
      description:
        'origins (scheme://host[:port]) whose browser pages may call the API, e.g. the web application; empty: no cross-origin access',
    },
    authJwksUrl: {
      env: 'AUTH_JWKS_URL',
      type: 'url',
      protocols: ['http', 'https'],
      // Development default: identity on this machine (npm start).
      default: 'http://127.0.0.1:3001/.well-known/jwks.json',
      description: "identity's JWKS, from which access tokens are verified offline (identity itself reads its own keys)",
    },
    authIssuer: {
      env: 'AUTH_ISSUER',
      type: 'string',
      // Development default: identity's local URL; a deployment sets its public URL.
      default: 'http://127.0.0.1:3001',
      description: 'the `iss` identity writes into access tokens and every service requires',
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

/**
 * The variables of a service that sends mail through its queue table (the
 * platform's MailQueueSender), declared once for every such service;
 * `mails` says in the configuration reference which mails that service queues.
 */
export function mailQueueConfigSchema(mails: string) {
  return defineConfig({
    mailPollIntervalMs: {
      env: 'MAIL_POLL_INTERVAL_MS',
      type: 'int',
      min: 50,
      max: 60_000,
      default: 1_000,
      description: `how often pending ${mails} are looked for and handed to the SMTP server`,
    },
  });
}
