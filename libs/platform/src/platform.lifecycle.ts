import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { deadLetterTopic, TOPICS } from '@passerelle/contracts';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { EventConsumerHost, type PlatformServiceOptions } from './inbox/event-consumer.host';
import { KafkaConnection } from './kafka/kafka-connection';
import { stopTracing } from './observability/tracing';
import { OutboxRelay } from './outbox/outbox-relay';
import { APP_CONFIG, PLATFORM_LOGGER, PLATFORM_OPTIONS, type PlatformConfig } from './platform-tokens';

/**
 * Starts the event machinery once the app is initialised, and stops
 * everything in the order PRODUCT.md (Operations) gives on SIGTERM: stop
 * taking requests, finish in-flight handlers and commit their offsets, flush
 * the outbox relay, close Kafka and the database, flush telemetry.
 */
@Injectable()
export class PlatformLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private topicsReady?: Promise<void>;
  private stopping = false;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly dataSource: DataSource,
    private readonly kafka: KafkaConnection,
    private readonly relay: OutboxRelay,
    private readonly consumer: EventConsumerHost,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformServiceOptions,
    @Inject(APP_CONFIG) private readonly config: PlatformConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.relay.start();
    this.topicsReady = this.prepareTopics().then(() => {
      if (!this.stopping) this.consumer.start();
    });
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.stopping = true;
    const started = Date.now();
    this.logger.info({ signal }, 'shutting down');
    await this.closeHttpServer();
    await this.topicsReady;
    await this.consumer.stop();
    const remaining = Math.max(1_000, this.config.shutdownTimeoutMs - (Date.now() - started));
    await this.relay.stop(remaining);
    await this.kafka.disconnect();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    this.logger.info('stopped');
    await stopTracing();
  }

  /** Topics this service writes or reads, and the dead-letter topics of those it reads. */
  private topicSpecs() {
    const consumed = new Set(this.consumer.topics);
    const specs = TOPICS.filter((topic) => topic.service === this.options.service || consumed.has(topic.name));
    return [
      ...specs.map((topic) => ({ name: topic.name, partitions: topic.partitions })),
      ...specs
        .filter((topic) => consumed.has(topic.name))
        .map((topic) => ({ name: deadLetterTopic(topic.name), partitions: topic.partitions })),
    ];
  }

  private async prepareTopics(): Promise<void> {
    if (!this.config.kafkaCreateTopics) return;
    for (let attempt = 1; !this.stopping; attempt++) {
      try {
        await this.kafka.ensureTopics(this.topicSpecs());
        return;
      } catch (error) {
        this.logger.warn({ err: error, attempt }, 'could not create Kafka topics yet; retrying');
        await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * 2 ** Math.min(attempt, 5))));
      }
    }
  }

  /** Refuses new connections; requests already in progress finish. */
  private async closeHttpServer(): Promise<void> {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as import('http').Server | undefined;
    if (!server?.listening) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  }
}
