/**
 * The topic step of a deployment without an operator (docker-compose.yml
 * `topics`): `node dist/tools/dev/create-topics.js` creates every topic of the
 * event catalogue and its dead-letter topic at KAFKA_BROKERS, then exits 0;
 * on failure it prints why and exits 1, so the services that wait for it do
 * not start against a broker without their topics.
 */
import { ensureCatalogueTopics } from './catalogue-topics';

const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';

ensureCatalogueTopics(brokers, (line) => console.log(line)).then(
  () => {
    console.log('kafka: the catalogue topics exist');
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(`hint: is a Kafka broker reachable at ${brokers}? Set KAFKA_BROKERS to its bootstrap servers (comma-separated).`);
    process.exit(1);
  },
);
