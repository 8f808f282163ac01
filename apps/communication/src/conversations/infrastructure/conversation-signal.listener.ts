import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, PLATFORM_LOGGER, type PlatformConfig } from '@passerelle/platform';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { CONVERSATION_CHANNEL, type ConversationSignal, parseSignal } from './conversation-signals';

export interface SignalSubscriber {
  /** A signal committed by any replica. */
  signal(signal: ConversationSignal): void;
  /** The connection dropped: signals may have been missed until it is back. */
  reset(): void;
}

const MAX_BACKOFF_MS = 10_000;

/**
 * One dedicated connection per replica LISTENing on the conversation channel
 * (as the outbox relay listens on its own): a message committed on any
 * replica reaches the streams held by every replica. A dropped connection is
 * re-established with back-off; meanwhile `connected` is false.
 */
@Injectable()
export class ConversationSignalListener implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private client?: Client;
  private running = false;
  private failures = 0;
  private retryTimer?: NodeJS.Timeout;
  private subscriber?: SignalSubscriber;

  constructor(
    @Inject(APP_CONFIG) private readonly config: PlatformConfig,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
  ) {}

  get connected(): boolean {
    return this.client !== undefined;
  }

  subscribe(subscriber: SignalSubscriber): void {
    this.subscriber = subscriber;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.running = true;
    await this.connect();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (!this.running || this.client) return;
    const client = new Client({ connectionString: this.config.databaseUrl, connectionTimeoutMillis: 5_000 });
    client.on('notification', (message) => {
      if (message.channel !== CONVERSATION_CHANNEL) return;
      const signal = parseSignal(message.payload);
      if (signal) this.subscriber?.signal(signal);
    });
    client.on('error', (error) => this.dropped(client, error));
    client.on('end', () => this.dropped(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CONVERSATION_CHANNEL}`);
      this.client = client;
      if (this.failures > 0) this.logger.info('conversation signals: listening again');
      this.failures = 0;
    } catch (error) {
      await client.end().catch(() => undefined);
      this.retryLater(error);
    }
  }

  private dropped(client: Client, error?: Error): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.logger.warn({ err: error }, 'conversation signals: lost the listening connection; open streams are ended so clients resume');
    this.subscriber?.reset();
    void client.end().catch(() => undefined);
    this.retryLater();
  }

  private retryLater(error?: unknown): void {
    if (!this.running) return;
    this.failures += 1;
    const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(this.failures, 6));
    if (error) this.logger.warn({ err: error, attempt: this.failures, retryInMs: delay }, 'conversation signals: cannot listen yet; retrying');
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
    this.retryTimer.unref();
  }
}
