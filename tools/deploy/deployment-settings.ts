/**
 * The choices a Kubernetes deployment makes that the code does not: where the
 * platform's neighbours live (Strimzi's Kafka, CloudNativePG databases, the
 * OpenTelemetry collector, the Ingress controller, Prometheus), resources,
 * probe timings and topic retention. Everything else in the generated base
 * comes from the apps (service-catalogue.ts). Overlays patch the values that
 * differ per environment (public URLs, replicas, topic replication).
 */

/**
 * Strimzi `Kafka` resource whose entity operator watches the application
 * namespace. The services reach it on its TLS listener only: events carry
 * personal data.
 */
export const KAFKA_CLUSTER = { name: 'passerelle', namespace: 'kafka', bootstrap: 'passerelle-kafka-bootstrap.kafka.svc:9093', port: 9093 } as const;

/**
 * The CA that signed the brokers' certificates: Strimzi writes it to the Secret
 * `<cluster>-cluster-ca-cert` of the Kafka namespace; the operator copies it into
 * the application namespace under the same name (deploy/README.md). Each pod
 * mounts it and KEDA reads it from there.
 */
export const KAFKA_CA = { secret: `${KAFKA_CLUSTER.name}-cluster-ca-cert`, key: 'ca.crt', mountPath: '/etc/passerelle/kafka-ca' } as const;

export const OTEL_COLLECTOR = { namespace: 'observability', podLabels: { 'app.kubernetes.io/name': 'opentelemetry-collector' }, endpoint: 'http://otel-collector.observability.svc:4318', port: 4318 } as const;

export const INGRESS_CONTROLLER = { namespace: 'ingress-nginx', className: 'nginx' } as const;
export const PROMETHEUS = { namespace: 'monitoring' } as const;

/** One CloudNativePG cluster per service (its own database, PRODUCT.md: Services); `-rw` is its primary's Service. */
export const database = (service: string) => ({
  cluster: `passerelle-${service}`,
  podLabels: { 'cnpg.io/cluster': `passerelle-${service}` },
  host: `passerelle-${service}-rw`,
  port: 5432,
  name: `passerelle_${service}`,
});

/** SMTP relay ports (submission with STARTTLS, SMTPS); the relay is outside the cluster. */
export const SMTP_PORTS = [587, 465] as const;

/**
 * The one public host (one Ingress rule): the web application and, on the same
 * origin, the API under /v1 and /.well-known. Tokens name it as their issuer,
 * and the links of mails point to it. Overlays replace it.
 */
export const PUBLIC_HOST = 'passerelle.example.org';
export const PUBLIC_ORIGIN = `https://${PUBLIC_HOST}`;

/** The image every service's Deployment and Job runs; overlays pin its registry and tag. */
export const IMAGE = 'passerelle';
/** The `node` user of the official Node.js image (Dockerfile: USER node). */
export const RUN_AS_USER = 1000;

/** The unprivileged process gets this long between the end of preStop and SIGKILL: above SHUTDOWN_TIMEOUT_MS. */
export const PRE_STOP_SLEEP_SECONDS = 5;
export const SHUTDOWN_TIMEOUT_MS = 25_000;
export const TERMINATION_GRACE_SECONDS = 40;

export interface Resources {
  readonly requests: { cpu: string; memory: string };
  readonly limits: { cpu: string; memory: string };
}
const DEFAULT_RESOURCES: Resources = { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } };
/** Matching solves rounds in worker threads on every core it gets. */
export const RESOURCES: Readonly<Record<string, Resources>> = {
  matching: { requests: { cpu: '500m', memory: '512Mi' }, limits: { cpu: '2', memory: '1Gi' } },
};
export const resourcesOf = (service: string): Resources => RESOURCES[service] ?? DEFAULT_RESOURCES;

/**
 * The web application's image (Dockerfile target `web`: nginx with
 * deploy/web/nginx.conf), its port and user: those of nginx's unprivileged
 * image. Overlays pin its registry and tag like the services'.
 */
export const WEB = {
  image: 'passerelle-web',
  port: 8080,
  runAsUser: 101,
  healthPath: '/healthz',
  // Static files: a few MB resident, little CPU; it scales out on CPU like the HTTP service.
  resources: { requests: { cpu: '50m', memory: '32Mi' }, limits: { cpu: '500m', memory: '128Mi' } } satisfies Resources,
} as const;

/**
 * Each service's V8 old-generation ceiling in MB (`--max-old-space-size`),
 * given by every launcher: the Deployments, docker-compose, `npm start`, the
 * benchmarks and the process-level tests. Without one, V8 sizes the heap from
 * the machine's memory and lets garbage pile up before it collects: under
 * bench:pipeline's load communication reached 314 MB resident with 46 MB of
 * it live once capped. 128 MB keeps a service near 170 MB resident under
 * load, inside its memory request. Matching's rounds hold every scored pair
 * (about 365 MB resident at 20k × 8k), under its 1 Gi limit.
 */
const DEFAULT_HEAP_MB = 128;
const HEAP_MB: Readonly<Record<string, number>> = { matching: 768 };
export const heapMbOf = (service: string): number => HEAP_MB[service] ?? DEFAULT_HEAP_MB;
/** The Node.js flags a service runs with, before its entry point. */
export const nodeArgsOf = (service: string): string[] => [`--max-old-space-size=${heapMbOf(service)}`];

export const MIN_REPLICAS = 2;
/** The HTTP-only service (no consumer group) scales on CPU alone. */
export const MAX_HTTP_REPLICAS = 6;
export const CPU_TARGET_PERCENT = 70;
/** Records behind per partition, averaged over the group, above which KEDA adds a consumer. */
export const LAG_THRESHOLD = 100;

/** Replication of every topic (three brokers, two in sync: one broker may be down without stopping producers). */
export const TOPIC_REPLICAS = 3;
export const TOPIC_MIN_INSYNC_REPLICAS = 2;
/**
 * Domain topics are the event log that evaluation's projections are rebuilt from
 * (PRODUCT.md: "The projections can be rebuilt from the event log and come out
 * identical"): a replay must start at offset 0 of every source topic, so they
 * keep every record. Compaction would not do: the key is the aggregate id and a
 * projection needs every event of an aggregate, not the last one.
 */
export const DOMAIN_RETENTION_MS = -1;
/** Dead-letter records: long enough to notice, fix the cause and replay them. */
export const DEAD_LETTER_RETENTION_MS = 30 * 24 * 3_600_000;

/** The service's Strimzi KafkaUser; Strimzi writes its SCRAM password to a Secret of the same name (key `password`). */
export const kafkaUserName = (service: string) => `passerelle-${service}`;

/** Non-secret values every service's ConfigMap sets (the rest stay at their schema defaults). */
export function sharedEnvironment(service: string, port: number): Record<string, string> {
  return {
    PORT: String(port),
    DATABASE_MIGRATE_ON_START: 'false',
    KAFKA_BROKERS: KAFKA_CLUSTER.bootstrap,
    KAFKA_SSL: 'true',
    KAFKA_SSL_CA_FILE: `${KAFKA_CA.mountPath}/${KAFKA_CA.key}`,
    // Authenticated as its own KafkaUser, whose ACLs allow only its topics and group (the password comes from Strimzi's Secret).
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: kafkaUserName(service),
    KAFKA_CREATE_TOPICS: 'false',
    OTEL_EXPORTER_OTLP_ENDPOINT: OTEL_COLLECTOR.endpoint,
    HTTP_TRUST_PROXY_HOPS: '1',
    AUTH_JWKS_URL: 'http://identity:3001/.well-known/jwks.json',
    AUTH_ISSUER: PUBLIC_ORIGIN,
    MAIL_FROM: 'Passerelle <no-reply@passerelle.example.org>',
    LOG_LEVEL: 'info',
    SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
    ...SERVICE_ENVIRONMENT[service],
  };
}

const SERVICE_ENVIRONMENT: Readonly<Record<string, Record<string, string>>> = {
  // The application is on the public origin: account mails link there.
  identity: { PUBLIC_APP_URL: PUBLIC_ORIGIN, PLATFORM_ADMIN_EMAIL: 'platform-admin@passerelle.example.org' },
  // Unsubscribe links go to the API, on the same origin.
  communication: { PUBLIC_API_URL: PUBLIC_ORIGIN },
};

/**
 * Consumer groups a service uses besides its own, by prefix: evaluation's
 * projection rebuild (`main.js rebuild`) replays the topics in a throw-away
 * group `passerelle.evaluation.rebuild.<generation>.<time>` and deletes it after.
 */
export const EXTRA_GROUP_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  evaluation: ['passerelle.evaluation.rebuild.'],
};
