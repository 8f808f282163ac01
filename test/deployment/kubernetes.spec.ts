/**
 * The Kubernetes manifests, rendered as `kubectl apply -k` would render each
 * overlay, validated object by object against the Kubernetes API schemas
 * (kubernetes-models), KEDA's, and Strimzi's KafkaTopic/KafkaUser fields, then
 * cross-checked against the services' code: ports, probe paths, environment
 * (parsed by each configuration schema), topics, consumer groups, HTTP prefixes.
 * Pure: files only, no cluster.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { TriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { deadLetterTopic, TOPICS } from '@passerelle/contracts';
import { consumerGroupOf } from '@passerelle/platform';
import { ConfigError, loadConfig } from '@passerelle/platform/config';
import { GENERATE_BASE_COMMAND, renderBaseFiles, renderDevelopmentSecrets } from '../../tools/deploy/base-files';
import { DEAD_LETTER_RETENTION_MS, DOMAIN_RETENTION_MS, EXTRA_GROUP_PREFIXES, KAFKA_CA, KAFKA_CLUSTER } from '../../tools/deploy/deployment-settings';
import { configMapName, developmentSecrets, kafkaUserName, secretName } from '../../tools/deploy/kubernetes-manifests';
import { kustomize, type Resource } from '../../tools/deploy/kustomize';
import { WEB_APPLICATION } from '../../tools/deploy/public-routes';
import { allServiceFacts, type ServiceFacts } from '../../tools/deploy/service-catalogue';

const ROOT = join(__dirname, '..', '..');
const KUBERNETES = join(ROOT, 'deploy', 'kubernetes');
const OVERLAYS = ['dev', 'prod'] as const;
const SERVICES = allServiceFacts();

type Validate = (object: Resource) => void;
const modelValidator =
  (Model: new (data: never) => { validate(): void }): Validate =>
  (object) =>
    new Model(object as never).validate();

/** Strimzi's KafkaTopic and KafkaUser (kafka.strimzi.io/v1beta2), the fields this repository uses, unknown ones refused. */
const ajv = new Ajv({ allErrors: true, strict: false });
const strimziMetadata = {
  type: 'object',
  required: ['name', 'labels'],
  properties: { labels: { type: 'object', required: ['strimzi.io/cluster'] } },
};
const kafkaTopicSchema = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'kafka.strimzi.io/v1beta2' },
    kind: { const: 'KafkaTopic' },
    metadata: strimziMetadata,
    spec: {
      type: 'object',
      additionalProperties: false,
      required: ['partitions', 'replicas'],
      properties: {
        topicName: { type: 'string' },
        partitions: { type: 'integer', minimum: 1 },
        replicas: { type: 'integer', minimum: 1, maximum: 32767 },
        config: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
      },
    },
  },
};
const kafkaUserSchema = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'kafka.strimzi.io/v1beta2' },
    kind: { const: 'KafkaUser' },
    metadata: strimziMetadata,
    spec: {
      type: 'object',
      additionalProperties: false,
      properties: {
        authentication: { type: 'object', required: ['type'], properties: { type: { enum: ['tls', 'tls-external', 'scram-sha-512'] } } },
        authorization: {
          type: 'object',
          additionalProperties: false,
          required: ['type', 'acls'],
          properties: {
            type: { const: 'simple' },
            acls: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['resource', 'operations'],
                properties: {
                  type: { enum: ['allow', 'deny'] },
                  host: { type: 'string' },
                  resource: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['type'],
                    properties: {
                      type: { enum: ['topic', 'group', 'cluster', 'transactionalId'] },
                      name: { type: 'string' },
                      patternType: { enum: ['literal', 'prefix'] },
                    },
                  },
                  operations: {
                    type: 'array',
                    minItems: 1,
                    items: { enum: ['Read', 'Write', 'Create', 'Delete', 'Alter', 'Describe', 'ClusterAction', 'AlterConfigs', 'DescribeConfigs', 'IdempotentWrite', 'All'] },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};
const schemaValidator =
  (schema: object): Validate =>
  (object) => {
    const validate = ajv.compile(schema);
    if (!validate(object)) throw new Error(ajv.errorsText(validate.errors));
  };

const VALIDATORS: Readonly<Record<string, Validate>> = {
  'v1/Namespace': modelValidator(Namespace),
  'v1/ConfigMap': modelValidator(ConfigMap),
  'v1/Secret': modelValidator(Secret),
  'v1/Service': modelValidator(Service),
  'v1/ServiceAccount': modelValidator(ServiceAccount),
  'apps/v1/Deployment': modelValidator(Deployment),
  'batch/v1/Job': modelValidator(Job),
  'policy/v1/PodDisruptionBudget': modelValidator(PodDisruptionBudget),
  'autoscaling/v2/HorizontalPodAutoscaler': modelValidator(HorizontalPodAutoscaler),
  'networking.k8s.io/v1/Ingress': modelValidator(Ingress),
  'networking.k8s.io/v1/NetworkPolicy': modelValidator(NetworkPolicy),
  'keda.sh/v1alpha1/ScaledObject': modelValidator(ScaledObject),
  'keda.sh/v1alpha1/TriggerAuthentication': modelValidator(TriggerAuthentication),
  'kafka.strimzi.io/v1beta2/KafkaTopic': schemaValidator(kafkaTopicSchema),
  'kafka.strimzi.io/v1beta2/KafkaUser': schemaValidator(kafkaUserSchema),
};

const rendered = Object.fromEntries(OVERLAYS.map((overlay) => [overlay, kustomize(join(KUBERNETES, 'overlays', overlay))])) as Record<
  (typeof OVERLAYS)[number],
  Resource[]
>;

function find(objects: readonly Resource[], kind: string, name: string): Resource {
  const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
  if (!found) throw new Error(`no ${kind}/${name}`);
  return found;
}
const all = (objects: readonly Resource[], kind: string) => objects.filter((object) => object.kind === kind);

interface Container {
  name: string;
  image: string;
  args?: string[];
  ports?: { name: string; containerPort: number }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  env?: unknown[];
  startupProbe?: { httpGet: { path: string; port: string | number } };
  livenessProbe?: { httpGet: { path: string; port: string | number } };
  readinessProbe?: { httpGet: { path: string; port: string | number } };
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean; capabilities?: { drop?: string[] } };
}
interface PodTemplate {
  metadata: { labels: Record<string, string> };
  spec: {
    containers: Container[];
    terminationGracePeriodSeconds?: number;
    restartPolicy?: string;
    automountServiceAccountToken?: boolean;
    securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; seccompProfile?: { type: string } };
  };
}
const templateOf = (object: Resource) => (object.spec as { template: PodTemplate }).template;
const selects = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value);

/** What an operator puts in `<service>-secrets` for prod: values of their own, none of them public. */
function operatorSecrets(facts: ServiceFacts): Record<string, string> {
  const values: Record<string, string> = {
    DATABASE_URL: `postgres://${facts.name}:from-the-secret-store@passerelle-${facts.name}-rw:5432/passerelle_${facts.name}`,
    SMTP_URL: 'smtps://relay-user:from-the-secret-store@smtp.example.org:465',
    TOKEN_SIGNING_SECRET: 'a-signing-secret-from-the-secret-store-of-the-operator',
    PLATFORM_ADMIN_PASSWORD: 'an admin password from the secret store',
  };
  const declared = Object.values(facts.schema).filter((variable) => variable.secret && variable.env !== 'KAFKA_SASL_PASSWORD');
  return Object.fromEntries(declared.map((variable) => [variable.env, values[variable.env]]));
}

/**
 * The environment a container gets: its ConfigMap, then its Secret (the
 * overlay's, or for prod the one the operator creates, given as `secrets`),
 * then the one variable taken from elsewhere: the Kafka password Strimzi
 * writes for the service's KafkaUser (a stand-in value here).
 */
function environmentOf(objects: readonly Resource[], container: Container, secrets: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  expect(container.env).toEqual([{ name: 'KAFKA_SASL_PASSWORD', valueFrom: { secretKeyRef: { name: kafkaUserName(container.name), key: 'password' } } }]);
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) Object.assign(env, find(objects, 'ConfigMap', source.configMapRef.name).data as Record<string, string>);
    const secret = source.secretRef && objects.find((o) => o.kind === 'Secret' && o.metadata.name === source.secretRef?.name);
    if (secret) Object.assign(env, secret.stringData as Record<string, string>);
  }
  return { ...env, ...secrets, KAFKA_SASL_PASSWORD: 'written-by-the-strimzi-user-operator' };
}

/** A Kubernetes memory quantity in binary units (`512Mi`, `1Gi`), in MiB. */
function mebibytes(quantity: string): number {
  const [, amount, unit] = /^(\d+)(Mi|Gi)$/.exec(quantity) ?? [];
  if (!amount) throw new Error(`unexpected memory quantity ${quantity}`);
  return Number(amount) * (unit === 'Gi' ? 1024 : 1);
}

describe('deploy/kubernetes/base', () => {
  it(`is what \`${GENERATE_BASE_COMMAND}\` generates from the code (run it after changing a service, a topic or a handler)`, () => {
    for (const [name, text] of renderBaseFiles()) {
      const path = join(KUBERNETES, 'base', name);
      const committed = existsSync(path) ? readFileSync(path, 'utf8') : '(missing)';
      if (committed !== text) throw new Error(`deploy/kubernetes/base/${name} is stale: run \`${GENERATE_BASE_COMMAND}\``);
    }
    const secrets = join(KUBERNETES, 'overlays', 'dev', 'secrets.dev.yaml');
    if (readFileSync(secrets, 'utf8') !== renderDevelopmentSecrets()) {
      throw new Error(`deploy/kubernetes/overlays/dev/secrets.dev.yaml is stale: run \`${GENERATE_BASE_COMMAND}\``);
    }
  });
});

describe.each(OVERLAYS)('overlay %s', (overlay) => {
  const objects = rendered[overlay];
  const namespace = overlay === 'prod' ? 'passerelle' : 'passerelle-dev';

  it('renders only kinds it can validate, each valid against its API schema, all in one namespace', () => {
    expect(objects.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const object of objects) {
      const key = `${object.apiVersion}/${object.kind}`;
      const validate = VALIDATORS[key];
      if (!validate) {
        problems.push(`${key} ${object.metadata.name}: no validator for this kind`);
        continue;
      }
      try {
        validate(object);
      } catch (error) {
        problems.push(`${key} ${object.metadata.name}: ${(error as Error).message}`);
      }
      if (object.kind !== 'Namespace') expect({ object: `${key}/${object.metadata.name}`, namespace: object.metadata.namespace }).toEqual({ object: `${key}/${object.metadata.name}`, namespace });
    }
    expect(problems).toEqual([]);
    expect(find(objects, 'Namespace', namespace).metadata.labels).toMatchObject({ 'pod-security.kubernetes.io/enforce': 'restricted' });
  });

  it('really validates: a wrong type, a missing field and an unknown Strimzi field are reported', () => {
    const deployment = structuredClone(find(objects, 'Deployment', 'intake'));
    templateOf(deployment).spec.containers[0].ports = [{ name: 'http', containerPort: 'many' as unknown as number }];
    expect(() => VALIDATORS['apps/v1/Deployment'](deployment)).toThrow(/containerPort/);
    const service = structuredClone(find(objects, 'Service', 'intake'));
    (service.spec as { ports: unknown[] }).ports = [{ name: 'http' }];
    expect(() => VALIDATORS['v1/Service'](service)).toThrow(/port/);
    const topic = structuredClone(find(objects, 'KafkaTopic', TOPICS[0].name));
    (topic.spec as Record<string, unknown>).partition = 3;
    expect(() => VALIDATORS['kafka.strimzi.io/v1beta2/KafkaTopic'](topic)).toThrow(/additional/);
  });

  it("runs a pinned image, never a floating tag: the services' image, and the web application's", () => {
    for (const kind of ['Deployment', 'Job']) {
      for (const object of all(objects, kind)) {
        for (const container of templateOf(object).spec.containers) {
          const image = container.name === WEB_APPLICATION ? 'passerelle-web' : 'passerelle';
          expect(container.image).toMatch(overlay === 'prod' ? new RegExp(`^[a-z0-9.-]+/${image}:\\d+\\.\\d+\\.\\d+$`) : new RegExp(`^${image}:dev$`));
        }
      }
    }
  });

  describe.each(SERVICES.map((facts) => [facts.name, facts] as const))('%s', (name, facts: ServiceFacts) => {
    const deployment = () => find(objects, 'Deployment', name);
    const container = () => templateOf(deployment()).spec.containers[0];
    /** The container's environment once the operator has created its Secret (prod). */
    const deployedEnvironment = () => environmentOf(objects, container(), overlay === 'prod' ? operatorSecrets(facts) : {});

    it('runs its own entry point with the port, probes and shutdown timing the code expects', () => {
      const pod = templateOf(deployment());
      expect(pod.spec.containers).toHaveLength(1);
      const main = container();
      const [heapFlag, entry, ...rest] = main.args ?? [];
      expect([entry, rest]).toEqual([`dist/apps/${name}/src/main.js`, []]);
      // A V8 heap ceiling that leaves a quarter of the memory limit to code, new space and buffers.
      const heapMb = Number(/^--max-old-space-size=(\d+)$/.exec(heapFlag)?.[1]);
      expect(heapMb).toBeGreaterThanOrEqual(128);
      expect(heapMb).toBeLessThanOrEqual(0.75 * mebibytes(String(main.resources?.limits?.memory)));
      expect(existsSync(join(ROOT, `apps/${name}/src/main.ts`))).toBe(true);
      expect(main.ports).toEqual([expect.objectContaining({ name: 'http', containerPort: facts.port })]);
      expect(main.startupProbe?.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(main.livenessProbe?.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(main.readinessProbe?.httpGet).toEqual({ path: '/health/ready', port: 'http' });
      const config = loadConfig(facts.schema, deployedEnvironment());
      expect(config.port).toBe(facts.port);
      const preStop = Number(main.lifecycle?.preStop?.exec?.command?.[1] ?? 0);
      // SIGKILL must not cut the drain short: grace > preStop + SHUTDOWN_TIMEOUT_MS.
      expect(pod.spec.terminationGracePeriodSeconds).toBeGreaterThan(preStop + Number(config.shutdownTimeoutMs) / 1000);
    });

    it('runs as a non-root user on a read-only root filesystem with no privileges, within resource bounds', () => {
      const pod = templateOf(deployment());
      expect(pod.spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } });
      expect(pod.spec.automountServiceAccountToken).toBe(false);
      expect(container().securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
      expect(Object.keys(container().resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
      expect(Object.keys(container().resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
      // The image's user (Dockerfile: USER node) is uid 1000 in the official Node.js image.
      expect(readFileSync(join(ROOT, 'Dockerfile'), 'utf8')).toMatch(/^USER node$/m);
    });

    it('takes every variable from its ConfigMap and Secret: only declared ones, secrets only in the Secret, all valid', () => {
      const main = container();
      expect(main.envFrom).toEqual([{ configMapRef: { name: configMapName(name) } }, { secretRef: { name: secretName(name) } }]);
      const data = find(objects, 'ConfigMap', configMapName(name)).data as Record<string, string>;
      const variables = Object.values(facts.schema);
      const declared = new Set(variables.map((variable) => variable.env));
      const secrets = variables.filter((variable) => variable.secret).map((variable) => variable.env);
      expect(Object.keys(data).filter((key) => !declared.has(key))).toEqual([]);
      expect(Object.keys(data).filter((key) => secrets.includes(key))).toEqual([]);
      const secret = objects.find((object) => object.kind === 'Secret' && object.metadata.name === secretName(name));
      if (overlay === 'prod') {
        // Referenced, never committed: production creates its Secrets itself.
        expect(secret).toBeUndefined();
      } else {
        const values = (secret?.stringData ?? {}) as Record<string, string>;
        // The Kafka password is Strimzi's (environmentOf checks where it comes from), every other secret is the Secret's.
        expect(Object.keys(values).sort()).toEqual(secrets.filter((variable) => variable !== 'KAFKA_SASL_PASSWORD').sort());
        for (const value of Object.values(values)) expect(value).toContain('development-only');
        expect(secret?.metadata.annotations).toMatchObject({ 'passerelle.io/development-only': 'true' });
      }
      const config = loadConfig(facts.schema, deployedEnvironment());
      expect(config).toMatchObject({ databaseMigrateOnStart: false, kafkaCreateTopics: false, kafkaBrokers: [KAFKA_CLUSTER.bootstrap], httpTrustProxyHops: 1 });
      expect(config.mode).toBe(overlay === 'dev' ? 'development' : 'production');
      expect(config).toMatchObject({ kafkaSaslMechanism: 'scram-sha-512', kafkaSaslUsername: kafkaUserName(name) });
      // Every service verifies tokens from identity's Service, and requires the issuer identity writes.
      const identity = SERVICES.find((other) => other.name === 'identity') as ServiceFacts;
      const jwks = new URL(config.authJwksUrl as string);
      expect({ host: jwks.hostname, port: Number(jwks.port), path: jwks.pathname }).toEqual({ host: 'identity', port: identity.port, path: '/.well-known/jwks.json' });
      const identityConfig = find(objects, 'ConfigMap', configMapName('identity')).data as Record<string, string>;
      expect(config.authIssuer).toBe(identityConfig.AUTH_ISSUER);
    });

    it('cannot start without its Secret outside development mode, nor with the development placeholders', () => {
      if (overlay === 'dev') return;
      const secrets = Object.values(facts.schema).filter((variable) => variable.secret && variable.env !== 'KAFKA_SASL_PASSWORD');
      const failure = (env: Record<string, string>) => {
        try {
          loadConfig(facts.schema, env);
        } catch (error) {
          return error instanceof ConfigError ? error.problems : [String(error)];
        }
        return [];
      };
      // No Secret applied: each missing secret is named on its own line.
      expect(failure(environmentOf(objects, container())).map((problem) => problem.split(' ')[0])).toEqual(secrets.map((variable) => variable.env));
      // The dev overlay's Secret applied to prod by mistake: its public values are refused (URLs aside, which name development hosts).
      const placeholders = developmentSecrets().find((secret) => secret.metadata.name === secretName(name))?.stringData as Record<string, string>;
      const refused = failure({ ...environmentOf(objects, container()), ...operatorSecrets(facts), ...placeholders }).filter((problem) => problem.includes('is refused'));
      expect(refused).toEqual(
        secrets
          .filter((variable) => variable.type !== 'url')
          .map((variable) => `${variable.env}=(secret) is refused: it is a public development value, accepted only with PASSERELLE_MODE=development`),
      );
    });

    it('reaches Kafka over TLS only, trusting the cluster CA mounted from its Secret', () => {
      const pod = templateOf(deployment()) as PodTemplate & { spec: { volumes?: { name: string; secret?: { secretName: string } }[] } };
      const config = loadConfig(facts.schema, deployedEnvironment());
      expect({ ssl: config.kafkaSsl, ca: config.kafkaSslCaFile, brokers: config.kafkaBrokers }).toEqual({
        ssl: true,
        ca: `${KAFKA_CA.mountPath}/${KAFKA_CA.key}`,
        brokers: [KAFKA_CLUSTER.bootstrap],
      });
      expect(KAFKA_CLUSTER.bootstrap.endsWith(`:${KAFKA_CLUSTER.port}`)).toBe(true);
      expect(pod.spec.volumes).toContainEqual(expect.objectContaining({ name: 'kafka-ca', secret: expect.objectContaining({ secretName: KAFKA_CA.secret }) }));
      expect((container() as Container & { volumeMounts?: unknown[] }).volumeMounts).toContainEqual({ name: 'kafka-ca', mountPath: KAFKA_CA.mountPath, readOnly: true });
      const job = templateOf(find(objects, 'Job', `${name}-migrate`)) as typeof pod;
      expect(job.spec.volumes).toEqual(pod.spec.volumes);
      if (facts.consumes.length === 0) return;
      // KEDA reads the lag over the same listener, with the same CA.
      const triggers = (find(objects, 'ScaledObject', name).spec as { triggers: { type: string; metadata: Record<string, string> }[] }).triggers.filter((trigger) => trigger.type === 'kafka');
      for (const trigger of triggers) expect(trigger.metadata).toMatchObject({ bootstrapServers: KAFKA_CLUSTER.bootstrap, tls: 'enable' });
      const auth = find(objects, 'TriggerAuthentication', `${name}-kafka`).spec as { secretTargetRef: unknown[] };
      expect(auth.secretTargetRef).toContainEqual({ parameter: 'ca', name: KAFKA_CA.secret, key: KAFKA_CA.key });
    });

    it('has a Service and a PodDisruptionBudget that select its server pods and not its migration pods', () => {
      const podLabels = templateOf(deployment()).metadata.labels;
      const jobLabels = templateOf(find(objects, 'Job', `${name}-migrate`)).metadata.labels;
      const service = find(objects, 'Service', name).spec as { selector: Record<string, string>; ports: { port: number; targetPort: string }[] };
      expect(selects(service.selector, podLabels)).toBe(true);
      expect(selects(service.selector, jobLabels)).toBe(false);
      expect(service.ports).toEqual([expect.objectContaining({ port: facts.port, targetPort: 'http' })]);
      const pdb = find(objects, 'PodDisruptionBudget', name).spec as { selector: { matchLabels: Record<string, string> }; maxUnavailable?: number };
      expect(selects(pdb.selector.matchLabels, podLabels)).toBe(true);
      expect(selects(pdb.selector.matchLabels, jobLabels)).toBe(false);
      expect(pdb.maxUnavailable).toBe(1);
    });

    it('has a one-shot migration Job running `main.js migrate` with the same configuration', () => {
      const job = find(objects, 'Job', `${name}-migrate`);
      const pod = templateOf(job);
      expect(pod.spec.restartPolicy).toBe('Never');
      expect(pod.spec.containers[0].args).toEqual([`dist/apps/${name}/src/main.js`, 'migrate']);
      expect(pod.spec.containers[0].envFrom).toEqual(container().envFrom);
      expect(pod.spec.containers[0].image).toBe(container().image);
      expect(pod.spec.containers[0].securityContext).toEqual(container().securityContext);
    });

    it('scales on the lag of its consumer group (KEDA) and on CPU, capped at the partition count; HPA on CPU alone without a group', () => {
      const scaled = objects.find((object) => object.kind === 'ScaledObject' && object.metadata.name === name);
      const hpa = objects.find((object) => object.kind === 'HorizontalPodAutoscaler' && object.metadata.name === name);
      if (facts.consumes.length === 0) {
        expect(scaled).toBeUndefined();
        const spec = hpa?.spec as { scaleTargetRef: { name: string }; metrics: { resource: { name: string } }[] };
        expect(spec.scaleTargetRef.name).toBe(name);
        expect(spec.metrics.map((metric) => metric.resource.name)).toEqual(['cpu']);
        return;
      }
      // KEDA creates and owns the HPA: a second one on the same Deployment would fight it.
      expect(hpa).toBeUndefined();
      const spec = scaled?.spec as {
        scaleTargetRef: { name: string };
        minReplicaCount: number;
        maxReplicaCount: number;
        triggers: { type: string; metadata: Record<string, string> }[];
      };
      expect(spec.scaleTargetRef.name).toBe(name);
      const kafka = spec.triggers.filter((trigger) => trigger.type === 'kafka');
      expect(kafka.map((trigger) => trigger.metadata.topic).sort()).toEqual(facts.consumes.map((topic) => topic.name).sort());
      for (const trigger of kafka) {
        expect(trigger.metadata).toMatchObject({ consumerGroup: consumerGroupOf(name), bootstrapServers: KAFKA_CLUSTER.bootstrap, allowIdleConsumers: 'false' });
      }
      expect(spec.triggers.filter((trigger) => trigger.type === 'cpu')).toHaveLength(1);
      expect(spec.maxReplicaCount).toBeLessThanOrEqual(Math.max(...facts.consumes.map((topic) => topic.partitions)));
      expect(spec.minReplicaCount).toBeGreaterThanOrEqual(1);
      expect(spec.minReplicaCount).toBeLessThanOrEqual(spec.maxReplicaCount);
    });

    it('has a KafkaUser allowed exactly what the service does: write its topics, read what it handles, dead-letter those, its own group', () => {
      const user = find(objects, 'KafkaUser', kafkaUserName(name));
      const acls = (user.spec as { authorization: { acls: { resource: { type: string; name: string; patternType: string }; operations: string[] }[] } })
        .authorization.acls;
      const granted = acls.flatMap((rule) => rule.operations.map((op) => `${rule.resource.type}:${rule.resource.patternType}:${rule.resource.name}:${op}`)).sort();
      const expected = [
        ...facts.produces.flatMap((topic) => [`topic:literal:${topic.name}:Write`, `topic:literal:${topic.name}:Describe`]),
        ...facts.consumes.flatMap((topic) => [
          `topic:literal:${topic.name}:Read`,
          `topic:literal:${topic.name}:Describe`,
          `topic:literal:${deadLetterTopic(topic.name)}:Write`,
          `topic:literal:${deadLetterTopic(topic.name)}:Describe`,
        ]),
        ...(facts.consumes.length > 0 ? [`group:literal:${consumerGroupOf(name)}:Read`] : []),
        ...(EXTRA_GROUP_PREFIXES[name] ?? []).flatMap((prefix) => [`group:prefix:${prefix}:Read`, `group:prefix:${prefix}:Delete`]),
      ].sort();
      // A prefix ACL never reaches beyond the service's own groups.
      for (const prefix of EXTRA_GROUP_PREFIXES[name] ?? []) expect(prefix.startsWith(`${consumerGroupOf(name)}.`)).toBe(true);
      expect(granted).toEqual(expected);
      expect(user.metadata.labels?.['strimzi.io/cluster']).toBe(KAFKA_CLUSTER.name);
    });

    it('may reach only Kafka, its own database, the collector, DNS, the SMTP relay and (for JWKS) identity', () => {
      const policy = find(objects, 'NetworkPolicy', name).spec as {
        podSelector: { matchLabels: Record<string, string> };
        policyTypes: string[];
        egress: { to: { podSelector?: { matchLabels: Record<string, string> }; namespaceSelector?: { matchLabels: Record<string, string> }; ipBlock?: { cidr: string; except?: string[] } }[]; ports: { port: number }[] }[];
      };
      expect(policy.policyTypes).toEqual(['Ingress', 'Egress']);
      expect(selects(policy.podSelector.matchLabels, templateOf(deployment()).metadata.labels)).toBe(true);
      expect(selects(policy.podSelector.matchLabels, templateOf(find(objects, 'Job', `${name}-migrate`)).metadata.labels)).toBe(true);
      const peers = policy.egress.flatMap((rule) => rule.to.map((peer) => ({ peer, ports: rule.ports.map((port) => port.port) })));
      const databases = peers.filter(({ peer }) => peer.podSelector?.matchLabels['cnpg.io/cluster']);
      expect(databases.map(({ peer }) => peer.podSelector?.matchLabels['cnpg.io/cluster'])).toEqual([`passerelle-${name}`]);
      const otherServices = peers.filter(({ peer }) => !peer.namespaceSelector && peer.podSelector?.matchLabels['app.kubernetes.io/name']);
      expect(otherServices.map(({ peer }) => peer.podSelector?.matchLabels['app.kubernetes.io/name'])).toEqual(name === 'identity' ? [] : ['identity']);
      const kafka = peers.filter(({ peer }) => peer.podSelector?.matchLabels['strimzi.io/cluster'] === KAFKA_CLUSTER.name);
      expect(kafka.map(({ ports }) => ports)).toEqual([[KAFKA_CLUSTER.port]]);
      const config = loadConfig(facts.schema, deployedEnvironment());
      const collector = peers.filter(({ ports }) => ports.includes(Number(new URL(config.otlpEndpoint as string).port)));
      expect(collector).toHaveLength(1);
      for (const { peer } of peers.filter(({ peer }) => peer.ipBlock)) {
        expect(peer.ipBlock?.except).toEqual(expect.arrayContaining(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']));
      }
      expect(peers).toHaveLength(6 - (name === 'identity' ? 1 : 0));
    });
  });

  it('denies all traffic in the namespace by default', () => {
    expect(find(objects, 'NetworkPolicy', 'default-deny').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
  });

  it("routes every controller's public prefix, and only those, to the service that serves it, and the rest to the web application", () => {
    const ingresses = all(objects, 'Ingress');
    expect(ingresses).toHaveLength(1);
    const rules = (ingresses[0].spec as { rules: { host: string; http: { paths: { path: string; pathType: string; backend: { service: { name: string; port: { name: string } } } }[] } }[] }).rules;
    expect(rules).toHaveLength(1);
    const paths = rules[0].http.paths.map((path) => ({ path: path.path, pathType: path.pathType, service: path.backend.service.name, port: path.backend.service.port.name }));
    expect(paths.filter((path) => path.service === WEB_APPLICATION)).toEqual([{ path: '/', pathType: 'Prefix', service: WEB_APPLICATION, port: 'http' }]);
    // Its Service has that port, in front of the web pods.
    expect((find(objects, 'Service', WEB_APPLICATION).spec as { ports: { name: string }[] }).ports.map((port) => port.name)).toEqual(['http']);
    const routes = paths.filter((path) => path.service !== WEB_APPLICATION).map(({ path, service, port }) => ({ path, service, port }));
    const expected = SERVICES.flatMap((facts) => facts.publicPrefixes.map((path) => ({ path, service: facts.name, port: 'http' })));
    expect([...routes].sort((a, b) => a.path.localeCompare(b.path))).toEqual([...expected].sort((a, b) => a.path.localeCompare(b.path)));
    // Disjoint: no prefix of one service is inside another's.
    for (const a of routes) {
      for (const b of routes) {
        if (a !== b) expect({ a: a.path, inside: b.path.startsWith(`${a.path}/`) || a.path === b.path }).toEqual({ a: a.path, inside: false });
      }
    }
    // Every controller path falls under its own service's prefix.
    for (const facts of SERVICES) {
      for (const path of facts.controllerPaths) {
        const owner = routes.filter((route) => `/${path}`.startsWith(route.path) || route.path.startsWith(`/${path}/`));
        expect({ path, services: owner.map((route) => route.service) }).toEqual({ path, services: [facts.name] });
      }
    }
    // PRODUCT.md's table: each service's prefixes that exist today are routed.
    expect(routes.map((route) => route.path)).toEqual(expect.arrayContaining(['/v1/networks', '/v1/auth', '/v1/users', '/.well-known/jwks.json', '/v1/programs', '/v1/enrollments', '/v1/matching', '/v1/matches', '/v1/conversations', '/v1/sessions', '/v1/reports']));
    if (overlay === 'prod') expect((ingresses[0].spec as { tls?: { hosts: string[] }[] }).tls).toEqual([expect.objectContaining({ hosts: [rules[0].host] })]);
    // One origin: tokens name it as their issuer, account mails link to the application there, unsubscribe links to the API there.
    const origin = `${overlay === 'prod' ? 'https' : 'http'}://${rules[0].host}`;
    const configOf = (service: string) => find(objects, 'ConfigMap', configMapName(service)).data as Record<string, string>;
    expect({
      issuer: new URL(configOf('identity').AUTH_ISSUER).origin,
      application: new URL(configOf('identity').PUBLIC_APP_URL).origin,
      unsubscribe: new URL(configOf('communication').PUBLIC_API_URL).origin,
    }).toEqual({ issuer: origin, application: origin, unsubscribe: origin });
  });

  it('defines every topic of the catalogue and its dead-letter topic, with its partitions and retention', () => {
    const topics = all(objects, 'KafkaTopic').map((topic) => ({ name: topic.metadata.name, spec: topic.spec as { topicName: string; partitions: number; replicas: number; config: Record<string, number | string> } }));
    const expected = TOPICS.flatMap((topic) => [
      { name: topic.name, partitions: topic.partitions, retention: DOMAIN_RETENTION_MS },
      { name: deadLetterTopic(topic.name), partitions: topic.partitions, retention: DEAD_LETTER_RETENTION_MS },
    ]);
    expect(topics.map((topic) => ({ name: topic.spec.topicName, partitions: topic.spec.partitions, retention: topic.spec.config['retention.ms'] })).sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      expected.sort((a, b) => a.name.localeCompare(b.name)),
    );
    for (const topic of topics) {
      expect(topic.name).toBe(topic.spec.topicName);
      expect(topic.spec.config['min.insync.replicas']).toBeLessThanOrEqual(topic.spec.replicas);
      expect(topic.spec.replicas).toBe(overlay === 'dev' ? 1 : 3);
    }
    // Evaluation rebuilds its projections by replaying its source topics from offset 0: they keep everything.
    const evaluation = SERVICES.find((facts) => facts.name === 'evaluation') as ServiceFacts;
    for (const source of evaluation.consumes) expect(find(objects, 'KafkaTopic', source.name).spec).toMatchObject({ config: { 'retention.ms': -1 } });
  });

  it('references only Secrets and ConfigMaps it defines, or (prod) the per-service Secrets the operator creates', () => {
    for (const object of [...all(objects, 'Deployment'), ...all(objects, 'Job')]) {
      for (const source of templateOf(object).spec.containers.flatMap((c) => c.envFrom ?? [])) {
        if (source.configMapRef) find(objects, 'ConfigMap', source.configMapRef.name);
        if (source.secretRef && overlay === 'dev') find(objects, 'Secret', source.secretRef.name);
      }
    }
    if (overlay === 'prod') {
      expect(all(objects, 'Secret')).toEqual([]);
      // Nothing in prod turns development mode on, and a missing Secret stops the pod instead of being skipped.
      for (const map of all(objects, 'ConfigMap')) expect((map.data as Record<string, string>)['PASSERELLE_MODE']).toBeUndefined();
      for (const object of [...all(objects, 'Deployment'), ...all(objects, 'Job')]) {
        const sources = templateOf(object).spec.containers.flatMap((c) => c.envFrom ?? []);
        for (const source of sources.filter((s) => s.secretRef)) expect(source.secretRef).toEqual({ name: expect.stringMatching(/-secrets$/) });
      }
      expect(JSON.stringify(objects)).not.toContain('development-only');
    }
  });
});

describe('deploy/kubernetes/kafka (the Strimzi cluster the services expect)', () => {
  const objects = kustomize(join(KUBERNETES, 'kafka'));
  const prodNamespace = (rendered.prod.find((object) => object.kind === 'Namespace') as Resource).metadata.name;

  it('is the cluster of deployment-settings.ts, in its namespace, with replicated internal topics', () => {
    const kafka = find(objects, 'Kafka', KAFKA_CLUSTER.name);
    expect(kafka.metadata.namespace).toBe(KAFKA_CLUSTER.namespace);
    expect(kafka.metadata.annotations).toMatchObject({ 'strimzi.io/node-pools': 'enabled', 'strimzi.io/kraft': 'enabled' });
    const [pool] = all(objects, 'KafkaNodePool');
    expect(pool.metadata.labels?.['strimzi.io/cluster']).toBe(KAFKA_CLUSTER.name);
    expect(pool.spec).toMatchObject({ replicas: 3, roles: ['controller', 'broker'] });
    expect((kafka.spec as { kafka: { config: Record<string, unknown> } }).kafka.config).toMatchObject({
      'auto.create.topics.enable': false,
      'min.insync.replicas': 2,
      'offsets.topic.replication.factor': 3,
      'transaction.state.log.min.isr': 2,
    });
  });

  it('offers one listener, TLS with SCRAM-SHA-512 on the port the services use, open to their namespace and KEDA only', () => {
    const spec = find(objects, 'Kafka', KAFKA_CLUSTER.name).spec as {
      kafka: { listeners: { name: string; port: number; type: string; tls: boolean; authentication: { type: string }; networkPolicyPeers: unknown[] }[]; authorization: { type: string } };
      entityOperator: { topicOperator: { watchedNamespace: string }; userOperator: { watchedNamespace: string } };
    };
    expect(spec.kafka.listeners).toEqual([
      {
        name: 'tls',
        port: KAFKA_CLUSTER.port,
        type: 'internal',
        tls: true,
        authentication: { type: 'scram-sha-512' },
        networkPolicyPeers: [
          { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': prodNamespace } } },
          { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'keda' } } },
        ],
      },
    ]);
    expect(KAFKA_CLUSTER.bootstrap).toBe(`${KAFKA_CLUSTER.name}-kafka-bootstrap.${KAFKA_CLUSTER.namespace}.svc:${KAFKA_CLUSTER.port}`);
    // The services' KafkaUsers only work with simple authorization, and both operators must watch their namespace.
    expect(spec.kafka.authorization).toEqual({ type: 'simple' });
    expect([spec.entityOperator.topicOperator.watchedNamespace, spec.entityOperator.userOperator.watchedNamespace]).toEqual([prodNamespace, prodNamespace]);
    // The CA the services mount is the one Strimzi writes for this cluster.
    expect(KAFKA_CA.secret).toBe(`${KAFKA_CLUSTER.name}-cluster-ca-cert`);
  });
});
