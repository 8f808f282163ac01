import { Inject, Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { EventDefinition } from '@passerelle/contracts';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { KafkaConnection } from '../kafka/kafka-connection';
import { PlatformMetrics } from '../observability/metrics';
import { APP_CONFIG, consumerGroupOf, PLATFORM_LOGGER, PLATFORM_OPTIONS, type PlatformConfig } from '../platform-tokens';
import { EventConsumer, type RegisteredHandler } from './event-consumer';
import { type EventHandler, HANDLES_EVENT } from './event-handler';

export interface PlatformServiceOptions {
  readonly service: string;
}

/** Finds the app's `@HandlesEvent` providers and runs one consumer for them. */
@Injectable()
export class EventConsumerHost {
  private consumer?: EventConsumer;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly dataSource: DataSource,
    private readonly kafka: KafkaConnection,
    private readonly metrics: PlatformMetrics,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformServiceOptions,
    @Inject(APP_CONFIG) private readonly config: PlatformConfig,
  ) {}

  /** Topics this service consumes. */
  get topics(): string[] {
    return this.instance().topics;
  }

  get status() {
    return this.instance().status;
  }

  get healthy(): boolean {
    return this.instance().healthy;
  }

  start(): void {
    this.instance().start();
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
  }

  private instance(): EventConsumer {
    if (!this.consumer) {
      this.consumer = new EventConsumer(
        {
          service: this.options.service,
          groupId: consumerGroupOf(this.options.service),
          maxAttempts: this.config.consumerMaxAttempts,
          retryBaseMs: this.config.consumerRetryBaseMs,
          commitIntervalMs: this.config.consumerCommitIntervalMs,
          partitionsConcurrently: 3,
          maxRecordsPerTransaction: 100,
        },
        this.discoverHandlers(),
        this.dataSource,
        this.kafka,
        this.metrics,
        this.logger,
      );
    }
    return this.consumer;
  }

  private discoverHandlers(): RegisteredHandler[] {
    return this.discovery.getProviders().flatMap((wrapper) => {
      const { metatype, instance } = wrapper;
      if (!metatype || !instance) return [];
      const definition = Reflect.getMetadata(HANDLES_EVENT, metatype) as EventDefinition<unknown> | undefined;
      return definition ? [{ definition, handler: instance as EventHandler<unknown> }] : [];
    });
  }
}
