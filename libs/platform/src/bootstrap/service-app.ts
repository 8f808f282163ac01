import type { INestApplication } from '@nestjs/common';
import { json } from 'express';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import type { Logger } from 'pino';
import { ConfigError, type ConfigSchema, describeConfig, DEVELOPMENT_MODE, loadConfig, MODE_VARIABLE } from '../config/config-schema';
import { createDataSource, ensureDatabase, migrate } from '../database/data-source';
import { kafkaSecurityOf } from '../kafka/kafka-connection';
import { HttpErrorFilter } from '../http/http-error.filter';
import { requestObserver } from '../http/request-observer.middleware';
import { bodyErrorsInSharedShape, inspectParsedBody, requireDocumentedBodyTypes } from '../http/body-guard';
import { applyHttpHardening } from '../http/security-headers';
import { createValidationPipe } from '../http/validation';
import { createLogger, PinoNestLogger } from '../observability/logger';
import { PlatformMetrics } from '../observability/metrics';
import { startTracing } from '../observability/tracing';
import { PLATFORM_LOGGER } from '../platform-tokens';
import { buildApiDocument } from './api-document';
import { type ServiceConfig, type ServiceDefinition, ServiceRootModule } from './service-definition';

/**
 * Builds a service's Nest application with what every API shares: JSON logs,
 * security headers and CORS, request spans and metrics, validation, the error shape, OpenAPI at `/docs`
 * and `/docs-json`, and shutdown hooks. Tests build apps with it too, so
 * they run what production runs.
 */
export async function createServiceApp<S extends ConfigSchema>(
  definition: ServiceDefinition<S>,
  config: ServiceConfig<S>,
): Promise<INestApplication> {
  const { description } = definition;
  const app = await NestFactory.create(ServiceRootModule.build(definition, config), { bufferLogs: true, abortOnError: false, bodyParser: false });
  const logger = app.get<Logger>(PLATFORM_LOGGER);
  app.useLogger(new PinoNestLogger(logger));
  // Per-address throttling needs the client's address, not the Ingress's.
  if (config.httpTrustProxyHops > 0) app.getHttpAdapter().getInstance().set('trust proxy', config.httpTrustProxyHops);
  applyHttpHardening(app, config);
  const document = buildApiDocument(app, description);
  app.use(requestObserver(description.service, app.get(PlatformMetrics), logger));
  // Any JSON value is parsed (not only objects and arrays), so that a scalar
  // body is refused by validation like an array, naming the body.
  app.use(requireDocumentedBodyTypes(document), json({ limit: '1mb', strict: false }), bodyErrorsInSharedShape, inspectParsedBody);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter(logger));
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}

/**
 * The body of every `main.ts`: configuration first (one line per problem,
 * then exit 1), tracing second, then the app. `main.js migrate` instead
 * applies pending migrations and exits (a deployment's migration Job).
 */
export async function runService<S extends ConfigSchema>(definition: ServiceDefinition<S>): Promise<void> {
  const { service } = definition.description;
  let config: ServiceConfig<S>;
  try {
    config = loadConfig(definition.configSchema) as ServiceConfig<S>;
    // Settings that depend on each other are checked here too, so they fail like any other.
    kafkaSecurityOf(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${service}: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  if (process.argv[2] === 'migrate') {
    await runMigrations(definition, config);
    return;
  }
  startTracing({ serviceName: service, otlpEndpoint: config.otlpEndpoint });
  const app = await createServiceApp(definition, config);
  await app.listen(config.port);
  const logger = app.get<Logger>(PLATFORM_LOGGER);
  logger.info({ config: describeConfig(definition.configSchema, config), url: `http://127.0.0.1:${config.port}` }, 'listening');
  // Visible in any log pipeline, in case a deployment turned it on by mistake.
  if (config.mode === DEVELOPMENT_MODE) logger.warn(`development mode (${MODE_VARIABLE}=${DEVELOPMENT_MODE}): public development secrets are accepted`);
}

async function runMigrations<S extends ConfigSchema>(definition: ServiceDefinition<S>, config: ServiceConfig<S>): Promise<void> {
  const logger = createLogger(definition.description.service, config.logLevel);
  await ensureDatabase(config.databaseUrl);
  const dataSource = createDataSource({
    url: config.databaseUrl,
    poolSize: 2,
    entities: definition.entities,
    migrations: definition.migrations,
  });
  await dataSource.initialize();
  try {
    const applied = await migrate(dataSource);
    logger.info({ applied }, applied.length > 0 ? 'migrations applied' : 'database schema is up to date');
  } finally {
    await dataSource.destroy();
  }
}
