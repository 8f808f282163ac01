/**
 * The Dockerfile and docker-compose.yml cannot be run here (no Docker in the
 * test environment), so this reads them and checks them against what the code
 * expects: each service's configuration schema parses the environment compose
 * gives it, the commands point at real entry points, the ports, databases,
 * Kafka listeners and start order line up. Pure: files only, no network.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type ConfigSchema, loadConfig, platformConfigSchema } from '@passerelle/platform/config';
import type { ServiceDefinition } from '@passerelle/platform/bootstrap';
import { communicationApp } from '../../apps/communication/src/communication.app';
import { evaluationApp } from '../../apps/evaluation/src/evaluation.app';
import { identityApp } from '../../apps/identity/src/identity.app';
import { intakeApp } from '../../apps/intake/src/intake.app';
import { matchingApp } from '../../apps/matching/src/matching.app';
import { KAFKA_VERSION } from '../../tools/kafka/kafka-distribution';
import { COMPOSE_GATEWAY_PATH } from '../../tools/deploy/compose-gateway';
import { nodeArgsOf, WEB } from '../../tools/deploy/deployment-settings';
import { directives, only, parseNginxConfig } from '../../tools/deploy/nginx-config';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface ComposeService {
  readonly image?: string;
  readonly build?: unknown;
  readonly command?: unknown;
  readonly environment?: unknown;
  readonly ports?: unknown;
  readonly volumes?: unknown;
  readonly depends_on?: unknown;
  readonly healthcheck?: { readonly test?: unknown };
  readonly restart?: string;
  readonly read_only?: boolean;
  readonly tmpfs?: unknown;
}

interface ComposeFile {
  readonly services: Readonly<Record<string, ComposeService>>;
}

// Compose resolves YAML merge keys (`<<: *anchor`), so the test does too.
const compose = parse(read('docker-compose.yml'), { merge: true }) as ComposeFile;

const APPS: ReadonlyArray<ServiceDefinition<ConfigSchema>> = [identityApp, intakeApp, matchingApp, communicationApp, evaluationApp];
const APP_IMAGE = 'passerelle:dev';
const WEB_IMAGE = 'passerelle-web:dev';
const mainJs = (service: string) => `dist/apps/${service}/src/main.js`;

function service(name: string): ComposeService {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
}

/** The environment as compose passes it: a map of strings (unquoted booleans or numbers are a trap). */
function environment(name: string): Record<string, string> {
  const env = service(name).environment;
  expect(env).toEqual(expect.any(Object));
  expect(Array.isArray(env)).toBe(false);
  for (const [key, value] of Object.entries(env as Record<string, unknown>)) {
    if (typeof value !== 'string') throw new Error(`${name}: ${key} must be a quoted string in docker-compose.yml, not ${JSON.stringify(value)}`);
  }
  return env as Record<string, string>;
}

function dependsOn(name: string): Record<string, string> {
  const deps = service(name).depends_on as Record<string, { condition?: string }> | undefined;
  return Object.fromEntries(Object.entries(deps ?? {}).map(([dep, spec]) => [dep, spec.condition ?? 'service_started']));
}

interface PortMapping {
  readonly hostIp?: string;
  readonly host: number;
  readonly container: number;
}

function ports(name: string): PortMapping[] {
  const list = (service(name).ports ?? []) as unknown[];
  return list.map((entry) => {
    if (typeof entry !== 'string') throw new Error(`${name}: write ports as "[ip:]host:container" strings`);
    const parts = entry.replace(/\/tcp$/, '').split(':');
    const [hostIp, host, container] = parts.length === 3 ? parts : [undefined, ...parts];
    return { hostIp, host: Number(host), container: Number(container) };
  });
}

/** Checks an environment against a schema the way the service will at start: names, then a real parse. */
function expectValidConfiguration(container: string, schema: ConfigSchema, env: Record<string, string>) {
  const declared = new Set(Object.values(schema).map((variable) => variable.env));
  const undeclared = Object.keys(env).filter((key) => !declared.has(key));
  expect({ container, undeclared }).toEqual({ container, undeclared: [] });
  const missing = Object.values(schema)
    .filter((variable) => variable.default === undefined && !env[variable.env])
    .map((variable) => variable.env);
  expect({ container, missing }).toEqual({ container, missing: [] });
  return loadConfig(schema, env);
}

function parseListeners(value: string): Map<string, { host: string; port: number }> {
  return new Map(
    value.split(',').map((entry) => {
      const match = /^([A-Z_]+):\/\/([^:]*):(\d+)$/.exec(entry.trim());
      if (!match) throw new Error(`cannot read listener ${entry}`);
      return [match[1], { host: match[2], port: Number(match[3]) }];
    }),
  );
}

const kafkaEnv = () => environment('kafka');

/** The broker address the other containers must use: the advertised listener named after the kafka service. */
function internalKafkaListener(): string {
  const advertised = parseListeners(kafkaEnv().KAFKA_ADVERTISED_LISTENERS);
  const internal = [...advertised.values()].filter((listener) => listener.host === 'kafka');
  expect(internal).toHaveLength(1);
  return `${internal[0].host}:${internal[0].port}`;
}

describe('docker-compose.yml', () => {
  it('pins every image it pulls to a version, and builds the app image from the Dockerfile', () => {
    for (const [name, definition] of Object.entries(compose.services)) {
      const image = definition.image ?? '';
      if (image === APP_IMAGE) {
        expect({ name, build: definition.build }).toEqual({ name, build: '.' });
        continue;
      }
      if (image === WEB_IMAGE) {
        expect({ name, build: definition.build }).toEqual({ name, build: { context: '.', target: 'web' } });
        continue;
      }
      expect({ name, build: definition.build }).toEqual({ name, build: undefined });
      // A version, perhaps with its variant (`1.30.4-alpine-slim`); never `latest` or a bare major.
      expect({ name, image }).toEqual({ name, image: expect.stringMatching(/^[a-z0-9./-]+:v?\d+(\.\d+)+(-[a-z0-9.-]+)?$/) });
    }
  });

  it('runs the Kafka version the local tooling runs (tools/kafka)', () => {
    expect(service('kafka').image).toBe(`apache/kafka:${KAFKA_VERSION}`);
  });

  describe.each(APPS.map((app) => [app.description.service, app] as const))('%s', (name, app) => {
    const migrateJob = `${name}-migrate`;

    it('runs its own entry point from the app image', () => {
      expect(service(name).image).toBe(APP_IMAGE);
      // With the heap ceiling the Deployments give it (deployment-settings.ts).
      expect(service(name).command).toEqual([...nodeArgsOf(name), mainJs(name)]);
      expect(existsSync(join(ROOT, `apps/${name}/src/main.ts`))).toBe(true);
      expect(service(name).healthcheck?.test).toEqual(['CMD', 'node', '-e', expect.stringContaining('/health/ready')]);
    });

    it('starts after its migrations, the topics, a healthy Kafka and PostgreSQL, and the collector', () => {
      expect(dependsOn(name)).toEqual({
        [migrateJob]: 'service_completed_successfully',
        topics: 'service_completed_successfully',
        kafka: 'service_healthy',
        postgres: 'service_healthy',
        'otel-collector': 'service_started',
        mailpit: 'service_started',
      });
    });

    it(`has a one-shot ${migrateJob} job that applies its migrations once PostgreSQL is healthy`, () => {
      expect(service(migrateJob).image).toBe(APP_IMAGE);
      expect(service(migrateJob).command).toEqual([mainJs(name), 'migrate']);
      expect(service(migrateJob).restart).toBe('no');
      expect(dependsOn(migrateJob)).toEqual({ postgres: 'service_healthy' });
      expect(environment(migrateJob).DATABASE_URL).toBe(environment(name).DATABASE_URL);
    });

    it('sets only variables its schema declares, every required one, each with a valid value', () => {
      const config = expectValidConfiguration(name, app.configSchema, environment(name));
      expect(config).toMatchObject({
        databaseMigrateOnStart: false,
        kafkaCreateTopics: false,
        kafkaBrokers: [internalKafkaListener()],
        otlpEndpoint: 'http://otel-collector:4318',
      });
      expectValidConfiguration(migrateJob, app.configSchema, environment(migrateJob));
      // A local stack: development mode, the only one in which the secrets' public defaults are accepted.
      expect([environment(name).PASSERELLE_MODE, environment(migrateJob).PASSERELLE_MODE]).toEqual(['development', 'development']);
    });

    it('publishes its PORT on the host loopback, the same number inside and out', () => {
      const config = loadConfig(app.configSchema, environment(name));
      expect(ports(name)).toEqual([{ hostIp: '127.0.0.1', host: config.port, container: config.port }]);
    });

    it(`uses the database passerelle_${name} on the compose PostgreSQL, with its credentials`, () => {
      const url = new URL(String(loadConfig(app.configSchema, environment(name)).databaseUrl));
      const postgres = environment('postgres');
      expect({
        host: url.hostname,
        port: url.port,
        database: url.pathname,
        user: url.username,
        password: decodeURIComponent(url.password),
      }).toEqual({
        host: 'postgres',
        port: '5432',
        database: `/passerelle_${name}`,
        user: postgres.POSTGRES_USER,
        password: postgres.POSTGRES_PASSWORD,
      });
    });
  });

  it('builds on every variable of the platform schema for the shared service environment', () => {
    const platformVariables = Object.values(platformConfigSchema('any', 3000)).map((variable) => variable.env);
    for (const app of APPS) {
      const declared = Object.values(app.configSchema).map((variable) => variable.env);
      expect(declared).toEqual(expect.arrayContaining(platformVariables));
    }
  });

  it('publishes each host port once', () => {
    const published = Object.keys(compose.services).flatMap((name) => ports(name).map((port) => port.host));
    expect(published.length).toBeGreaterThanOrEqual(APPS.length);
    expect(new Set(published).size).toBe(published.length);
    expect(published.every((port) => Number.isInteger(port) && port > 0)).toBe(true);
  });

  it('creates exactly the five service databases in the PostgreSQL init script', () => {
    const sql = read('deploy/compose/postgres-init.sql');
    const created = [...sql.matchAll(/^\s*CREATE DATABASE\s+"?([a-z_][a-z0-9_]*)"?\s*;/gim)].map((match) => match[1]);
    expect(created.sort()).toEqual(APPS.map((app) => `passerelle_${app.description.service}`).sort());
    expect(service('postgres').volumes).toContainEqual(
      expect.stringMatching(/^\.\/deploy\/compose\/postgres-init\.sql:\/docker-entrypoint-initdb\.d\/[^:]+\.sql(:ro)?$/),
    );
    expect(service('postgres').healthcheck?.test).toEqual(expect.arrayContaining(['pg_isready']));
  });

  it('gives every container the broker address the broker advertises to the compose network', () => {
    const broker = internalKafkaListener();
    expect(broker).toBe('kafka:9092');
    const bound = parseListeners(kafkaEnv().KAFKA_LISTENERS);
    const advertised = parseListeners(kafkaEnv().KAFKA_ADVERTISED_LISTENERS);
    const [name] = [...advertised].find(([, listener]) => listener.host === 'kafka') ?? [];
    expect(bound.get(name ?? '')?.port).toBe(9092);
    const users = Object.entries(compose.services).filter(([, definition]) => definition.image === APP_IMAGE);
    for (const [container] of users) {
      const brokers = environment(container).KAFKA_BROKERS;
      if (container.endsWith('-migrate')) expect({ container, brokers }).toEqual({ container, brokers: undefined });
      else expect({ container, brokers }).toEqual({ container, brokers: broker });
    }
  });

  it('runs Kafka as one KRaft node with auto topic creation off and single-replica internal topics', () => {
    const env = kafkaEnv();
    expect(env.KAFKA_PROCESS_ROLES.split(',').sort()).toEqual(['broker', 'controller']);
    expect(env.KAFKA_CONTROLLER_QUORUM_VOTERS).toMatch(new RegExp(`^${env.KAFKA_NODE_ID}@[\\w.-]+:\\d+$`));
    const controllerPort = Number(env.KAFKA_CONTROLLER_QUORUM_VOTERS.split(':').pop());
    expect(parseListeners(env.KAFKA_LISTENERS).get(env.KAFKA_CONTROLLER_LISTENER_NAMES)?.port).toBe(controllerPort);
    const protocols = new Map(env.KAFKA_LISTENER_SECURITY_PROTOCOL_MAP.split(',').map((pair) => pair.split(':') as [string, string]));
    for (const listener of parseListeners(env.KAFKA_LISTENERS).keys()) expect(protocols.get(listener)).toBe('PLAINTEXT');
    expect(env.CLUSTER_ID).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(env).toMatchObject({
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    });
  });

  it('advertises the host listener on the port it publishes', () => {
    const env = kafkaEnv();
    const bound = parseListeners(env.KAFKA_LISTENERS);
    const hostListeners = [...parseListeners(env.KAFKA_ADVERTISED_LISTENERS)].filter(([, listener]) => listener.host !== 'kafka');
    expect(hostListeners).toHaveLength(1);
    const [[name, advertised]] = hostListeners;
    expect(ports('kafka')).toContainEqual({ hostIp: advertised.host, host: advertised.port, container: bound.get(name)?.port });
  });

  it('reports Kafka healthy only when a client can list topics through a listener the broker binds', () => {
    const test = service('kafka').healthcheck?.test as string[];
    expect(test.slice(0, 2)).toEqual(['CMD', '/opt/kafka/bin/kafka-topics.sh']);
    const server = test[test.indexOf('--bootstrap-server') + 1];
    const port = Number(server.split(':')[1]);
    expect([...parseListeners(kafkaEnv().KAFKA_LISTENERS).values()].map((listener) => listener.port)).toContain(port);
    expect(test).toContain('--list');
  });

  it('creates the topics in a one-shot step with the create-topics script, once Kafka is healthy', () => {
    const topics = service('topics');
    expect(topics.image).toBe(APP_IMAGE);
    expect(topics.command).toEqual(['dist/tools/dev/create-topics.js']);
    expect(existsSync(join(ROOT, 'tools/dev/create-topics.ts'))).toBe(true);
    expect(topics.restart).toBe('no');
    expect(dependsOn('topics')).toEqual({ kafka: 'service_healthy' });
    const env = environment('topics');
    const topicsSchema = { kafkaBrokers: platformConfigSchema('topics', 1).kafkaBrokers };
    expect(expectValidConfiguration('topics', topicsSchema, env).kafkaBrokers).toEqual([internalKafkaListener()]);
  });

  it('serves the web application from the web image, hardened as in Kubernetes, reachable through the gateway only', () => {
    const web = service('web');
    expect(web.image).toBe(WEB_IMAGE);
    expect({ readOnly: web.read_only, tmpfs: web.tmpfs, ports: web.ports }).toEqual({ readOnly: true, tmpfs: ['/tmp'], ports: undefined });
    expect(web.healthcheck?.test).toEqual(['CMD', 'wget', '-q', '-O', '/dev/null', `http://127.0.0.1:${WEB.port}${WEB.healthPath}`]);
  });

  it('opens one origin on 127.0.0.1:3000: a gateway on the image the web image builds on, with the generated routes', () => {
    const gateway = service('gateway');
    const conf = only(parseNginxConfig(read(COMPOSE_GATEWAY_PATH)), 'server').block ?? [];
    const webStage = dockerfileStages(read('Dockerfile')).find((stage) => stage.name === 'web');
    expect(gateway.image).toBe(webStage?.image);
    expect(gateway.volumes).toEqual([`./${COMPOSE_GATEWAY_PATH}:/etc/nginx/conf.d/default.conf:ro`]);
    expect(ports('gateway')).toEqual([{ hostIp: '127.0.0.1', host: 3000, container: Number(only(conf, 'listen').args[0]) }]);
    expect({ readOnly: gateway.read_only, tmpfs: gateway.tmpfs }).toEqual({ readOnly: true, tmpfs: ['/tmp'] });
    expect(dependsOn('gateway')).toEqual({ web: 'service_healthy' });
    // Every upstream is a container of this file at the port it listens on.
    const upstreams = new Set(directives(conf, 'location').map((location) => only(location.block ?? [], 'set').args[1]));
    const listening = [...APPS.map((app) => `${app.description.service}:${environment(app.description.service).PORT}`), `web:${WEB.port}`];
    expect([...upstreams].sort()).toEqual(listening.sort());
  });

  it("points the services' public links at the one origin, and trusts the gateway's X-Forwarded-For", () => {
    const origin = `http://127.0.0.1:${ports('gateway')[0].host}`;
    const identity = loadConfig(identityApp.configSchema, environment('identity'));
    const communication = loadConfig(communicationApp.configSchema, environment('communication'));
    expect({ application: new URL(String(identity.publicAppUrl)).origin, unsubscribe: new URL(String(communication.publicApiUrl)).origin }).toEqual({ application: origin, unsubscribe: origin });
    for (const app of APPS) expect({ service: app.description.service, hops: loadConfig(app.configSchema, environment(app.description.service)).httpTrustProxyHops }).toEqual({ service: app.description.service, hops: 1 });
  });

  it("hands every service's mail to the mail catcher's SMTP port, and publishes only its web UI", () => {
    expect(service('mailpit').image).toMatch(/^axllent\/mailpit:/);
    expect(ports('mailpit')).toEqual([{ hostIp: '127.0.0.1', host: 8025, container: 8025 }]);
    for (const app of APPS) {
      const smtp = new URL(String(loadConfig(app.configSchema, environment(app.description.service)).smtpUrl));
      expect({ protocol: smtp.protocol, host: smtp.hostname, port: smtp.port }).toEqual({ protocol: 'smtp:', host: 'mailpit', port: '1025' });
    }
  });

  it("scrapes every service's /metrics on its PORT with Prometheus, which loads the alert rules", () => {
    const prometheus = parse(read('deploy/compose/prometheus.yaml')) as {
      rule_files: string[];
      scrape_configs: { metrics_path: string; static_configs: { targets: string[] }[] }[];
    };
    const [job] = prometheus.scrape_configs;
    expect(prometheus.scrape_configs).toHaveLength(1);
    expect(job.metrics_path).toBe('/metrics');
    const targets = job.static_configs.flatMap((config) => config.targets);
    expect(targets.sort()).toEqual(APPS.map((app) => `${app.description.service}:${loadConfig(app.configSchema, environment(app.description.service)).port}`).sort());
    const mounts = service('prometheus').volumes as string[];
    expect(mounts).toContain('./deploy/compose/prometheus.yaml:/etc/prometheus/prometheus.yml:ro');
    const rules = mounts.find((mount) => mount.startsWith('./deploy/monitoring/prometheus-rules.yaml:'));
    expect(rules?.split(':')[1]).toBe(prometheus.rule_files[0]);
  });

  it('provisions Grafana with Prometheus and the dashboards of docs/grafana', () => {
    const datasources = parse(read('deploy/compose/grafana/datasources.yaml')) as { datasources: { type: string; url: string }[] };
    expect(datasources.datasources).toEqual([expect.objectContaining({ type: 'prometheus', url: 'http://prometheus:9090' })]);
    const dashboards = parse(read('deploy/compose/grafana/dashboards.yaml')) as { providers: { options: { path: string } }[] };
    const mounts = service('grafana').volumes as string[];
    expect(mounts).toContain(`./docs/grafana:${dashboards.providers[0].options.path}:ro`);
    expect(existsSync(join(ROOT, 'docs/grafana/passerelle-services.json'))).toBe(true);
  });

  it("sends every service's traces to the collector's OTLP/HTTP receiver", () => {
    const collector = parse(read('deploy/compose/otel-collector.yaml')) as {
      receivers: { otlp: { protocols: { http: { endpoint: string } } } };
      exporters: Record<string, unknown>;
      service: { pipelines: { traces: { receivers: string[]; processors: string[]; exporters: string[] } } };
    };
    expect(collector.receivers.otlp.protocols.http.endpoint).toBe('0.0.0.0:4318');
    expect(collector.service.pipelines.traces).toEqual({ receivers: ['otlp'], processors: ['batch'], exporters: ['debug'] });
    expect(Object.keys(collector.exporters)).toEqual(['debug']);
    expect(service('otel-collector').volumes).toContain('./deploy/compose/otel-collector.yaml:/etc/otelcol/config.yaml:ro');
    for (const app of APPS) {
      const endpoint = new URL(environment(app.description.service).OTEL_EXPORTER_OTLP_ENDPOINT);
      expect({ host: endpoint.hostname, port: endpoint.port }).toEqual({ host: 'otel-collector', port: '4318' });
    }
  });
});

interface Instruction {
  readonly keyword: string;
  readonly args: string;
}

interface Stage {
  readonly image: string;
  readonly name?: string;
  readonly instructions: Instruction[];
}

/** Dockerfile instructions grouped by stage: comments dropped, continuation lines joined. */
function dockerfileStages(text: string): Stage[] {
  const lines: string[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#') || (line === '' && pending === '')) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    lines.push(`${pending}${line}`.trim());
    pending = '';
  }
  const stages: Stage[] = [];
  for (const line of lines.filter((l) => l !== '')) {
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args };
    if (instruction.keyword === 'FROM') {
      const [image, as, name] = args.split(/\s+/);
      stages.push({ image, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else {
      if (stages.length === 0) throw new Error(`Dockerfile: ${keyword} before the first FROM`);
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  return stages;
}

const execForm = (args: string): string[] | undefined => {
  try {
    const parsed: unknown = JSON.parse(args);
    return Array.isArray(parsed) && parsed.every((part) => typeof part === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
};

describe('Dockerfile', () => {
  const stages = dockerfileStages(read('Dockerfile'));
  const final = stages[stages.length - 1];
  const all = (stage: Stage, keyword: string) => stage.instructions.filter((instruction) => instruction.keyword === keyword);
  const copies = (stage: Stage) =>
    all(stage, 'COPY').map(({ args }) => {
      const parts = args.split(/\s+/);
      const flags = parts.filter((part) => part.startsWith('--'));
      const paths = parts.filter((part) => !part.startsWith('--'));
      const from = flags.find((flag) => flag.startsWith('--from='))?.slice('--from='.length);
      return { from, sources: paths.slice(0, -1), destination: paths[paths.length - 1] };
    });

  it('builds in stages on a pinned Node 20 (≥ package.json engines) slim image, or on an earlier stage; the web image on nginx', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    const [minMajor, minMinor] = /^>=(\d+)\.(\d+)/.exec(engines)?.slice(1).map(Number) ?? [];
    for (const [index, stage] of stages.entries()) {
      if (stage.name === 'web') continue;
      if (stages.slice(0, index).some((earlier) => earlier.name === stage.image)) continue;
      const match = /^node:(\d+)\.(\d+)\.(\d+)-bookworm-slim$/.exec(stage.image);
      expect({ image: stage.image, pinned: match !== null }).toEqual({ image: stage.image, pinned: true });
      const [major, minor] = [Number(match?.[1]), Number(match?.[2])];
      expect(major).toBe(minMajor);
      expect(minor).toBeGreaterThanOrEqual(minMinor);
    }
  });

  it('takes node_modules from a stage that installed production dependencies only', () => {
    const modules = copies(final).find((copy) => copy.sources.some((source) => /node_modules\/?$/.test(source)));
    const source = stages.find((stage) => stage.name !== undefined && stage.name === modules?.from);
    expect(source).toBeDefined();
    const installs = all(source as Stage, 'RUN').filter((run) => /\bnpm ci\b/.test(run.args));
    expect(installs).toHaveLength(1);
    expect(installs[0].args).toMatch(/\bnpm ci\b[^&|;]*--omit=dev/);
  });

  it('runs the final stage as the non-root node user with NODE_ENV=production', () => {
    const users = all(final, 'USER');
    expect(users.length).toBeGreaterThan(0);
    const user = users[users.length - 1].args.split(':')[0];
    expect(['root', '0']).not.toContain(user);
    expect(user).toBe('node');
    expect(all(final, 'ENV').map((env) => env.args)).toContainEqual(expect.stringMatching(/\bNODE_ENV=production\b/));
    expect(all(final, 'RUN')).toEqual([]);
  });

  it('has no HEALTHCHECK: Kubernetes probes /health/live and /health/ready', () => {
    for (const stage of stages) expect(all(stage, 'HEALTHCHECK')).toEqual([]);
  });

  it('starts node as PID 1 with exec-form ENTRYPOINT and CMD (no shell in between)', () => {
    const entrypoints = all(final, 'ENTRYPOINT');
    const commands = all(final, 'CMD');
    expect(entrypoints).toHaveLength(1);
    expect(commands).toHaveLength(1);
    expect(execForm(entrypoints[0].args)).toEqual(['node']);
    const command = execForm(commands[0].args);
    expect(command).toEqual([expect.stringMatching(/^dist\/apps\/[a-z]+\/src\/main\.js$/)]);
    const service = /^dist\/apps\/([a-z]+)\//.exec(command?.[0] ?? '')?.[1];
    expect(existsSync(join(ROOT, `apps/${service}/src/main.ts`))).toBe(true);
  });

  it("ships every service's migrations: they are compiled under dist/apps, which the final stage copies whole", () => {
    const build = copies(final).filter((copy) => copy.from !== undefined);
    expect(build.flatMap((copy) => copy.sources)).toContain('/app/dist/apps');
    for (const app of APPS) {
      expect(app.migrations).toEqual(expect.any(Array));
      expect((app.migrations as unknown[]).length).toBeGreaterThan(0);
      expect(existsSync(join(ROOT, `apps/${app.description.service}/src/migrations`))).toBe(true);
    }
    // The build stage compiles apps (migrations included) with the same command as `npm run build`.
    const buildStage = stages.find((stage) => stage.name === 'build') as Stage;
    expect(all(buildStage, 'RUN').map((run) => run.args)).toContain('npm run build');
    expect(JSON.parse(read('package.json')).scripts.build).toMatch(/^swc apps libs tools -d dist\b/);
  });

  it('copies into the final stage the compiled apps, the runtime libs and the topic step compose runs, not the test helpers', () => {
    const build = copies(final).filter((copy) => copy.from !== undefined);
    const sources = build.flatMap((copy) => copy.sources.map((path) => path.replace(/^\/app\//, '')));
    expect(sources).toEqual(
      expect.arrayContaining([
        'dist/apps',
        'dist/libs/contracts',
        'dist/libs/platform',
        'dist/tools/dev/create-topics.js',
        'dist/tools/dev/catalogue-topics.js',
      ]),
    );
    expect(sources.filter((path) => path === 'dist/libs' || path.startsWith('dist/libs/testing'))).toEqual([]);
    const topicStep = service('topics').command as string[];
    expect(sources).toContain(topicStep[0]);
  });

  it("builds the web image as its own target: Vite's output on nginx's unprivileged image, pinned, with deploy/web/nginx.conf", () => {
    const web = stages.find((stage) => stage.name === 'web') as Stage;
    expect(web.image).toMatch(/^nginxinc\/nginx-unprivileged:\d+\.\d+\.\d+(-[a-z0-9-]+)?$/);
    // Not the last stage: `docker build .` (and compose's app image) stays the services'.
    expect(final).not.toBe(web);
    const webCopies = copies(web);
    expect(webCopies).toContainEqual({ from: undefined, sources: ['deploy/web/nginx.conf'], destination: '/etc/nginx/nginx.conf' });
    const built = webCopies.find((copy) => copy.from !== undefined);
    expect(built?.sources).toEqual(['/app/apps/web/dist']);
    const builder = stages.find((stage) => stage.name === built?.from) as Stage;
    expect(all(builder, 'RUN').map((run) => run.args)).toEqual(['npm run build:web']);
    expect(JSON.parse(read('package.json')).scripts['build:web']).toBe('vite build --config apps/web/vite.config.ts');
    expect(read('apps/web/vite.config.ts')).toMatch(/outDir: 'dist'/);
    // Nothing changes the base image but the files; nginx runs as the image's unprivileged user, as PID 1, without the entrypoint scripts.
    expect(all(web, 'RUN')).toEqual([]);
    expect(all(web, 'USER').map((user) => user.args)).toEqual([String(WEB.runAsUser)]);
    expect(all(web, 'EXPOSE').map((expose) => expose.args)).toEqual([String(WEB.port)]);
    expect(execForm(all(web, 'ENTRYPOINT')[0]?.args ?? '')?.[0]).toBe('nginx');
    expect(all(web, 'CMD')).toEqual([]);
  });

  it('keeps local state out of the build context (.dockerignore)', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', 'apps/web/dist', '.cache', '.nx', '.git', 'coverage']));
  });
});
