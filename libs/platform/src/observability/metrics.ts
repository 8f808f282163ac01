import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The metrics PRODUCT.md (Operations) asks for, in one registry per app
 * instance (tests run several apps in one process, so nothing is global).
 */
export class PlatformMetrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by method, route and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly eventsPublished = new Counter({
    name: 'events_published_total',
    help: 'Events published by the outbox relay, by event type',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });
  readonly eventsConsumed = new Counter({
    name: 'events_consumed_total',
    help: 'Records consumed, by event type and outcome (processed, duplicate, ignored)',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly eventsFailed = new Counter({
    name: 'events_failed_total',
    help: 'Failed handler attempts, by event type',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });
  readonly eventsDeadLettered = new Counter({
    name: 'events_dead_lettered_total',
    help: 'Records sent to a dead-letter topic, by event type and reason',
    labelNames: ['type', 'reason'] as const,
    registers: [this.registry],
  });
  readonly handlerDuration = new Histogram({
    name: 'event_handler_duration_seconds',
    help: 'Duration of successful event handlers, by event type',
    labelNames: ['type'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly outboxBacklog = new Gauge({
    name: 'outbox_backlog',
    help: 'Events written but not yet published',
    registers: [this.registry],
  });
  readonly consumerLag = new Gauge({
    name: 'kafka_consumer_lag',
    help: 'Records behind the partition high watermark, per consumer group, topic and partition',
    labelNames: ['group', 'topic', 'partition'] as const,
    registers: [this.registry],
  });

  readonly mailSent = new Counter({
    name: 'mail_sent_total',
    help: 'Mails handed to the SMTP server, by template and outcome (sent, failed)',
    labelNames: ['template', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
  }
}
