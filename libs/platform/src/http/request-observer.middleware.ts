import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { PlatformMetrics } from '../observability/metrics';
import { tracer } from '../observability/tracing';

/**
 * One server span, one metric sample and one access-log line per request.
 * The span continues an incoming `traceparent`, and everything the request
 * does (outbox rows included) runs inside it, which is how a trace follows a
 * request into Kafka and the consumers it wakes.
 */
export function requestObserver(service: string, metrics: PlatformMetrics, logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const parent = propagation.extract(context.active(), req.headers);
    const span = tracer(service).startSpan(
      `${req.method} ${req.path}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'url.path': req.path } },
      parent,
    );
    const startedAt = process.hrtime.bigint();
    res.on('finish', () => {
      // The matched route template keeps label cardinality bounded (ids stay out).
      const route = req.route ? `${req.baseUrl}${req.route.path as string}` : 'unmatched';
      const labels = { method: req.method, route, status: String(res.statusCode) };
      const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, seconds);
      span.setAttribute('http.response.status_code', res.statusCode);
      span.setAttribute('http.route', route);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.updateName(`${req.method} ${route}`);
      context.with(trace.setSpan(context.active(), span), () =>
        logger.info({ method: req.method, route, status: res.statusCode, durationMs: Math.round(seconds * 1000) }, 'request'),
      );
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}
