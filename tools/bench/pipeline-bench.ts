/**
 * `npm run bench:pipeline` (issue 8, item 3): events through the whole
 * backbone — a transaction writes them into communication's outbox, as its
 * use cases do; communication's relay publishes them; evaluation's inbox
 * consumer projects them — beside the bare Kafka round trip on this machine
 * as the ceiling; and the resident memory of the five services idle and
 * under that load.
 *
 * Three phases:
 *  1. Kafka alone: kafkajs produce → consume, no database (the ceiling).
 *  2. Freshness: a steady `--rate` (200 events/s), one event per transaction
 *     like a request; per event, its ce_time → the start of the projection
 *     transaction that applied it (the inbox row's time; the commit follows
 *     within milliseconds).
 *  3. Throughput: writers as fast as the pipeline takes it, never more than
 *     `--backlog` events written but not yet projected, so what is measured
 *     is the rate at which the projection keeps up; then the time to drain.
 *
 * Usage: node dist/tools/bench/pipeline-bench.js [--rate 200] [--freshness-seconds 20]
 *        [--throughput-seconds 30] [--backlog 4000] [--writers 6] [--events-per-transaction 20]
 *        [--programmes 20] [--pairs 10] [--ceiling-seconds 10] [--cpu-prof evaluation]
 * Environment: BENCH_KAFKA_BROKERS (127.0.0.1:29692), BENCH_DATABASE_SERVER, BENCH_DATABASE_SUFFIX (_bench), BENCH_PORT_BASE (3100).
 */
import { createEnvelope, findTopic, messageSent, toKafkaMessage } from '@passerelle/contracts';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { type BenchStack, cpuProfOf, numberFlag, type Memory, SERVICES, type ServiceName, say, sleep, withStack } from './bench-stack';
import { cohort, type CohortEvent, CohortTraffic } from './cohort-events';
import { distribution, f, table, verdict } from './figures';
import { heapMbOf } from '../deploy/deployment-settings';
import { measureKafkaCeiling } from './kafka-ceiling';

const TARGET = { eventsPerSecond: 2_000, freshnessP99Ms: 1_000, rssMb: 200 };
const DRAIN_TIMEOUT_MS = 60_000;
const PROGRESS_EVERY_MS = 2_000;

interface Options {
  rate: number;
  freshnessSeconds: number;
  throughputSeconds: number;
  backlog: number;
  writers: number;
  eventsPerTransaction: number;
  programmes: number;
  pairs: number;
  ceilingSeconds: number;
  /** A service to run under the CPU profiler (profile written to .cache/bench-profiles/ when it stops). */
  cpuProf?: ServiceName;
}

function options(): Options {
  const args = process.argv.slice(2);
  const value = (flag: string, fallback: number) => numberFlag(args, flag, fallback);
  return {
    rate: value('rate', 200),
    freshnessSeconds: value('freshness-seconds', 20),
    throughputSeconds: value('throughput-seconds', 30),
    backlog: value('backlog', 4_000),
    writers: value('writers', 6),
    eventsPerTransaction: value('events-per-transaction', 20),
    programmes: value('programmes', 20),
    pairs: value('pairs', 10),
    ceilingSeconds: value('ceiling-seconds', 10),
    cpuProf: cpuProfOf(args),
  };
}

/** Writes cohort events into communication's outbox through the platform's OutboxWriter, in the caller's transactions. */
class OutboxLoad {
  private readonly writer = new OutboxWriter();
  written = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly traffic: CohortTraffic,
  ) {}

  async write(count: number): Promise<string[]> {
    const events: CohortEvent[] = Array.from({ length: count }, () => this.traffic.next());
    const ids = await this.dataSource.transaction(async (manager) => {
      const written: string[] = [];
      for (const event of events) written.push(await this.writer.append(manager, event.definition as typeof messageSent, event.data as never));
      return written;
    });
    this.written += ids.length;
    return ids;
  }
}

/** Events evaluation's inbox has recorded (every event of this run's fresh database is the benchmark's). */
async function appliedCount(evaluation: Client): Promise<number> {
  const { rows } = await evaluation.query<{ count: string }>(`SELECT count(*) AS count FROM inbox`);
  return Number(rows[0].count);
}

async function unpublished(communication: Client): Promise<number> {
  const { rows } = await communication.query<{ count: string }>(`SELECT count(*) AS count FROM outbox WHERE published_at IS NULL`);
  return Number(rows[0].count);
}

/** Memory per service at its highest RSS seen while sampling. */
class MemoryWatch {
  readonly peak = new Map<ServiceName, Memory>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly stack: BenchStack) {}

  start(): void {
    this.timer = setInterval(() => void this.sample(), PROGRESS_EVERY_MS);
  }

  async sample(): Promise<void> {
    for (const [service, memory] of await this.stack.memory()) {
      if (!(memory.rss <= (this.peak.get(service)?.rss ?? 0))) this.peak.set(service, memory);
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sample();
  }
}

async function waitUntilApplied(load: OutboxLoad, evaluation: Client, communication: Client): Promise<number> {
  const started = Date.now();
  let lastSaid = started;
  while (Date.now() - started < DRAIN_TIMEOUT_MS) {
    const applied = await appliedCount(evaluation);
    if (applied >= load.written) return Date.now() - started;
    if (Date.now() - lastSaid >= PROGRESS_EVERY_MS) {
      lastSaid = Date.now();
      say(`  draining: ${f(load.written - applied)} still to project (${f(await unpublished(communication))} unpublished)`);
    }
    await sleep(100);
  }
  throw new Error(`the projection did not catch up within ${DRAIN_TIMEOUT_MS / 1000} s`);
}

/** One event per transaction at a steady rate; freshness of each from the two databases. */
async function freshnessPhase(opts: Options, load: OutboxLoad, evaluation: Client, communication: Client) {
  say(`\nfreshness: ${opts.rate} events/s for ${opts.freshnessSeconds} s, one event per transaction`);
  const total = Math.round(opts.rate * opts.freshnessSeconds);
  const ids: string[] = [];
  const inFlight = new Set<Promise<void>>();
  let late = 0;
  const started = performance.now();
  let lastSaid = started;
  for (let k = 0; k < total; k++) {
    const due = started + (k * 1000) / opts.rate;
    while (performance.now() < due) await sleep(Math.max(0, Math.min(2, due - performance.now())));
    if (performance.now() - due > 50) late += 1;
    const write: Promise<void> = load.write(1).then((written) => void ids.push(...written)).finally(() => inFlight.delete(write));
    inFlight.add(write);
    if (inFlight.size >= 16) await Promise.race(inFlight);
    if (performance.now() - lastSaid >= PROGRESS_EVERY_MS) {
      lastSaid = performance.now();
      say(`  ${f(k + 1)} / ${f(total)} written, ${f(load.written - (await appliedCount(evaluation)))} not yet projected`);
    }
  }
  await Promise.all(inFlight);
  const drainMs = await waitUntilApplied(load, evaluation, communication);
  const { rows: times } = await communication.query<{ event_id: string; ce_time: string }>(
    `SELECT event_id, headers->>'ce_time' AS ce_time FROM outbox WHERE event_id = ANY($1::uuid[])`,
    [ids],
  );
  const { rows: applied } = await evaluation.query<{ event_id: string; at: Date }>(`SELECT event_id, processed_at AS at FROM inbox WHERE event_id = ANY($1::uuid[])`, [ids]);
  const appliedAt = new Map(applied.map((row) => [row.event_id, row.at.getTime()]));
  const lags = times.map((row) => appliedAt.get(row.event_id)! - Date.parse(row.ce_time));
  return { events: ids.length, seconds: (performance.now() - started) / 1000, drainMs, late, freshness: distribution(lags) };
}

/** Writers as fast as the projection keeps up, at most `backlog` events ahead of it. */
async function throughputPhase(opts: Options, load: OutboxLoad, evaluation: Client, communication: Client) {
  say(`\nthroughput: ${opts.writers} writers, ${opts.eventsPerTransaction} events per transaction, at most ${f(opts.backlog)} events ahead of the projection, ${opts.throughputSeconds} s`);
  const warmupMs = Math.min(5_000, (opts.throughputSeconds * 1000) / 4);
  const startWritten = load.written;
  const started = performance.now();
  const end = started + opts.throughputSeconds * 1000;
  let applied = await appliedCount(evaluation);
  let window: { at: number; applied: number; written: number } | undefined;
  let backlogFull = 0;
  let polls = 0;
  const poller = (async () => {
    let lastSaid = performance.now();
    while (performance.now() < end) {
      await sleep(250);
      applied = await appliedCount(evaluation);
      polls += 1;
      if (load.written - applied >= 0.9 * opts.backlog) backlogFull += 1;
      if (!window && performance.now() - started >= warmupMs) window = { at: performance.now(), applied, written: load.written };
      if (performance.now() - lastSaid >= PROGRESS_EVERY_MS) {
        lastSaid = performance.now();
        const seconds = (performance.now() - started) / 1000;
        say(`  ${seconds.toFixed(0)} s: ${f(load.written - startWritten)} written, ${f(load.written - applied)} not yet projected (${f(await unpublished(communication))} unpublished)`);
      }
    }
  })();
  await Promise.all(
    Array.from({ length: opts.writers }, async () => {
      while (performance.now() < end) {
        if (load.written - applied >= opts.backlog) {
          await sleep(5);
          continue;
        }
        await load.write(opts.eventsPerTransaction);
      }
    }),
  );
  await poller;
  const finalApplied = await appliedCount(evaluation);
  const at = performance.now();
  const from = window ?? { at: started, applied: 0, written: startWritten };
  const projectedPerSecond = (finalApplied - from.applied) / ((at - from.at) / 1000);
  const writtenPerSecond = (load.written - from.written) / ((at - from.at) / 1000);
  const behind = load.written - finalApplied;
  const drainMs = await waitUntilApplied(load, evaluation, communication);
  return { events: load.written - startWritten, projectedPerSecond, writtenPerSecond, behind, drainMs, backlogBoundShare: polls ? backlogFull / polls : 0 };
}

async function run(stack: BenchStack): Promise<boolean> {
  const opts = options();
  say(
    `pipeline benchmark: communication outbox → relay → Kafka → evaluation projection; ${opts.programmes} programmes × ${opts.pairs} pairs ` +
      '(3 messages, 1 session booked, 1 held of every 5 events); progress below',
  );
  await stack.prepare(SERVICES);

  const pairs = cohort(opts.programmes, opts.pairs);
  const sampleTraffic = new CohortTraffic(pairs);
  const sample = Array.from({ length: 1_000 }, () => {
    const event = sampleTraffic.next();
    return toKafkaMessage(createEnvelope(event.definition as typeof messageSent, event.data as never));
  });
  say(`\nkafka alone: kafkajs produce → consume for ${opts.ceilingSeconds} s (batches of 500, acks=all, idempotent; no database)`);
  const ceiling = await measureKafkaCeiling({
    brokers: stack.brokers,
    sample,
    partitions: findTopic(messageSent.topic)!.partitions,
    batchSize: 500,
    durationMs: opts.ceilingSeconds * 1000,
    maxInFlight: 20_000,
    progress: say,
  });
  say(`  ${f(ceiling.perSecond)} records/s`);

  say('');
  await stack.start(SERVICES, { profile: opts.cpuProf });
  await sleep(5_000);
  const idle = await stack.memory();

  const communication = new Client({ connectionString: stack.databaseUrl('communication') });
  const evaluation = new Client({ connectionString: stack.databaseUrl('evaluation') });
  const dataSource = new DataSource({ type: 'postgres', url: stack.databaseUrl('communication'), poolSize: Math.max(opts.writers, 16) });
  await Promise.all([communication.connect(), evaluation.connect(), dataSource.initialize()]);
  const watch = new MemoryWatch(stack);
  watch.start();
  try {
    const load = new OutboxLoad(dataSource, new CohortTraffic(pairs));
    // A few hundred events first, so that connections, JIT and the consumer's fetch loop are warm.
    await load.write(200);
    await waitUntilApplied(load, evaluation, communication);
    const freshness = await freshnessPhase(opts, load, evaluation, communication);
    const throughput = await throughputPhase(opts, load, evaluation, communication);
    await watch.stop();

    const fraction = throughput.projectedPerSecond / ceiling.perSecond;
    say('\nresults (2-core machine: Kafka, PostgreSQL, five services and this load generator on it)');
    say(
      table(
        ['measure', 'value', 'target'],
        [
          ['kafka alone: records/s (ceiling)', f(ceiling.perSecond), ''],
          ['kafka alone: produce → consume p50 / p99 ms', `${f(ceiling.latency.p50, 1)} / ${f(ceiling.latency.p99, 1)}`, ''],
          [
            'pipeline: events/s projected, sustained',
            f(throughput.projectedPerSecond),
            `≥ ${f(TARGET.eventsPerSecond)}: ${verdict(throughput.projectedPerSecond >= TARGET.eventsPerSecond)}`,
          ],
          ['pipeline: share of the Kafka ceiling', `${f(fraction * 100, 1)} %`, ''],
          ['pipeline: events/s written meanwhile', f(throughput.writtenPerSecond), ''],
          ['pipeline: behind at the end / drained in', `${f(throughput.behind)} / ${f(throughput.drainMs / 1000, 1)} s`, ''],
          [
            `freshness at ${opts.rate}/s: p50 / p99 / max ms`,
            `${f(freshness.freshness.p50)} / ${f(freshness.freshness.p99)} / ${f(freshness.freshness.max)}`,
            `p99 ≤ ${f(TARGET.freshnessP99Ms)}: ${verdict(freshness.freshness.p99 <= TARGET.freshnessP99Ms)}`,
          ],
          [`freshness: events measured`, `${f(freshness.freshness.count)} of ${f(freshness.events)}`, ''],
        ],
      ),
    );
    if (freshness.late > 0) say(`  (${f(freshness.late)} events of the freshness phase were written more than 50 ms late: the generator was short of CPU)`);
    if (throughput.backlogBoundShare < 0.5) say('  (the writers rarely filled the backlog: the generator, not the pipeline, may have set the pace)');
    say('\nmemory per service, MB: resident (RSS) idle and at its peak under load, with the V8 heap and external buffers at that peak');
    say(
      table(
        ['service', 'heap ceiling', 'RSS idle', 'RSS under load', 'heap used / total', 'external', `RSS ≤ ${TARGET.rssMb} MB`],
        SERVICES.map((service) => {
          const peak = watch.peak.get(service);
          return [
            service,
            f(heapMbOf(service)),
            f(idle.get(service)?.rss ?? NaN),
            f(peak?.rss ?? NaN),
            `${f(peak?.heapUsed ?? NaN)} / ${f(peak?.heapTotal ?? NaN)}`,
            f(peak?.external ?? NaN),
            verdict((peak?.rss ?? Infinity) <= TARGET.rssMb),
          ];
        }),
      ),
    );
    say('  (each service runs with the V8 heap ceiling its deployments give it: tools/deploy/deployment-settings.ts)');
    return freshness.freshness.count === freshness.events;
  } finally {
    await watch.stop();
    await Promise.all([communication.end(), evaluation.end(), dataSource.destroy()]);
  }
}

void withStack('bench:pipeline', run);
