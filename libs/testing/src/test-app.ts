import type { INestApplication } from '@nestjs/common';
import { createServiceApp, type ServiceConfig, type ServiceDefinition } from '@passerelle/platform/bootstrap';
import { type ConfigSchema, DEVELOPMENT_MODE, loadConfig, MODE_VARIABLE } from '@passerelle/platform/config';
import { startTracing } from '@passerelle/platform/observability';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { DataSource as DataSourceToken } from 'typeorm';
import { expectEventually } from './expect-eventually';
import { testDatabaseUrl } from './test-database';

export interface TestApp {
  readonly app: INestApplication;
  readonly http: ReturnType<typeof request>;
  readonly url: string;
  readonly dataSource: DataSource;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Environment overrides on top of the test defaults. */
  readonly env?: Record<string, string>;
  /** Wait until /health/ready answers 200 (consumer joined, database up). */
  readonly waitUntilReady?: boolean;
}

/** Every span the apps of this test process finished, for trace assertions. */
export const testSpans = new InMemorySpanExporter();

/**
 * Builds and starts a real service app as production does (same bootstrap),
 * on an ephemeral port, against its test database and the real Kafka.
 */
export async function createTestApp<S extends ConfigSchema>(
  definition: ServiceDefinition<S>,
  options: TestAppOptions = {},
): Promise<TestApp> {
  const service = definition.description.service;
  startTracing({ serviceName: 'passerelle-tests', exporter: testSpans });
  const config = loadConfig(definition.configSchema, {
    // Tests use the public development secrets; a test of production mode sets it in `env`.
    [MODE_VARIABLE]: DEVELOPMENT_MODE,
    ...process.env,
    DATABASE_URL: testDatabaseUrl(service),
    PORT: '3000',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'warn',
    CONSUMER_RETRY_BASE_MS: '50',
    OUTBOX_POLL_INTERVAL_MS: '200',
    ...options.env,
  }) as ServiceConfig<S>;
  const app = await createServiceApp(definition, config);
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  const http = request(app.getHttpServer());
  if (options.waitUntilReady ?? true) {
    await expectEventually(
      async () => {
        const response = await http.get('/health/ready');
        if (response.status !== 200) throw new Error(`${service} not ready: ${JSON.stringify(response.body)}`);
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
  }
  return { app, http, url, dataSource: app.get(DataSourceToken), close: () => app.close() };
}
