import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { Kafka, Partitioners, logLevel } from 'kafkajs';

/** `host:port` of the first broker in a comma-separated KAFKA_BROKERS value. */
export function parseBroker(brokers: string): { host: string; port: number } {
  const first = brokers.split(',')[0].trim();
  const match = /^(.+):(\d+)$/.exec(first);
  if (!match) throw new Error(`kafka: cannot parse broker address "${first}"; expected host:port`);
  return { host: match[1].replace(/^\[(.*)\]$/, '$1'), port: Number(match[2]) };
}

/** Whether something accepts TCP connections there; cheap enough to poll while the JVM boots. */
export function isPortOpen(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** kafkajs logs every failed attempt as an ERROR; while probing, failures are expected. */
function client(brokers: string, timeoutMs: number, retries: number): Kafka {
  return new Kafka({
    clientId: 'local-kafka-probe',
    brokers: brokers.split(',').map((broker) => broker.trim()),
    connectionTimeout: Math.min(timeoutMs, 3_000),
    requestTimeout: timeoutMs,
    retry: { retries, initialRetryTime: 100 },
    logLevel: logLevel.NOTHING,
  });
}

/** Whether a Kafka broker answers a metadata request there. */
export async function isKafkaReachable(brokers: string, timeoutMs = 3_000): Promise<boolean> {
  const { host, port } = parseBroker(brokers);
  if (!(await isPortOpen(host, port, timeoutMs))) return false;
  const admin = client(brokers, timeoutMs, 0).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Proves the broker serves what our services need, not just that it listens: a metadata
 * round-trip succeeds well before the broker hands out producer ids (the first
 * InitProducerId answers COORDINATOR_LOAD_IN_PROGRESS) or has the group coordinator
 * (__consumer_offsets) loaded. So create a topic, write to it with an idempotent producer,
 * join a consumer group on it, then remove both. Throws when any step fails or takes longer
 * than timeoutMs.
 */
export async function probeServing(brokers: string, timeoutMs: number): Promise<void> {
  // Quick retries ride out the seconds in which a fresh broker creates __consumer_offsets
  // and allocates producer ids; otherwise each such answer would cost a whole probe round.
  const kafka = client(brokers, timeoutMs, 8);
  const id = `local-kafka-probe-${randomUUID()}`;
  const admin = kafka.admin();
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    // Naming the partitioner keeps kafkajs' once-per-process "default partitioner changed"
    // warning for the application's own producers instead of spending it on this silent one.
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  // A short fetch wait, because disconnect() waits for the in-flight fetch (default 5 s).
  const consumer = kafka.consumer({ groupId: id, maxWaitTimeInMs: 100 });
  // Set before asking: a create that times out client-side may still have succeeded.
  let topicRequested = false;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the probe did not finish within ${timeoutMs} ms`)), timeoutMs);
    });
    const joined = new Promise<void>((resolve, reject) => {
      consumer.on(consumer.events.GROUP_JOIN, () => resolve());
      consumer.on(consumer.events.CRASH, (event) => reject(event.payload.error));
    });
    // A crash can come before `joined` is awaited; don't let Node report it as unhandled.
    joined.catch(() => undefined);
    await Promise.race([
      (async () => {
        await admin.connect();
        topicRequested = true;
        // Not waitForLeaders: kafkajs 2.2.4 then gives up on the UNKNOWN_TOPIC_OR_PARTITION a
        // KRaft broker briefly answers for a topic it has not caught up with; the producer
        // below retries that instead.
        await admin.createTopics({ topics: [{ topic: id, numPartitions: 1 }] });
        await producer.connect();
        await producer.send({ topic: id, acks: -1, messages: [{ value: 'probe' }] });
        await consumer.connect();
        await consumer.subscribe({ topics: [id], fromBeginning: true });
        await consumer.run({ eachMessage: async () => undefined });
        await joined;
      })(),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
    await producer.disconnect().catch(() => undefined);
    await consumer.disconnect().catch(() => undefined);
    if (topicRequested) {
      await admin.deleteTopics({ topics: [id] }).catch(() => undefined);
      await admin.deleteGroups([id]).catch(() => undefined);
    }
    await admin.disconnect().catch(() => undefined);
  }
}
