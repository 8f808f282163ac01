import { type DynamicModule, type INestApplication, PayloadTooLargeException } from '@nestjs/common';
import { json, type NextFunction, type Request, type Response } from 'express';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Logger } from 'pino';
import { ConfigError, type ConfigOf, type ConfigSchema, describeConfig, loadConfig } from '../config/config-schema';
import { HttpErrorFilter } from '../http/http-error.filter';
import { requestObserver } from '../http/request-observer.middleware';
import { createValidationPipe, invalidField } from '../http/validation';
import { PinoNestLogger } from '../observability/logger';
import { PlatformMetrics } from '../observability/metrics';
import { startTracing } from '../observability/tracing';
import { PLATFORM_LOGGER, type PlatformConfig } from '../platform-tokens';

export interface ServiceDescription {
  readonly service: string;
  readonly title: string;
  readonly description: string;
}

/**
 * Builds a service's Nest application with what every API shares: JSON logs,
 * request spans and metrics, validation, the error shape, OpenAPI at `/docs`
 * and `/docs-json`, and shutdown hooks. Tests build apps with it too, so
 * they run what production runs.
 */
export async function createServiceApp(
  description: ServiceDescription,
  module: DynamicModule,
): Promise<INestApplication> {
  const app = await NestFactory.create(module, { bufferLogs: true, abortOnError: false, bodyParser: false });
  const logger = app.get<Logger>(PLATFORM_LOGGER);
  app.useLogger(new PinoNestLogger(logger));
  app.use(requestObserver(description.service, app.get(PlatformMetrics), logger));
  app.use(json({ limit: '1mb' }), bodyErrorsInSharedShape);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter(logger));
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(description.title)
      .setDescription(description.description)
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}

/** Malformed or oversized bodies become errors in the shared shape, naming the body. */
function bodyErrorsInSharedShape(error: unknown, _req: Request, _res: Response, next: NextFunction): void {
  const type = (error as { type?: unknown })?.type;
  if (type === 'entity.parse.failed') return next(invalidField('body', 'is not valid JSON'));
  if (type === 'entity.too.large') {
    return next(new PayloadTooLargeException({ message: 'The request body is too large.', details: [{ path: 'body', issue: 'exceeds 1 MB' }] }));
  }
  next(error);
}

/**
 * The body of every `main.ts`: configuration first (one line per problem,
 * then exit 1), tracing second, then the app. Returns once it listens.
 */
export async function runService<S extends ConfigSchema>(
  description: ServiceDescription,
  schema: S,
  buildModule: (config: ConfigOf<S> & PlatformConfig) => DynamicModule,
): Promise<void> {
  let config: ConfigOf<S> & PlatformConfig;
  try {
    config = loadConfig(schema) as ConfigOf<S> & PlatformConfig;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${description.service}: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  startTracing({ serviceName: description.service, otlpEndpoint: config.otlpEndpoint });
  const app = await createServiceApp(description, buildModule(config));
  await app.listen(config.port);
  app
    .get<Logger>(PLATFORM_LOGGER)
    .info({ config: describeConfig(schema, config), url: `http://127.0.0.1:${config.port}` }, 'listening');
}
