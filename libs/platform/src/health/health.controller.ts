import { Controller, Get, HttpStatus, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import type { Response } from 'express';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { HealthCheck, type HealthCheckResult, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { EventConsumerHost } from '../inbox/event-consumer.host';
import { redactText } from '../observability/redaction';
import { OutboxRelay } from '../outbox/outbox-relay';
import { APP_CONFIG, type PlatformConfig } from '../platform-tokens';

const DATABASE_TIMEOUT_MS = 2_000;

/**
 * Liveness says only that the process answers (a Kafka or database outage
 * must not get pods restarted); readiness says whether this pod should get
 * traffic: database reachable, consumer joined, outbox keeping up.
 */
/** Probes and scrapers carry no token. */
@Public()
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    private readonly consumer: EventConsumerHost,
    private readonly relay: OutboxRelay,
    @Inject(APP_CONFIG) private readonly config: PlatformConfig,
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** 200 or 503, with every check's status and details either way (ops read them). */
  @Get('ready')
  @HealthCheck()
  async ready(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.database(), () => this.kafkaConsumer(), () => this.outbox()]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return error.getResponse() as HealthCheckResult;
    }
  }

  private async database() {
    const indicator = this.indicators.check('database');
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), DATABASE_TIMEOUT_MS);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: redactText(error instanceof Error ? error.message : String(error)) });
    }
  }

  private kafkaConsumer() {
    const indicator = this.indicators.check('kafka');
    const status = this.consumer.status;
    return this.consumer.healthy ? indicator.up({ ...status }) : indicator.down({ ...status });
  }

  private async outbox() {
    const indicator = this.indicators.check('outbox');
    try {
      const backlog = await withTimeout(this.relay.backlog(), DATABASE_TIMEOUT_MS);
      const details = { backlog, threshold: this.config.outboxReadyBacklog };
      return backlog <= this.config.outboxReadyBacklog ? indicator.up(details) : indicator.down(details);
    } catch (error) {
      return indicator.down({ message: redactText(error instanceof Error ? error.message : String(error)) });
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
