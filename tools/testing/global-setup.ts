import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { ensureCatalogueTopics } from '../dev/catalogue-topics';
import { ensureKafka } from '../kafka/local-kafka';

/**
 * Before the integration suites: a real Kafka broker (started here when none
 * is reachable), the PostgreSQL server answering, and a fresh build of the
 * apps for the tests that run them as separate processes.
 */
export default async function globalSetup(): Promise<void> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const server = process.env['TEST_DATABASE_SERVER'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new Client({ connectionString: server, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${server} (${String(error)}): start it, or set TEST_DATABASE_SERVER`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  // The tests' own broker, apart from the one `npm start` uses (9092), so a
  // running demo and a test run never share consumer groups or topics.
  const kafka = await ensureKafka({ log, brokers: process.env['TEST_KAFKA_BROKERS'] ?? '127.0.0.1:29092' });
  process.env['KAFKA_BROKERS'] = kafka.brokers;
  await ensureCatalogueTopics(kafka.brokers, log);
  (globalThis as { __kafkaStartedHere?: boolean }).__kafkaStartedHere = kafka.startedHere;
  log('e2e: building the apps (swc) for the process-level tests…');
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
}
