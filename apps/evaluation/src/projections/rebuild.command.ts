import { ConfigError, loadConfig } from '@passerelle/platform/config';
import { createDataSource } from '@passerelle/platform/database';
import { KafkaConnection, kafkaSecurityOf } from '@passerelle/platform/kafka';
import { createLogger } from '@passerelle/platform/observability';
import { hostname } from 'os';
import { evaluationConfigSchema } from '../config';
import { ProjectionRebuilder, RebuildInProgress } from './infrastructure/projection-rebuilder';

/**
 * The operator command (issue 7, item 6): `node dist/apps/evaluation/src/main.js rebuild`
 * with the service's environment. Replays the topics into a new generation
 * and swaps it in while the running replicas keep serving the live one;
 * exits 0 once swapped, 1 on failure, 2 if a rebuild is already running.
 */
export async function runRebuildCommand(): Promise<number> {
  let config;
  try {
    config = loadConfig(evaluationConfigSchema);
    kafkaSecurityOf(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`evaluation rebuild: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const logger = createLogger('evaluation', config.logLevel);
  // Migrations belong to the service (or its migration Job): the command only needs the tables to exist.
  const dataSource = createDataSource({ url: config.databaseUrl, poolSize: 2, entities: [], migrations: [] });
  await dataSource.initialize();
  const kafka = new KafkaConnection(`passerelle-evaluation-rebuild-${hostname()}`, config.kafkaBrokers, logger, kafkaSecurityOf(config));
  try {
    const rebuilder = new ProjectionRebuilder(dataSource, kafka, logger);
    const started = await rebuilder.begin(null);
    process.stdout.write(`evaluation rebuild: filling generation ${started.generation} from the event log…\n`);
    const done = await rebuilder.run(started.generation);
    process.stdout.write(`evaluation rebuild: generation ${done.generation} is ${done.state} (${done.eventsReplayed} events replayed)${done.error ? `: ${done.error}` : ''}\n`);
    return done.state === 'live' ? 0 : 1;
  } catch (error) {
    if (error instanceof RebuildInProgress) {
      process.stderr.write(`evaluation rebuild: ${error.message}; not starting another\n`);
      return 2;
    }
    throw error;
  } finally {
    await kafka.disconnect();
    await dataSource.destroy();
  }
}
