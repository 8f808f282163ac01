import { deadLetterTopic, TOPICS } from '@passerelle/contracts';
import { KafkaConnection } from '@passerelle/platform/kafka';
import { createLogger } from '@passerelle/platform/observability';

const ATTEMPTS = 5;

/**
 * Creates every topic of the event catalogue and its dead-letter topic, as a
 * deployment's topic step does (Strimzi KafkaTopic resources in Kubernetes),
 * so probes and services can subscribe before the first event is written.
 */
export async function ensureCatalogueTopics(brokers: string, log: (line: string) => void): Promise<void> {
  const kafka = new KafkaConnection('passerelle-topics', brokers.split(','), createLogger('topics', 'error'));
  const topics = TOPICS.flatMap((topic) => [
    { name: topic.name, partitions: topic.partitions },
    { name: deadLetterTopic(topic.name), partitions: topic.partitions },
  ]);
  log(`kafka: making sure the ${topics.length} topics of the event catalogue exist…`);
  for (let attempt = 1; ; attempt++) {
    try {
      await kafka.ensureTopics(topics);
      return;
    } catch (error) {
      // A broker that has just started may not know a topic it has just created yet.
      if (attempt === ATTEMPTS) throw new Error(`kafka: could not create the catalogue topics on ${brokers}: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}
