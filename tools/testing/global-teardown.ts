import { stopKafka } from '../kafka/local-kafka';

/** Stops the broker only if this test run started it; a broker you started yourself keeps running. */
export default async function globalTeardown(): Promise<void> {
  if ((globalThis as { __kafkaStartedHere?: boolean }).__kafkaStartedHere) {
    await stopKafka({ log: (line) => process.stderr.write(`${line}\n`), brokers: process.env['KAFKA_BROKERS'] });
  }
}
