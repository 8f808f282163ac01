/**
 * `npm start`: the whole system on this machine with demo data (PRODUCT.md,
 * "Running it"). Checks PostgreSQL, brings up Kafka if none is reachable,
 * runs the five services as separate processes (as containers would run
 * them, in development mode: their secrets keep their public defaults),
 * puts the one origin in front of them (gateway.ts: the web application and
 * the API on one address, routed as the Ingress routes), seeds a demo network
 * through it, prints where to look, then stays in the foreground until
 * Ctrl-C or SIGTERM stops everything it started.
 *
 * Environment: DATABASE_SERVER (a PostgreSQL URL whose role may create
 * databases), KAFKA_BROKERS and WEB_PORT; other variables (LOG_LEVEL…) pass
 * through to the services.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ConfigError, defineConfig, loadConfig } from '@passerelle/platform/config';
import { isPortOpen, parseBroker } from '../kafka/broker-probe';
import { ensureKafka, LocalKafka, stopKafka } from '../kafka/local-kafka';
import { ensureCatalogueTopics } from './catalogue-topics';
import {
  DEMO_NETWORK,
  DEMO_ORGANIZER_EMAIL,
  DEMO_PARTICIPANTS,
  DEMO_PASSWORD,
  DEMO_USERS,
  type DemoSeedResult,
  registrationsReportUrl,
  seedDemoData,
} from './demo-seed';
import { type MailCatcher, startMailCatcher } from './mail-catcher';
import { checkPostgres, databaseUrl, redactUrl } from './postgres-probe';
import { type Gateway, startGateway } from './gateway';
import { ServiceProcess } from './service-process';
import { publicRoutes } from '../deploy/public-routes';

/** What this tool reads, validated like the services' own configuration. */
const startConfigSchema = defineConfig({
  databaseServer: {
    env: 'DATABASE_SERVER',
    type: 'url',
    protocols: ['postgres', 'postgresql'],
    // Development default: the machine's PostgreSQL with trust authentication. Never a production setting.
    default: 'postgres://postgres@127.0.0.1:5432/postgres',
    secret: true,
    description: 'PostgreSQL server on which each service creates its database (passerelle_<service>)',
  },
  kafkaBrokers: {
    env: 'KAFKA_BROKERS',
    type: 'list',
    // Development default: the local single-node broker of tools/kafka.
    default: ['127.0.0.1:9092'],
    description: 'Kafka bootstrap servers; a local broker is started when none answers on 127.0.0.1',
  },
  webPort: {
    env: 'WEB_PORT',
    type: 'port',
    // identity's development PUBLIC_APP_URL points here, so the links of its mails land on the application.
    default: 3000,
    description: 'Port of the one origin on 127.0.0.1: the web application, and the API under /v1 and /.well-known',
  },
});

const WEB_HOST = '127.0.0.1';

const SERVICES = [
  { service: 'identity', port: 3001 },
  { service: 'intake', port: 3002 },
  { service: 'matching', port: 3003 },
  { service: 'communication', port: 3004 },
  { service: 'evaluation', port: 3005 },
] as const;

/** First start creates the databases, runs migrations and joins consumer groups: seconds, rarely more. */
const READY_TIMEOUT_MS = 120_000;
const REPORT_TIMEOUT_MS = 60_000;
/** Above the services' own SHUTDOWN_TIMEOUT_MS default (25 s), so they get to finish first. */
const STOP_TIMEOUT_MS = 30_000;
const PROGRESS_EVERY_MS = 10_000;

const say = (line = '') => process.stdout.write(`${line}\n`);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)}s`;

type Phase = 'starting' | 'running' | 'stopping';

/** What this run has started, so a stop (wanted or not) takes down exactly that. */
class LocalSystem {
  phase: Phase = 'starting';
  readonly services: ServiceProcess[] = [];
  brokers = '';
  /** 'ensuring' while ensureKafka() runs, which may be starting a broker this run then owns. */
  kafkaStep: 'not yet' | 'ensuring' | 'done' = 'not yet';
  kafkaStartedHere = false;
  mail?: MailCatcher;
  gateway?: Gateway;
  /** Whether a broker started by tools/kafka was running before this run; see stopKafkaIfOurs(). */
  brokerRunningBefore = true;
  private stopping?: Promise<void>;

  constructor(readonly root: string) {}

  /** A getter rather than a phase comparison: the phase changes under awaits, behind the compiler's back. */
  get isStopping(): boolean {
    return this.phase === 'stopping';
  }

  /** Graceful stop of everything this run started, then exit. A second signal forces it. */
  stop(reason: string, exitCode: number): void {
    if (this.stopping) {
      say(`passerelle: ${reason} again; killing the services now`);
      for (const service of this.services) service.killNow();
      if (this.kafkaStartedHere) say('kafka: left running; stop it with "npm run kafka:stop"');
      process.exit(exitCode || 130);
    }
    this.phase = 'stopping';
    // Nothing to stop yet (e.g. PostgreSQL unreachable): the message above says it all.
    const quiet = this.services.length === 0 && this.kafkaStep === 'not yet';
    if (!quiet) {
      say();
      say(`passerelle: stopping (${reason})…`);
    }
    this.stopping = this.stopAll().then(
      () => {
        if (!quiet) say('passerelle: stopped');
        process.exit(exitCode);
      },
      (error: unknown) => {
        say(`passerelle: could not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(exitCode || 1);
      },
    );
  }

  private async stopAll(): Promise<void> {
    const started = Date.now();
    // First, so no new request reaches a service that is draining.
    await this.gateway?.close();
    await Promise.all(
      this.services.map(async (service) => {
        const outcome = await service.stop(STOP_TIMEOUT_MS);
        if (outcome === 'stopped') say(`  ${service.service.padEnd(14)} stopped (${seconds(started)})`);
        if (outcome === 'killed') {
          say(`  ${service.service.padEnd(14)} did not stop within ${STOP_TIMEOUT_MS / 1000}s; killed (log: ${this.rel(service.options.logFile)})`);
        }
      }),
    );
    await this.stopKafkaIfOurs();
    await this.mail?.stop();
  }

  private async stopKafkaIfOurs(): Promise<void> {
    if (this.kafkaStep === 'not yet') return;
    if (this.kafkaStep === 'ensuring') {
      // Interrupted while ensureKafka() ran: a broker that appeared meanwhile is the one it was starting.
      const { host, port } = parseBroker(this.brokers);
      const isLocal = host === 'localhost' || host.startsWith('127.');
      if (this.brokerRunningBefore || !isLocal || new LocalKafka({ port }).pid === undefined) return;
    } else if (!this.kafkaStartedHere) {
      return;
    }
    await stopKafka({ brokers: this.brokers, log: say });
  }

  service(name: (typeof SERVICES)[number]['service']): ServiceProcess {
    return this.services.find((service) => service.service === name)!;
  }

  rel(path: string): string {
    return relative(process.cwd(), path) || '.';
  }
}

async function main(system: LocalSystem): Promise<void> {
  const started = Date.now();
  say('passerelle: starting the whole system locally (Ctrl-C stops it)');

  const { databaseServer, kafkaBrokers, webPort } = loadConfig(startConfigSchema);
  const webUrl = `http://${WEB_HOST}:${webPort}`;
  system.brokers = kafkaBrokers.join(',');

  // 1. PostgreSQL: each service creates its own database there.
  const postgres = await checkPostgres(databaseServer);
  say(`postgres: reachable at ${redactUrl(databaseServer)} (PostgreSQL ${postgres.version})`);

  // Before anything slow: a second `npm start`, or another program, on our ports.
  for (const { service, port } of [{ service: 'web', port: webPort }, ...SERVICES]) {
    if (await isPortOpen('127.0.0.1', port, 1_000)) {
      throw new Error(
        `passerelle: port ${port} (${service}) is already in use: is another "npm start" running? ` +
          `Stop it (Ctrl-C in its terminal) or free the port, then retry.`,
      );
    }
  }

  // 2. Kafka: reuses a reachable broker, else starts one (fetched from Maven Central on first use).
  const { port: brokerPort } = parseBroker(system.brokers);
  system.brokerRunningBefore = new LocalKafka({ port: brokerPort }).pid !== undefined;
  system.kafkaStep = 'ensuring';
  const kafka = await ensureKafka({ brokers: system.brokers, log: say });
  system.brokers = kafka.brokers;
  system.kafkaStartedHere = kafka.startedHere;
  system.kafkaStep = 'done';
  await ensureCatalogueTopics(kafka.brokers, say);
  // A Ctrl-C during a slow step: stop() has taken over; start nothing more.
  if (system.isStopping) return;

  // Mails (registration, verification, reset) land in files a developer can open.
  system.mail = await startMailCatcher(join(system.root, '.cache', 'mail'), say);

  // 3. The five services, as separate processes with their logs in files.
  const logDir = join(system.root, '.cache', 'logs');
  mkdirSync(logDir, { recursive: true });
  for (const { service, port } of SERVICES) {
    const child = new ServiceProcess({
      service,
      port,
      main: join(system.root, 'dist', 'apps', service, 'src', 'main.js'),
      cwd: system.root,
      logFile: join(logDir, `${service}.log`),
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: databaseUrl(databaseServer, `passerelle_${service}`),
        KAFKA_BROKERS: kafka.brokers,
        SMTP_URL: system.mail.url,
        // Development: pairs at risk are judged every few seconds, so the demo's alert shows at once.
        ALERT_SWEEP_INTERVAL_MS: process.env['ALERT_SWEEP_INTERVAL_MS'] ?? '3000',
        // Behind the gateway, one proxy hop: per-address throttles see the browser's address, not the gateway's.
        HTTP_TRUST_PROXY_HOPS: process.env['HTTP_TRUST_PROXY_HOPS'] ?? '1',
        // Links in mails (identity's pages, communication's unsubscribe) lead to the one origin.
        PUBLIC_APP_URL: process.env['PUBLIC_APP_URL'] ?? webUrl,
        PUBLIC_API_URL: process.env['PUBLIC_API_URL'] ?? webUrl,
      },
    });
    system.services.push(child);
    child.start((ended) => onUnexpectedExit(system, ended));
  }
  say(`services: starting ${SERVICES.map((s) => s.service).join(', ')} (JSON logs in ${system.rel(logDir)}/)`);
  await waitUntilAllReady(system, started);
  if (system.isStopping) return;

  // 4. The one origin: the web application, and each service's public paths routed as the Ingress routes them.
  system.gateway = await startGateway({
    routes: publicRoutes(),
    upstreams: Object.fromEntries(SERVICES.map(({ service, port }) => [service, { host: '127.0.0.1', port }])),
    webRoot: join(system.root, 'apps', 'web', 'dist'),
    host: WEB_HOST,
    port: webPort,
  });
  say(`web: ${system.gateway.url} (the application; the API under /v1 and /.well-known)`);

  // 5. Demo data, through the one origin's public HTTP API only, as the application would.
  const demo = await seedDemoData({
    identityUrl: system.gateway.url,
    intakeUrl: system.gateway.url,
    matchingUrl: system.gateway.url,
    communicationUrl: system.gateway.url,
    evaluationUrl: system.gateway.url,
    mailFolder: system.mail?.folder,
    log: say,
    reportTimeoutMs: REPORT_TIMEOUT_MS,
  });

  // 6. Where to look.
  if (system.isStopping) return;
  printSummary(system, demo, logDir, started);
  system.phase = 'running';
}

async function waitUntilAllReady(system: LocalSystem, started: number): Promise<void> {
  const waiting = new Set(system.services);
  const ticker = setInterval(() => {
    say(`services: waiting for ${[...waiting].map((s) => s.service).join(', ')} to be ready (${seconds(started)})…`);
  }, PROGRESS_EVERY_MS);
  const failed = await new Promise<{ service: ServiceProcess; reason: string } | undefined>((resolve) => {
    for (const service of system.services) {
      void service.waitUntilReady(READY_TIMEOUT_MS).then((result) => {
        if (!result.ready) return resolve({ service, reason: result.reason });
        waiting.delete(service);
        say(`  ${service.service.padEnd(14)} ready on ${service.baseUrl} (${seconds(started)})`);
        if (waiting.size === 0) resolve(undefined);
      });
    }
  }).finally(() => clearInterval(ticker));
  if (failed) {
    const { service, reason } = failed;
    throw new Error(
      `${service.service}: ${reason}.\n` +
        `--- last lines of ${system.rel(service.options.logFile)}\n${service.logTail(20)}\n---\n` +
        `The whole log is in ${service.options.logFile}.`,
    );
  }
}

function printSummary(system: LocalSystem, demo: DemoSeedResult, logDir: string, started: number): void {
  // Every public path answers on the one origin, as it will behind the Ingress.
  const origin = system.gateway!.url;
  say();
  say(`Passerelle is running (ready in ${seconds(started)}).`);
  say();
  say(`  Open ${origin} and sign in with one of the demo accounts:`);
  say();
  if (demo.program) {
    for (const line of demoAccounts(demo.program.name)) say(`    ${line}`);
  } else {
    say(`    (the demo accounts have no password yet: see the warning above)`);
  }
  say();
  say(`  web            ${origin}   the application; the API under ${origin}/v1/… and ${origin}/.well-known/jwks.json`);
  say();
  say(`  ${'service'.padEnd(14)} ${'base URL'.padEnd(22)} ${'OpenAPI'.padEnd(28)} health and metrics`);
  for (const service of system.services) {
    say(`  ${service.service.padEnd(14)} ${service.baseUrl.padEnd(22)} ${`${service.baseUrl}/docs`.padEnd(28)} /health/ready  /metrics`);
  }
  say(`  (each also serves /docs-json and /health/live)`);
  say();
  const counted =
    demo.registeredUsers >= DEMO_USERS.length
      ? `${demo.registeredUsers} users`
      : `${DEMO_USERS.length} users, of which the report counts only ${demo.registeredUsers} so far (see the warning above)`;
  say(`  demo network   "${DEMO_NETWORK.name}" (${DEMO_NETWORK.slug}), id ${demo.networkId}, ${counted}`);
  const program = demo.program;
  if (program) {
    say(`  demo programme "${program.name}", id ${program.id}`);
    say(
      `                 intake open ${program.intakeOpensOn} to ${program.intakeClosesOn}, runs ${program.startsOn} to ${program.endsOn}; ` +
        `${program.mentors} mentors, ${program.mentees} mentees, ${program.goals} goals`,
    );
    const midway = program.midway;
    if (midway) {
      say(
        `                 mid-way: ${midway.pairs} active pairs, ${midway.sessionsHeld} sessions held and rated` +
          (midway.atRisk ? `; ${midway.atRisk.mentor} and ${midway.atRisk.mentee} are at risk (low ratings), alert raised` : ''),
      );
    }
    say(`  programme report ${origin}/v1/reports/programs/${program.id}   (CSV: …/export?table=kpis)`);
    say();
    say(`  try, as the organizer:`);
    say(`    TOKEN=$(curl -s -X POST ${origin}/v1/auth/login -H 'content-type: application/json' \\`);
    say(`      -d '{"network":"${DEMO_NETWORK.slug}","email":"${DEMO_ORGANIZER_EMAIL}","password":"${DEMO_PASSWORD}"}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).accessToken')`);
    say(`    curl -s -H "authorization: Bearer $TOKEN" ${origin}/v1/reports/programs/${program.id}`);
    say(`    curl -s -H "authorization: Bearer $TOKEN" "${origin}/v1/alerts?programId=${program.id}"`);
    say(`    curl -s -H "authorization: Bearer $TOKEN" "${origin}/v1/matches?programId=${program.id}"`);
    say(`    curl -s -H "authorization: Bearer $TOKEN" ${origin}/v1/notifications`);
    say(`    curl -s -H "authorization: Bearer $TOKEN" ${origin}/v1/programs/${program.id}/statistics`);
    say(`  (log in as a mentor or mentee the same way to see their conversations, sessions and ${origin}/v1/reports/programs/${program.id}/me)`);
    say();
  } else {
    say(`  demo programme not seeded (see the warning above)`);
  }
  say(`  platform admin curl -s -X POST ${origin}/v1/auth/login -H 'content-type: application/json' \\`);
  say(`                   -d '{"network":"platform","email":"platform-admin@example.org","password":"development-only-admin-password"}'`);
  say(`  registrations  ${registrationsReportUrl(origin, demo.networkId)}`);
  say(`  invite         POST ${origin}/v1/networks/${demo.networkId}/invitations {"email":"you@example.org"}`);
  say(`                 then register with the token from the mail: POST ${origin}/v1/auth/register`);
  say(
    `  kafka          ${system.brokers} (${system.kafkaStartedHere ? 'started by npm start; stops with it' : 'already running; left running on exit'})`,
  );
  say(`  logs           ${logDir}/<service>.log (JSON)`);
  if (system.mail?.folder) say(`  mail           ${system.mail.folder}/ (every mail the services send; also announced here)`);
  say();
  say(`Ctrl-C stops the services${system.kafkaStartedHere ? ' and Kafka' : ''}.`);
}

/**
 * The demo accounts as a table a person can copy from: network, e-mail and
 * password of each, and who they are in the demo programme (mentees first:
 * their home shows the most).
 */
function demoAccounts(programName: string): string[] {
  const roleOf = (email: string) =>
    email === DEMO_ORGANIZER_EMAIL ? 'organizer' : (DEMO_PARTICIPANTS.find((participant) => participant.email === email)?.role ?? 'member');
  const order = ['mentee', 'mentor', 'organizer', 'member'];
  const rows = [...DEMO_USERS]
    .sort((a, b) => order.indexOf(roleOf(a.email)) - order.indexOf(roleOf(b.email)))
    .map((user) => [DEMO_NETWORK.slug, user.email, DEMO_PASSWORD, `${user.displayName}, ${roleOf(user.email)}`]);
  const header = ['network', 'e-mail', 'password', `who (in "${programName}")`];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column < cells.length - 1 ? cell.padEnd(widths[column]) : cell)).join('   ');
  return [line(header), ...rows.map(line)];
}

function onUnexpectedExit(system: LocalSystem, service: ServiceProcess): void {
  // While starting, waitUntilAllReady reports it; while stopping, it is expected.
  if (system.phase !== 'running') return;
  say(
    `${service.service}: the process ended unexpectedly (${service.exitDescription}).\n` +
      `--- last lines of ${system.rel(service.options.logFile)}\n${service.logTail(15)}\n---`,
  );
  if (system.services.every((s) => !s.running)) system.stop('every service has ended', 1);
}

/** The repository root: the nearest ancestor with a package.json (works from dist/ and from source). */
function repoRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

const system = new LocalSystem(repoRoot());
process.on('SIGINT', () => system.stop('Ctrl-C', 0));
process.on('SIGTERM', () => system.stop('SIGTERM', 0));
process.on('SIGHUP', () => system.stop('SIGHUP', 0));
// Whatever happens to this process, no service may outlive it (they run in their own process groups).
process.on('exit', () => system.services.forEach((service) => service.killNow()));

main(system).catch((error: unknown) => {
  if (system.isStopping) return; // a signal arrived mid-start; stop() owns the exit
  say();
  say(error instanceof ConfigError ? `passerelle: ${error.message}` : error instanceof Error ? error.message : String(error));
  system.stop('start-up failed', 1);
});
