/**
 * `npm run bench:http` (issue 8, item 3): requests/s and latency of
 * evaluation's programme report (`GET /v1/reports/programs/{id}`, read) and
 * session feedback (`POST /v1/feedback`, write) under concurrency, beside the
 * same load loop against a minimal Nest endpoint (the ceiling of Nest and
 * Express on this machine).
 *
 * Identity and evaluation run as processes with databases of their own; the
 * callers are real accounts with identity's tokens. The report's programme
 * (120 mentees by default) and the sessions to rate reach evaluation as
 * events on Kafka, as in production.
 *
 * Usage: node dist/tools/bench/http-bench.js [--seconds 10] [--concurrency 32] [--mentees 120] [--sessions 5000] [--cpu-prof evaluation]
 * Environment: BENCH_KAFKA_BROKERS (127.0.0.1:29692), BENCH_DATABASE_SERVER, BENCH_DATABASE_SUFFIX (_bench), BENCH_PORT_BASE (3100).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { adminToken, createTestMember, createTestNetwork, loginAs, RawProducer } from '@passerelle/testing';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { type BenchStack, cpuProfOf, numberFlag, say, type ServiceName, sleep, withStack } from './bench-stack';
import { f, table, verdict } from './figures';
import { type LoadRequest, type LoadResult, runLoad } from './http-load';
import { ProgrammeEvents, reportProgramme, type SeedRecord } from './report-programme';

const TARGET = { reportPerSecond: 1_000, reportP99Ms: 50 };
const SEED_TIMEOUT_MS = 120_000;

interface Options {
  seconds: number;
  concurrency: number;
  mentees: number;
  sessions: number;
  cpuProf?: ServiceName;
}

function options(): Options {
  const args = process.argv.slice(2);
  const value = (flag: string, fallback: number) => numberFlag(args, flag, fallback);
  return { seconds: value('seconds', 10), concurrency: value('concurrency', 32), mentees: value('mentees', 120), sessions: value('sessions', 5_000), cpuProf: cpuProfOf(args) };
}

/** The minimal Nest app in its own process, like the services. */
async function startCeilingApp(port: number): Promise<ChildProcess> {
  const child = fork(join(__dirname, 'minimal-nest-app.js'), [String(port)], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve());
    child.once('exit', (code) => reject(new Error(`the minimal Nest app exited with code ${code}`)));
  });
  return child;
}

async function publish(producer: RawProducer, records: readonly SeedRecord[]): Promise<void> {
  const byTopic = new Map<string, SeedRecord['message'][]>();
  for (const { topic, message } of records) byTopic.set(topic, [...(byTopic.get(topic) ?? []), message]);
  for (const [topic, messages] of byTopic) {
    for (let start = 0; start < messages.length; start += 1_000) await producer.send(topic, messages.slice(start, start + 1_000));
  }
}

/** Until evaluation's inbox holds `count` events (its database is this run's alone). */
async function untilProjected(stack: BenchStack, count: number): Promise<void> {
  const evaluation = new Client({ connectionString: stack.databaseUrl('evaluation') });
  await evaluation.connect();
  try {
    const started = Date.now();
    let lastSaid = started;
    for (;;) {
      const { rows } = await evaluation.query<{ count: string }>('SELECT count(*) AS count FROM inbox');
      const done = Number(rows[0].count);
      if (done >= count) return;
      if (Date.now() - started > SEED_TIMEOUT_MS) throw new Error(`evaluation projected ${done} of ${count} seed events in ${SEED_TIMEOUT_MS / 1000} s`);
      if (Date.now() - lastSaid >= 2_000) {
        lastSaid = Date.now();
        say(`  ${f(done)} of ${f(count)} seed events projected`);
      }
      await sleep(250);
    }
  } finally {
    await evaluation.end();
  }
}

async function run(stack: BenchStack): Promise<boolean> {
  const opts = options();
  say(`http benchmark: ${opts.concurrency} concurrent clients on keep-alive connections, ${opts.seconds} s per endpoint after 2 s of warm-up; progress below`);
  await stack.prepare(['identity', 'evaluation']);
  const ceilingPort = stack.config.portBase + 9;
  const ceilingApp = await startCeilingApp(ceilingPort);
  const producer = new RawProducer(stack.brokers.split(','));
  const identityDb = new DataSource({ type: 'postgres', url: stack.databaseUrl('identity') });
  try {
    await stack.start(['identity', 'evaluation'], { profile: opts.cpuProf });
    await identityDb.initialize();

    say('\nseeding: a network, an organizer, a mentor and a mentee (identity), a programme and sessions to rate (events)');
    const identity = request(stack.url('identity'));
    const network = await createTestNetwork(identity, await adminToken(identity), 'bench');
    const [organizer, mentor, mentee] = await Promise.all([
      createTestMember(identity, identityDb, network, { roles: ['organizer'] }),
      createTestMember(identity, identityDb, network),
      createTestMember(identity, identityDb, network),
    ]);
    const [organizerToken, mentorToken, menteeToken] = await Promise.all([organizer, mentor, mentee].map(async (member) => (await loginAs(identity, member)).accessToken));
    const report = reportProgramme(network.id, organizer.userId, opts.mentees);
    // The sessions rated under load are in a programme of their own, so the report's size stays what it says.
    const rated = new ProgrammeEvents(network.id, organizer.userId);
    rated.enrol(mentor.userId, 'mentor');
    rated.enrol(mentee.userId, 'mentee');
    const pair = rated.match(mentor.userId, mentee.userId);
    const sessions = Array.from({ length: opts.sessions }, () => rated.session(pair, 2, true));
    const seed = [...report.records, ...rated.records];
    say(`  ${f(seed.length)} events (report programme: ${f(report.records.length)}, ${opts.mentees} mentees); publishing…`);
    await publish(producer, seed);
    await untilProjected(stack, seed.length);

    const evaluation = stack.url('evaluation');
    const reportPath = `/v1/reports/programs/${report.programId}`;
    const check = await fetch(`${evaluation}${reportPath}`, { headers: { authorization: `Bearer ${organizerToken}` } });
    const body = (await check.json()) as { pairs?: unknown[] };
    if (check.status !== 200) throw new Error(`the report answered ${check.status}: ${JSON.stringify(body).slice(0, 300)}`);
    say(`  report: ${f(JSON.stringify(body).length / 1024, 1)} kB of JSON, ${body.pairs?.length ?? 0} pairs`);

    const common = { concurrency: opts.concurrency, warmupMs: 2_000, durationMs: opts.seconds * 1000 };
    const phase = async (name: string, baseUrl: string, expectStatus: number, next: () => LoadRequest | undefined): Promise<LoadResult> => {
      say(`\n${name}: ${opts.seconds} s`);
      const result = await runLoad({ ...common, baseUrl, expectStatus, next, progress: (done) => say(`  ${f(done)} requests measured`) });
      say(`  ${f(result.perSecond)} requests/s, p99 ${f(result.latencyMs.p99, 1)} ms${result.errors ? `, ${f(result.errors)} unexpected answers (first: ${result.firstError})` : ''}`);
      return result;
    };
    const ceiling = await phase('minimal Nest endpoint (ceiling): GET /ping', `http://127.0.0.1:${ceilingPort}`, 200, () => ({ method: 'GET', path: '/ping' }));
    const read = await phase(`programme report: GET ${reportPath.replace(report.programId, '{id}')}`, evaluation, 200, () => ({
      method: 'GET',
      path: reportPath,
      headers: { authorization: `Bearer ${organizerToken}` },
    }));
    const rssAfterReads = (await stack.memory()).get('evaluation')?.rss ?? NaN;
    // Each held session is rated once by the mentee and once by the mentor.
    const raters = [
      { token: menteeToken, next: 0 },
      { token: mentorToken, next: 0 },
    ];
    let turn = 0;
    const write = await phase('session feedback: POST /v1/feedback', evaluation, 201, () => {
      const rater = raters[turn++ % 2];
      const sessionId = sessions[rater.next++];
      if (!sessionId) return undefined;
      return {
        method: 'POST',
        path: '/v1/feedback',
        headers: { authorization: `Bearer ${rater.token}` },
        body: JSON.stringify({ form: 'session', sessionId, satisfaction: 4, helped: ['advice'], comment: 'Useful session.' }),
      };
    });
    const rssAfterWrites = (await stack.memory()).get('evaluation')?.rss ?? NaN;

    const row = (name: string, result: LoadResult, target: string) => [
      name,
      f(result.perSecond),
      f(result.latencyMs.p50, 1),
      f(result.latencyMs.p99, 1),
      f(result.latencyMs.max, 1),
      f(result.errors),
      target,
    ];
    const meetsRead = read.perSecond >= TARGET.reportPerSecond && read.latencyMs.p99 <= TARGET.reportP99Ms;
    say(`\nresults (${opts.concurrency} concurrent clients; identity, evaluation, Kafka, PostgreSQL and this load generator on one 2-core machine)`);
    say(
      table(
        ['endpoint', 'requests/s', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'target'],
        [
          row('minimal Nest GET /ping (ceiling)', ceiling, ''),
          row('report GET /v1/reports/programs/{id}', read, `≥ ${f(TARGET.reportPerSecond)}/s, p99 ≤ ${TARGET.reportP99Ms} ms: ${verdict(meetsRead)}`),
          row('feedback POST /v1/feedback', write, ''),
        ],
      ),
    );
    say(`  report at ${f((read.perSecond / ceiling.perSecond) * 100, 1)} % of the ceiling, feedback at ${f((write.perSecond / ceiling.perSecond) * 100, 1)} %`);
    if (write.exhausted) say(`  (the ${f(opts.sessions)} sessions to rate ran out before the time was up: raise --sessions)`);
    say(`  evaluation RSS: ${f(rssAfterReads)} MB after the reads, ${f(rssAfterWrites)} MB after the writes`);
    return ceiling.errors + read.errors + write.errors === 0;
  } finally {
    await producer.stop();
    if (identityDb.isInitialized) await identityDb.destroy();
    ceilingApp.kill('SIGTERM');
  }
}

void withStack('bench:http', run);
