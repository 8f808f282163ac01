import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import type { Logger } from 'pino';
import { hostname } from 'os';
import { DataSource } from 'typeorm';
import { ACCESS_TOKEN_KEYS, type AccessTokenKeysProvider, remoteAccessTokenKeys } from './auth/access-token-keys';
import { AccessRevokedHandler } from './auth/access-revoked.handler';
import { AccessTokenGuard } from './auth/access-token.guard';
import { TokenRevocations } from './auth/token-revocations';
import { createDataSource, type DatabaseOptions, ensureDatabase, migrate } from './database/data-source';
import { HealthController } from './health/health.controller';
import { MetricsController } from './health/metrics.controller';
import { EventConsumerHost } from './inbox/event-consumer.host';
import { KafkaConnection, kafkaSecurityOf } from './kafka/kafka-connection';
import { Mailer } from './mail/mailer';
import { createLogger } from './observability/logger';
import { PlatformMetrics } from './observability/metrics';
import { OutboxRelay } from './outbox/outbox-relay';
import { OutboxWriter } from './outbox/outbox-writer';
import { PlatformLifecycle } from './platform.lifecycle';
import { APP_CONFIG, PLATFORM_LOGGER, PLATFORM_OPTIONS, type PlatformConfig } from './platform-tokens';

export interface PlatformModuleOptions<C extends PlatformConfig> {
  readonly service: string;
  readonly config: C;
  readonly entities: DatabaseOptions['entities'];
  readonly migrations: DatabaseOptions['migrations'];
  /** Replaces identity's JWKS over HTTP as the source of verification keys (identity itself). */
  readonly accessTokenKeys?: AccessTokenKeysProvider;
}

/**
 * Everything a service gets from the platform: database, outbox, event
 * consumer, mail, health, metrics, logging, token revocations and the shutdown
 * sequence. Global, so feature modules inject `DataSource`, `OutboxWriter`,
 * `Mailer`, `TokenRevocations` and `APP_CONFIG`.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot<C extends PlatformConfig>(options: PlatformModuleOptions<C>): DynamicModule {
    const { service, config } = options;
    return {
      module: PlatformModule,
      imports: [DiscoveryModule, TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: PLATFORM_OPTIONS, useValue: { service } },
        { provide: PLATFORM_LOGGER, useValue: createLogger(service, config.logLevel) },
        { provide: PlatformMetrics, useValue: new PlatformMetrics(service) },
        {
          provide: DataSource,
          useFactory: async (): Promise<DataSource> => {
            if (config.databaseMigrateOnStart) await ensureDatabase(config.databaseUrl);
            const dataSource = createDataSource({
              url: config.databaseUrl,
              poolSize: config.databasePoolSize,
              entities: options.entities,
              migrations: options.migrations,
            });
            await dataSource.initialize();
            if (config.databaseMigrateOnStart) await migrate(dataSource);
            return dataSource;
          },
        },
        {
          provide: KafkaConnection,
          inject: [PLATFORM_LOGGER],
          useFactory: (logger: Logger) =>
            new KafkaConnection(`passerelle-${service}-${hostname()}`, config.kafkaBrokers, logger, kafkaSecurityOf(config)),
        },
        OutboxWriter,
        {
          provide: Mailer,
          inject: [PlatformMetrics, PLATFORM_LOGGER],
          useFactory: (metrics: PlatformMetrics, logger: Logger) =>
            new Mailer({ smtpUrl: config.smtpUrl, from: config.mailFrom }, metrics, logger),
        },
        {
          provide: OutboxRelay,
          inject: [KafkaConnection, PlatformMetrics, PLATFORM_LOGGER],
          useFactory: (kafka: KafkaConnection, metrics: PlatformMetrics, logger: Logger) =>
            new OutboxRelay(
              {
                service,
                databaseUrl: config.databaseUrl,
                batchSize: config.outboxBatchSize,
                pollIntervalMs: config.outboxPollIntervalMs,
              },
              kafka,
              metrics,
              logger,
            ),
        },
        EventConsumerHost,
        PlatformLifecycle,
        options.accessTokenKeys
          ? { provide: ACCESS_TOKEN_KEYS, ...options.accessTokenKeys }
          : { provide: ACCESS_TOKEN_KEYS, useFactory: () => remoteAccessTokenKeys(config.authJwksUrl) },
        TokenRevocations,
        // Identity records its revocations in the transaction that makes them; the others learn them by event.
        ...(options.accessTokenKeys ? [] : [AccessRevokedHandler]),
        { provide: APP_GUARD, useClass: AccessTokenGuard },
      ],
      exports: [APP_CONFIG, PLATFORM_LOGGER, PlatformMetrics, DataSource, OutboxWriter, KafkaConnection, Mailer, TokenRevocations],
    };
  }
}
