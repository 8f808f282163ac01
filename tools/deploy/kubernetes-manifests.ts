/**
 * The Kustomize base under deploy/kubernetes/base, built from the services'
 * own facts (service-catalogue.ts) and the deployment's choices
 * (deployment-settings.ts). `npm run deploy:generate` writes it; the
 * deployment tests fail when the committed files differ from what this builds.
 */
import { deadLetterTopic, TOPICS } from '@passerelle/contracts';
import type { Variable } from '@passerelle/platform/config';
import type { IScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import type { ITriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { INetworkPolicyEgressRule } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyEgressRule';
import type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { ingressRoutes, WEB_APPLICATION } from './public-routes';
import { allServiceFacts, type ServiceFacts } from './service-catalogue';
import * as settings from './deployment-settings';

export type K8sObject = Record<string, unknown> & {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
};

export interface ManifestFile {
  /** Relative to deploy/kubernetes/base. */
  readonly path: string;
  readonly comment: string;
  readonly objects: readonly K8sObject[];
}

/** The typed builders check field names at compile time; the files hold plain objects. */
const asObject = (object: { apiVersion?: string; kind?: string; metadata?: object }) => object as K8sObject;

const PART_OF = { 'app.kubernetes.io/part-of': 'passerelle' };
const labelsOf = (service: string, component: string) => ({
  'app.kubernetes.io/name': service,
  'app.kubernetes.io/component': component,
  ...PART_OF,
});
const selectorOf = (name: string, component: string) => ({ 'app.kubernetes.io/name': name, 'app.kubernetes.io/component': component });
const serverSelector = (service: string) => selectorOf(service, 'server');
/** The web application's pods: not `server`, so nothing that admits the services' pods (identity's JWKS) admits them. */
const WEB_COMPONENT = 'frontend';

export const configMapName = (service: string) => `${service}-config`;
/** Secret holding the schema's `secret: true` variables; provided per environment, never committed with real values. */
export const secretName = (service: string) => `${service}-secrets`;
export const kafkaUserName = settings.kafkaUserName;
/** Written by Strimzi's User Operator, not by us: it reaches the pod as one variable, not through `<service>-secrets`. */
const KAFKA_PASSWORD_VARIABLE = 'KAFKA_SASL_PASSWORD';
export const mainJs = (service: string) => `dist/apps/${service}/src/main.js`;

/** The hardening of every pod (Pod Security Standard "restricted"): the image's unprivileged user, the runtime's seccomp profile. */
const podSecurityContext = (user: number): IPodSpec['securityContext'] => ({
  runAsNonRoot: true,
  runAsUser: user,
  runAsGroup: user,
  fsGroup: user,
  seccompProfile: { type: 'RuntimeDefault' },
});
/** …and of every container: no privilege, no capability, nothing written outside its volumes. */
const CONTAINER_SECURITY_CONTEXT: IContainer['securityContext'] = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
};

/** The container and pod hardening shared by Deployments and migration Jobs. */
function podSpec(facts: ServiceFacts, container: Omit<IContainer, 'name'>): IPodSpec {
  return {
    serviceAccountName: facts.name,
    automountServiceAccountToken: false,
    securityContext: podSecurityContext(settings.RUN_AS_USER),
    containers: [
      {
        name: facts.name,
        image: settings.IMAGE,
        ...container,
        envFrom: [{ configMapRef: { name: configMapName(facts.name) } }, { secretRef: { name: secretName(facts.name) } }],
        env: [{ name: KAFKA_PASSWORD_VARIABLE, valueFrom: { secretKeyRef: { name: kafkaUserName(facts.name), key: 'password' } } }],
        resources: settings.resourcesOf(facts.name),
        securityContext: CONTAINER_SECURITY_CONTEXT,
        // The root filesystem is read-only; Node and its libraries may still want a scratch directory.
        volumeMounts: [
          { name: 'tmp', mountPath: '/tmp' },
          { name: 'kafka-ca', mountPath: settings.KAFKA_CA.mountPath, readOnly: true },
        ],
      },
    ],
    volumes: [
      { name: 'tmp', emptyDir: { sizeLimit: '64Mi' } },
      { name: 'kafka-ca', secret: { secretName: settings.KAFKA_CA.secret, items: [{ key: settings.KAFKA_CA.key, path: settings.KAFKA_CA.key }] } },
    ],
  };
}

/** Replicas on different nodes where the cluster allows it. */
const spreadOverNodes = (selector: Record<string, string>): IPodSpec['topologySpreadConstraints'] => [
  { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: selector } },
];

function deployment(facts: ServiceFacts): IDeployment {
  const probe = (path: string, periodSeconds: number, failureThreshold: number): IProbe => ({
    httpGet: { path, port: 'http' },
    periodSeconds,
    timeoutSeconds: 3,
    failureThreshold,
  });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: facts.name, labels: labelsOf(facts.name, 'server') },
    spec: {
      // No `replicas`: the autoscaler owns it (a re-apply would otherwise reset it).
      revisionHistoryLimit: 5,
      selector: { matchLabels: serverSelector(facts.name) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: {
          labels: labelsOf(facts.name, 'server'),
          annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(facts.port), 'prometheus.io/path': '/metrics' },
        },
        spec: {
          // preStop lets the endpoints controller and the Ingress drop the pod before the process stops
          // taking requests; then SIGTERM drains for up to SHUTDOWN_TIMEOUT_MS; SIGKILL comes after both.
          terminationGracePeriodSeconds: settings.TERMINATION_GRACE_SECONDS,
          topologySpreadConstraints: spreadOverNodes(serverSelector(facts.name)),
          ...podSpec(facts, {
            args: [...settings.nodeArgsOf(facts.name), mainJs(facts.name)],
            ports: [{ name: 'http', containerPort: facts.port, protocol: 'TCP' }],
            startupProbe: probe('/health/live', 2, 60),
            livenessProbe: probe('/health/live', 10, 3),
            readinessProbe: probe('/health/ready', 5, 3),
            lifecycle: { preStop: { exec: { command: ['sleep', String(settings.PRE_STOP_SLEEP_SECONDS)] } } },
          }),
        },
      },
    },
  };
}

function migrationJob(facts: ServiceFacts): IJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: `${facts.name}-migrate`, labels: labelsOf(facts.name, 'migration') },
    spec: {
      backoffLimit: 4,
      activeDeadlineSeconds: 900,
      // A Job's pod template is immutable: gone soon after it succeeds, so the next release can apply it again.
      ttlSecondsAfterFinished: 600,
      template: {
        metadata: { labels: labelsOf(facts.name, 'migration') },
        spec: { restartPolicy: 'Never', ...podSpec(facts, { args: [mainJs(facts.name), 'migrate'] }) },
      },
    },
  };
}

function configMap(facts: ServiceFacts): IConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: configMapName(facts.name), labels: labelsOf(facts.name, 'config') },
    data: settings.sharedEnvironment(facts.name, facts.port),
  };
}

function service(name: string, port: number, component = 'server'): IService {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, labels: labelsOf(name, component) },
    spec: {
      type: 'ClusterIP',
      selector: selectorOf(name, component),
      ports: [{ name: 'http', port, targetPort: 'http', protocol: 'TCP' }],
    },
  };
}

function serviceAccount(name: string, component = 'server'): IServiceAccount {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name, labels: labelsOf(name, component) },
    automountServiceAccountToken: false,
  };
}

function podDisruptionBudget(name: string, component = 'server'): IPodDisruptionBudget {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name, labels: labelsOf(name, component) },
    // maxUnavailable rather than minAvailable: a one-replica environment can still drain its nodes.
    spec: { maxUnavailable: 1, selector: { matchLabels: selectorOf(name, component) } },
  };
}

/** An HPA on CPU alone, for a Deployment that answers HTTP and consumes nothing. */
function cpuAutoscaler(name: string, component = 'server'): IHorizontalPodAutoscaler {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name, labels: labelsOf(name, component) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
      minReplicas: settings.MIN_REPLICAS,
      maxReplicas: settings.MAX_HTTP_REPLICAS,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: settings.CPU_TARGET_PERCENT } } }],
    },
  };
}

/** The largest partition count among the topics the service consumes: more consumers than that would sit idle. */
export const replicaCap = (facts: ServiceFacts) => Math.max(...facts.consumes.map((topic) => topic.partitions));

/**
 * A consumer scales with KEDA on the lag of its group, per topic, and on CPU
 * for its HTTP side: one ScaledObject (KEDA owns the HPA it creates; a second
 * HPA on the same Deployment would fight it). A service without a consumer
 * group gets a plain HPA on CPU.
 */
function autoscaler(facts: ServiceFacts): IHorizontalPodAutoscaler | IScaledObject {
  if (facts.consumes.length === 0) return cpuAutoscaler(facts.name);
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name: facts.name, labels: labelsOf(facts.name, 'server') },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: facts.name },
      minReplicaCount: settings.MIN_REPLICAS,
      maxReplicaCount: replicaCap(facts),
      pollingInterval: 15,
      cooldownPeriod: 300,
      advanced: { horizontalPodAutoscalerConfig: { behavior: { scaleDown: { stabilizationWindowSeconds: 300 } } } },
      triggers: [
        { type: 'cpu', metricType: 'Utilization', metadata: { value: String(settings.CPU_TARGET_PERCENT) } },
        ...facts.consumes.map((topic) => ({
          type: 'kafka',
          authenticationRef: { name: triggerAuthenticationName(facts.name) },
          metadata: {
            bootstrapServers: settings.KAFKA_CLUSTER.bootstrap,
            sasl: 'scram_sha512',
            tls: 'enable',
            consumerGroup: facts.consumerGroup,
            topic: topic.name,
            lagThreshold: String(settings.LAG_THRESHOLD),
            // The group subscribes from the beginning (a new group reads the whole log).
            offsetResetPolicy: 'earliest',
            allowIdleConsumers: 'false',
          },
        })),
      ],
    },
  };
}

const triggerAuthenticationName = (service: string) => `${service}-kafka`;

/** KEDA reads the group's lag as the service's own KafkaUser (its name from the container's environment, its password from Strimzi's Secret), over TLS with the cluster CA. */
function triggerAuthentication(facts: ServiceFacts): ITriggerAuthentication {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'TriggerAuthentication',
    metadata: { name: triggerAuthenticationName(facts.name), labels: labelsOf(facts.name, 'server') },
    spec: {
      env: [{ parameter: 'username', name: 'KAFKA_SASL_USERNAME', containerName: facts.name }],
      secretTargetRef: [
        { parameter: 'password', name: kafkaUserName(facts.name), key: 'password' },
        { parameter: 'ca', name: settings.KAFKA_CA.secret, key: settings.KAFKA_CA.key },
      ],
    },
  };
}

type Operation = 'Read' | 'Write' | 'Describe' | 'Delete';
const acl = (type: 'topic' | 'group', name: string, operations: Operation[], patternType: 'literal' | 'prefix' = 'literal') => ({
  resource: { type, name, patternType },
  operations,
  host: '*',
});

/**
 * Least privilege: write the topics it owns (outbox relay), read the topics its
 * handlers take, write their dead-letter topics, and use its own consumer group
 * (plus, for evaluation, the throw-away groups of a projection rebuild).
 * No Create: topics are KafkaTopic resources. No IdempotentWrite: since Kafka 3.0
 * Write on a topic is enough for an idempotent producer.
 */
function kafkaUser(facts: ServiceFacts): K8sObject {
  return {
    apiVersion: 'kafka.strimzi.io/v1beta2',
    kind: 'KafkaUser',
    metadata: { name: kafkaUserName(facts.name), labels: { 'strimzi.io/cluster': settings.KAFKA_CLUSTER.name, ...labelsOf(facts.name, 'kafka-user') } },
    spec: {
      authentication: { type: 'scram-sha-512' },
      authorization: {
        type: 'simple',
        acls: [
          ...facts.produces.map((topic) => acl('topic', topic.name, ['Write', 'Describe'])),
          ...facts.consumes.map((topic) => acl('topic', topic.name, ['Read', 'Describe'])),
          ...facts.consumes.map((topic) => acl('topic', deadLetterTopic(topic.name), ['Write', 'Describe'])),
          ...(facts.consumes.length > 0 ? [acl('group', facts.consumerGroup, ['Read'])] : []),
          ...(settings.EXTRA_GROUP_PREFIXES[facts.name] ?? []).map((prefix) => acl('group', prefix, ['Read', 'Delete'], 'prefix')),
        ],
      },
    },
  };
}

const namespaceIs = (name: string) => ({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } } });
const tcp = (port: number) => ({ protocol: 'TCP' as const, port });

/** Egress to Kafka, its own database, the collector, DNS, identity's JWKS and the SMTP relay; ingress from the Ingress controller and Prometheus. */
function networkPolicy(facts: ServiceFacts, all: readonly ServiceFacts[]): INetworkPolicy {
  const db = settings.database(facts.name);
  const identity = all.find((other) => other.name === 'identity');
  const egress: INetworkPolicyEgressRule[] = [
    { to: [{ ...namespaceIs('kube-system'), podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP' as const, port: 53 }, tcp(53)] },
    {
      to: [{ ...namespaceIs(settings.KAFKA_CLUSTER.namespace), podSelector: { matchLabels: { 'strimzi.io/cluster': settings.KAFKA_CLUSTER.name, 'strimzi.io/kind': 'Kafka' } } }],
      ports: [tcp(settings.KAFKA_CLUSTER.port)],
    },
    { to: [{ podSelector: { matchLabels: db.podLabels } }], ports: [tcp(db.port)] },
    { to: [{ ...namespaceIs(settings.OTEL_COLLECTOR.namespace), podSelector: { matchLabels: settings.OTEL_COLLECTOR.podLabels } }], ports: [tcp(settings.OTEL_COLLECTOR.port)] },
    // The SMTP relay is outside the cluster; private ranges stay closed.
    {
      to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] } }],
      ports: settings.SMTP_PORTS.map(tcp),
    },
  ];
  if (facts.name !== 'identity' && identity) {
    egress.push({ to: [{ podSelector: { matchLabels: serverSelector('identity') } }], ports: [tcp(identity.port)] });
  }
  const ingressFrom: INetworkPolicyPeer[] = [namespaceIs(settings.INGRESS_CONTROLLER.namespace), namespaceIs(settings.PROMETHEUS.namespace)];
  if (facts.name === 'identity') {
    // Every other service fetches identity's JWKS to verify access tokens.
    ingressFrom.push({ podSelector: { matchLabels: { ...PART_OF, 'app.kubernetes.io/component': 'server' } } });
  }
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: facts.name, labels: labelsOf(facts.name, 'network-policy') },
    spec: {
      // The Deployment's pods and the migration Job's pods alike.
      podSelector: { matchLabels: { 'app.kubernetes.io/name': facts.name } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: ingressFrom, ports: [{ protocol: 'TCP', port: facts.port }] }],
      egress,
    },
  };
}

function defaultDeny(): INetworkPolicy {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'default-deny', labels: PART_OF },
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  };
}

/**
 * The web application: nginx serving the built files (Dockerfile target
 * `web`, deploy/web/nginx.conf baked in), hardened like the services. It
 * reads no configuration and calls nothing: no ConfigMap, no Secret.
 */
function webDeployment(): IDeployment {
  const selector = selectorOf(WEB_APPLICATION, WEB_COMPONENT);
  const probe = (periodSeconds: number): IProbe => ({ httpGet: { path: settings.WEB.healthPath, port: 'http' }, periodSeconds, timeoutSeconds: 3, failureThreshold: 3 });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: WEB_APPLICATION, labels: labelsOf(WEB_APPLICATION, WEB_COMPONENT) },
    spec: {
      // No `replicas`: the autoscaler owns it.
      revisionHistoryLimit: 5,
      selector: { matchLabels: selector },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: { labels: labelsOf(WEB_APPLICATION, WEB_COMPONENT) },
        spec: {
          serviceAccountName: WEB_APPLICATION,
          automountServiceAccountToken: false,
          securityContext: podSecurityContext(settings.WEB.runAsUser),
          topologySpreadConstraints: spreadOverNodes(selector),
          containers: [
            {
              name: WEB_APPLICATION,
              image: settings.WEB.image,
              ports: [{ name: 'http', containerPort: settings.WEB.port, protocol: 'TCP' }],
              livenessProbe: probe(10),
              readinessProbe: probe(5),
              // The Ingress drops the pod first; then the image's stop signal (SIGQUIT) lets nginx finish what is in flight.
              lifecycle: { preStop: { exec: { command: ['sleep', String(settings.PRE_STOP_SLEEP_SECONDS)] } } },
              resources: settings.WEB.resources,
              securityContext: CONTAINER_SECURITY_CONTEXT,
              // nginx's pid file and temporary directories (deploy/web/nginx.conf puts them all under /tmp).
              volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
            },
          ],
          volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '16Mi' } }],
        },
      },
    },
  };
}

/** Pages are asked for by the Ingress controller only; a static server calls nothing, not even DNS. */
function webNetworkPolicy(): INetworkPolicy {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: WEB_APPLICATION, labels: labelsOf(WEB_APPLICATION, 'network-policy') },
    spec: {
      podSelector: { matchLabels: { 'app.kubernetes.io/name': WEB_APPLICATION } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [namespaceIs(settings.INGRESS_CONTROLLER.namespace)], ports: [tcp(settings.WEB.port)] }],
      egress: [],
    },
  };
}

function ingress(all: readonly ServiceFacts[]): IIngress {
  const paths = ingressRoutes(all).map(({ path, pathType, service }) => ({ path, pathType, backend: { service: { name: service, port: { name: 'http' } } } }));
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: 'passerelle',
      labels: PART_OF,
      annotations: {
        // Request bodies above 1 MB are refused by the services anyway.
        'nginx.ingress.kubernetes.io/proxy-body-size': '1m',
        // Conversation streams (SSE) stay open; heartbeats every 25 s keep them alive.
        'nginx.ingress.kubernetes.io/proxy-read-timeout': '3600',
        'nginx.ingress.kubernetes.io/proxy-buffering': 'off',
      },
    },
    spec: {
      ingressClassName: settings.INGRESS_CONTROLLER.className,
      rules: [{ host: settings.PUBLIC_HOST, http: { paths } }],
    },
  };
}

function kafkaTopics(): K8sObject[] {
  const topic = (name: string, partitions: number, retentionMs: number, description: string): K8sObject => ({
    apiVersion: 'kafka.strimzi.io/v1beta2',
    kind: 'KafkaTopic',
    metadata: { name, labels: { 'strimzi.io/cluster': settings.KAFKA_CLUSTER.name, ...PART_OF }, annotations: { 'passerelle.io/description': description } },
    spec: {
      topicName: name,
      partitions,
      replicas: settings.TOPIC_REPLICAS,
      config: {
        'cleanup.policy': 'delete',
        'retention.ms': retentionMs,
        'min.insync.replicas': settings.TOPIC_MIN_INSYNC_REPLICAS,
      },
    },
  });
  return TOPICS.flatMap((definition) => [
    topic(definition.name, definition.partitions, settings.DOMAIN_RETENTION_MS, `${definition.aggregate} events of ${definition.service}; kept forever (projections replay from offset 0)`),
    topic(deadLetterTopic(definition.name), definition.partitions, settings.DEAD_LETTER_RETENTION_MS, `records consumers could not handle from ${definition.name}; kept 30 days`),
  ]);
}

export function buildBase(all: readonly ServiceFacts[] = allServiceFacts()): ManifestFile[] {
  const files: ManifestFile[] = [
    { path: 'network-policy-default-deny.yaml', comment: 'Nothing in the namespace talks to anything unless a policy of its own allows it.', objects: [defaultDeny()].map(asObject) },
    {
      path: 'ingress.yaml',
      comment: 'One host, one origin: each public prefix (read from the controllers; listed in the README, Services) to the service that serves it, every other path to the web application.',
      objects: [ingress(all)].map(asObject),
    },
    {
      path: 'kafka-topics.yaml',
      comment: 'Every topic of the event catalogue and its dead-letter topic (Strimzi topic operator watching this namespace).',
      objects: kafkaTopics(),
    },
  ];
  for (const facts of all) {
    files.push({
      path: `${facts.name}.yaml`,
      comment: `${facts.name}: listens on ${facts.port}; consumer group ${facts.consumerGroup}${facts.consumes.length > 0 ? ` on ${facts.consumes.map((t) => t.name).join(', ')}` : ' (consumes nothing)'}.`,
      objects: [
        serviceAccount(facts.name),
        configMap(facts),
        deployment(facts),
        service(facts.name, facts.port),
        podDisruptionBudget(facts.name),
        ...(facts.consumes.length > 0 ? [triggerAuthentication(facts)] : []),
        autoscaler(facts),
        migrationJob(facts),
        networkPolicy(facts, all),
        kafkaUser(facts),
      ].map(asObject),
    });
  }
  files.push({
    path: `${WEB_APPLICATION}.yaml`,
    comment: `${WEB_APPLICATION}: the web application's files (nginx, deploy/web/nginx.conf), listens on ${settings.WEB.port}; the Ingress sends it every path no service owns.`,
    objects: [
      serviceAccount(WEB_APPLICATION, WEB_COMPONENT),
      webDeployment(),
      service(WEB_APPLICATION, settings.WEB.port, WEB_COMPONENT),
      podDisruptionBudget(WEB_APPLICATION, WEB_COMPONENT),
      cpuAutoscaler(WEB_APPLICATION, WEB_COMPONENT),
      webNetworkPolicy(),
    ].map(asObject),
  });
  return files;
}

/** The Secret of every service with a placeholder for each `secret: true` variable of its schema. */
export function developmentSecrets(all: readonly ServiceFacts[] = allServiceFacts()): K8sObject[] {
  return all.map((facts): ISecret & K8sObject => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: secretName(facts.name), labels: labelsOf(facts.name, 'config'), annotations: { 'passerelle.io/development-only': 'true' } },
    type: 'Opaque',
    stringData: Object.fromEntries(
      Object.values(facts.schema)
        .filter((variable) => variable.secret && variable.env !== KAFKA_PASSWORD_VARIABLE)
        .map((variable) => [variable.env, placeholder(facts.name, variable)]),
    ),
  }));
}

function placeholder(service: string, variable: Variable): string {
  if (variable.env === 'DATABASE_URL') {
    const db = settings.database(service);
    return `postgres://${db.name}:development-only@${db.host}:${db.port}/${db.name}`;
  }
  if (variable.type === 'url') return `${variable.protocols[0]}://development-only:development-only@development-only.invalid`;
  // The schema's own development default: public, so a service refuses it outside development mode.
  if (typeof variable.default === 'string' && variable.default !== '') return variable.default;
  throw new Error(`${service}: ${variable.env} is a secret without a development default; give it one in its schema`);
}

export const KUSTOMIZATION_COMMENT =
  'The Kustomize base: every object the five services and the web application need, generated from the code. Deploy an overlay (../overlays/dev or ../overlays/prod), not this directory.';
