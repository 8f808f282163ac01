/**
 * `node dist/tools/kafka/cli.js start|stop|status` — the local Kafka from a shell.
 * Honours KAFKA_BROKERS (default 127.0.0.1:9092) like the services do.
 */
import { isKafkaReachable, parseBroker } from './broker-probe';
import { LocalKafka, ensureKafka, stopKafka } from './local-kafka';

const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
const say = (line: string) => process.stdout.write(`${line}\n`);

async function start(): Promise<number> {
  const result = await ensureKafka({ brokers });
  const broker = new LocalKafka({ port: parseBroker(result.brokers).port });
  const pid = broker.pid;
  say(
    pid === undefined
      ? `kafka: ready at ${result.brokers}`
      : `kafka: ready at ${result.brokers} (pid ${pid}, running in the background; ` +
          `log: ${broker.logFile}; stop it with the "stop" command)`,
  );
  return 0;
}

async function stop(): Promise<number> {
  const stopped = await stopKafka({ brokers });
  if (!stopped) say(`kafka: no broker started by this tool is running for ${brokers}; nothing to stop`);
  return 0;
}

async function status(): Promise<number> {
  const broker = new LocalKafka({ port: parseBroker(brokers).port });
  const pid = broker.pid;
  const reachable = await isKafkaReachable(brokers);
  if (pid !== undefined) {
    say(
      `kafka: broker started by this tool on ${broker.brokers}: pid ${pid}, ` +
        `${reachable ? 'reachable' : 'NOT reachable (still starting, or hung)'}; log: ${broker.logFile}`,
    );
  } else {
    say(reachable ? `kafka: a broker (not started by this tool) is reachable at ${brokers}` : `kafka: no broker reachable at ${brokers}`);
  }
  return reachable ? 0 : 1;
}

const commands: Record<string, () => Promise<number>> = { start, stop, status };
const command = commands[process.argv[2] ?? ''];

if (!command) {
  process.stderr.write('usage: cli.js start|stop|status   (KAFKA_BROKERS=host:port, default 127.0.0.1:9092)\n');
  process.exitCode = 2;
} else {
  command().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
