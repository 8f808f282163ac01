import { deadLetterTopic, TOPICS } from '@passerelle/contracts';
import { Kafka, logLevel } from 'kafkajs';

/**
 * Creates every topic of the event catalogue and its dead-letter topic, as a
 * deployment's topic step does (Strimzi KafkaTopic resources in Kubernetes),
 * so probes and services can subscribe before the first event is written.
 */
export async function ensureCatalogueTopics(brokers: string, log: (line: string) => void): Promise<void> {
  const kafka = new Kafka({ clientId: 'passerelle-topics', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = TOPICS.flatMap((topic) => [
      { topic: topic.name, numPartitions: topic.partitions },
      { topic: deadLetterTopic(topic.name), numPartitions: topic.partitions },
    ]);
    const missing = wanted.filter((topic) => !existing.has(topic.topic));
    if (missing.length > 0) {
      log(`kafka: creating ${missing.length} topics of the event catalogue…`);
      await admin.createTopics({ topics: missing, waitForLeaders: true });
    }
  } finally {
    await admin.disconnect();
  }
}
