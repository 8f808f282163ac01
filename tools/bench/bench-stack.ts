/**
 * What the backbone and HTTP benchmarks run on: the machine's PostgreSQL with
 * databases of their own (`passerelle_<service>_bench`, dropped and made anew
 * at each run so every run starts from the same empty state), a Kafka broker
 * of their own (127.0.0.1:29692 by default, apart from `npm start`'s 9092 and
 * the tests' 29092; started here when none answers) and the services as
 * separate processes, as `npm start` runs them.
 */
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defineConfig, loadConfig } from '@passerelle/platform/config';
import { SmtpTestServer } from '@passerelle/testing';
import { Client } from 'pg';
import { isPortOpen, parseBroker } from '../kafka/broker-probe';
import { ensureKafka, LocalKafka, stopKafka } from '../kafka/local-kafka';
import { ensureCatalogueTopics } from '../dev/catalogue-topics';
import { checkPostgres, databaseUrl, redactUrl } from '../dev/postgres-probe';
import { ServiceProcess } from '../dev/service-process';

export const benchConfigSchema = defineConfig({
  databaseServer: {
    env: 'BENCH_DATABASE_SERVER',
    type: 'url',
    protocols: ['postgres', 'postgresql'],
    // Development default: the machine's PostgreSQL with trust authentication.
    default: 'postgres://postgres@127.0.0.1:5432/postgres',
    secret: true,
    description: 'PostgreSQL server on which the benchmark makes its databases (passerelle_<service><suffix>)',
  },
  databaseSuffix: {
    env: 'BENCH_DATABASE_SUFFIX',
    type: 'string',
    // Dropped at every run: the suffix must say these databases are the benchmark's.
    pattern: /^_bench[a-z0-9_]*$/,
    default: '_bench',
    description: 'suffix of the benchmark databases, dropped and recreated at each run (must start with _bench)',
  },
  kafkaBrokers: {
    env: 'BENCH_KAFKA_BROKERS',
    type: 'list',
    default: ['127.0.0.1:29692'],
    description: "the benchmark's Kafka broker; a local one is started when none answers on 127.0.0.1",
  },
  portBase: {
    env: 'BENCH_PORT_BASE',
    type: 'port',
    default: 3100,
    description: 'services listen on base+1 (identity) … base+5 (evaluation), the minimal Nest app on base+9',
  },
});
export type BenchConfig = ReturnType<typeof loadBenchConfig>;
export const loadBenchConfig = () => loadConfig(benchConfigSchema);

export interface Memory {
  readonly rss: number;
  readonly heapTotal: number;
  readonly heapUsed: number;
  readonly external: number;
}

export const SERVICES = ['identity', 'intake', 'matching', 'communication', 'evaluation'] as const;
export type ServiceName = (typeof SERVICES)[number];

const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;

/** `--<flag> <n>` from the command line, a positive number, or `fallback`. */
export function numberFlag(args: readonly string[], flag: string, fallback: number): number {
  const at = args.indexOf(`--${flag}`);
  const parsed = at >= 0 ? Number(args[at + 1]) : fallback;
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${flag} must be a positive number`);
  return parsed;
}

/** `--cpu-prof <service>`: the service to run under the CPU profiler, if any. */
export function cpuProfOf(args: readonly string[]): ServiceName | undefined {
  const at = args.indexOf('--cpu-prof');
  if (at < 0) return undefined;
  const service = args[at + 1] as ServiceName;
  if (!SERVICES.includes(service)) throw new Error(`--cpu-prof takes one of ${SERVICES.join(', ')}`);
  return service;
}

export const say = (line = '') => process.stdout.write(`${line}\n`);
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Everything one benchmark run started, stopped again by `stop()` (also on Ctrl-C). */
export class BenchStack {
  readonly services = new Map<ServiceName, ServiceProcess>();
  brokers = '';
  private kafkaStartedHere = false;
  private smtp?: SmtpTestServer;
  private readonly root = process.cwd();

  constructor(readonly config: BenchConfig) {}

  portOf(service: ServiceName): number {
    return this.config.portBase + SERVICES.indexOf(service) + 1;
  }

  url(service: ServiceName): string {
    return `http://127.0.0.1:${this.portOf(service)}`;
  }

  databaseUrl(service: ServiceName): string {
    return databaseUrl(this.config.databaseServer, `passerelle_${service}${this.config.databaseSuffix}`);
  }

  /** PostgreSQL answers, the benchmark's databases are gone (the services make them anew), Kafka serves the catalogue's topics. */
  async prepare(services: readonly ServiceName[]): Promise<void> {
    const { version } = await checkPostgres(this.config.databaseServer);
    say(`postgres: ${redactUrl(this.config.databaseServer)} (PostgreSQL ${version}); databases passerelle_<service>${this.config.databaseSuffix} made anew`);
    const admin = new Client({ connectionString: this.config.databaseServer });
    await admin.connect();
    try {
      for (const service of services) {
        await admin.query(`DROP DATABASE IF EXISTS "passerelle_${service}${this.config.databaseSuffix}" WITH (FORCE)`);
      }
    } finally {
      await admin.end();
    }
    for (const service of services) {
      if (await isPortOpen('127.0.0.1', this.portOf(service), 500)) {
        throw new Error(`bench: port ${this.portOf(service)} (${service}) is in use: another benchmark running? Set BENCH_PORT_BASE to move.`);
      }
    }
    this.brokers = this.config.kafkaBrokers.join(',');
    const kafka = await ensureKafka({ brokers: this.brokers, log: say });
    this.brokers = kafka.brokers;
    this.kafkaStartedHere = kafka.startedHere;
    await ensureCatalogueTopics(this.brokers, say);
  }

  /** Starts the services (each its own process, JSON logs in .cache/bench-logs/) and waits until each is ready. */
  async start(services: readonly ServiceName[], options: { profile?: ServiceName } = {}): Promise<void> {
    this.smtp ??= await SmtpTestServer.start();
    const logDir = join(this.root, '.cache', 'bench-logs');
    mkdirSync(logDir, { recursive: true });
    const started = Date.now();
    const profiles = join(this.root, '.cache', 'bench-profiles');
    for (const service of services) {
      const main = join(this.root, 'dist', 'apps', service, 'src', 'main.js');
      const profiled = service === options.profile;
      if (profiled) {
        mkdirSync(profiles, { recursive: true });
        say(`  ${service} runs under the CPU profiler; its profile is written to ${relative(this.root, profiles)}/${service}.cpuprofile when it stops`);
      }
      const child = new ServiceProcess({
        service,
        port: this.portOf(service),
        main: profiled ? join(__dirname, 'cpu-profiled.js') : main,
        cwd: this.root,
        logFile: join(logDir, `${service}.log`),
        env: {
          ...process.env,
          PORT: String(this.portOf(service)),
          DATABASE_URL: this.databaseUrl(service),
          KAFKA_BROKERS: this.brokers,
          SMTP_URL: this.smtp.url,
          AUTH_JWKS_URL: `${this.url('identity')}/.well-known/jwks.json`,
          ...(profiled ? { BENCH_PROFILED_MAIN: main, BENCH_PROFILE_FILE: join(profiles, `${service}.cpuprofile`) } : {}),
        },
      });
      this.services.set(service, child);
      child.start((ended) => say(`${ended.service}: ended unexpectedly (${ended.exitDescription}); log: ${ended.options.logFile}`));
    }
    say(`services: starting ${services.join(', ')} on ports ${services.map((s) => this.portOf(s)).join(', ')} (logs in .cache/bench-logs/)`);
    const results = await Promise.all(
      [...this.services.values()].map(async (child) => {
        const result = await child.waitUntilReady(READY_TIMEOUT_MS);
        if (result.ready) say(`  ${child.service.padEnd(14)} ready (${((Date.now() - started) / 1000).toFixed(1)} s)`);
        return { child, result };
      }),
    );
    const failed = results.find(({ result }) => !result.ready);
    if (failed && !failed.result.ready) throw new Error(`${failed.child.service}: ${failed.result.reason}\n${failed.child.logTail(15)}`);
  }

  /** Memory of each running service in MB, from its own /metrics (prom-client's process and Node.js gauges). */
  async memory(): Promise<Map<ServiceName, Memory>> {
    const entries = await Promise.all(
      [...this.services.entries()].map(async ([service]) => {
        const text = await fetch(`${this.url(service)}/metrics`, { signal: AbortSignal.timeout(5_000) })
          .then((response) => response.text())
          .catch(() => '');
        const gauge = (name: string) => {
          const line = text.split('\n').find((row) => new RegExp(`^${name}[ {]`).test(row));
          return line ? Number(line.split(' ').at(-1)) / 2 ** 20 : NaN;
        };
        return [service, { rss: gauge('process_resident_memory_bytes'), heapTotal: gauge('nodejs_heap_size_total_bytes'), heapUsed: gauge('nodejs_heap_size_used_bytes'), external: gauge('nodejs_external_memory_bytes') }] as const;
      }),
    );
    return new Map(entries);
  }

  /** Stops the services (SIGTERM, graceful), the SMTP sink, and the broker if this run started it. */
  async stop(): Promise<void> {
    await Promise.all([...this.services.values()].map((child) => child.stop(STOP_TIMEOUT_MS)));
    this.services.clear();
    await this.smtp?.stop();
    this.smtp = undefined;
    if (this.kafkaStartedHere) {
      const { port } = parseBroker(this.brokers);
      if (new LocalKafka({ port }).pid !== undefined) await stopKafka({ brokers: this.brokers, log: say });
    }
  }

  /** Services die with this process, whatever happens to it. */
  killNow(): void {
    for (const child of this.services.values()) child.killNow();
  }
}

/** Runs `body` with a stack that is stopped afterwards, on failure and on Ctrl-C. */
export async function withStack(name: string, body: (stack: BenchStack) => Promise<boolean>): Promise<void> {
  const stack = new BenchStack(loadBenchConfig());
  let stopping = false;
  const interrupt = () => {
    if (stopping) process.exit(130);
    stopping = true;
    say(`\n${name}: interrupted; stopping what it started…`);
    void stack.stop().finally(() => process.exit(130));
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  process.on('exit', () => stack.killNow());
  let ok = false;
  try {
    ok = await body(stack);
  } catch (error) {
    say(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    if (!stopping) {
      say(`${name}: stopping what it started…`);
      await stack.stop();
    }
  }
  process.exitCode = ok ? 0 : 1;
}
