import { context, propagation, trace, type Context, type Span } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  type SpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

export interface TracingOptions {
  /** Resource name of the process; several services in one test process share one provider. */
  readonly serviceName: string;
  /** OTLP/HTTP base URL; empty or absent means spans are created (for log correlation) but not exported. */
  readonly otlpEndpoint?: string;
  /** Extra exporter, e.g. an in-memory one in tests. */
  readonly exporter?: SpanExporter;
}

let provider: NodeTracerProvider | undefined;

/**
 * Starts tracing once per process. It must run before the app is built
 * (ARCHITECTURE.md rule 7: tracing first) so that every span has a provider;
 * registering also installs the W3C trace-context propagator and the
 * AsyncLocalStorage context manager the rest of the platform relies on.
 */
export function startTracing(options: TracingOptions): void {
  if (provider) return;
  const spanProcessors = [];
  if (options.otlpEndpoint) {
    const url = `${options.otlpEndpoint.replace(/\/$/, '')}/v1/traces`;
    spanProcessors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url })));
  }
  if (options.exporter) spanProcessors.push(new SimpleSpanProcessor(options.exporter));
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }),
    spanProcessors,
  });
  provider.register();
}

/** Flushes and stops the exporter: the last step of a graceful shutdown. */
export async function stopTracing(): Promise<void> {
  const current = provider;
  provider = undefined;
  await current?.shutdown();
}

export function tracer(service: string) {
  return trace.getTracer(`passerelle.${service}`);
}

/** The W3C `traceparent` of the active span, if any, to store with an outbox row. */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'];
}

/** The context a stored or received `traceparent` describes. */
export function contextFromTraceparent(traceparent: string | undefined): Context {
  if (!traceparent) return context.active();
  return propagation.extract(context.active(), { traceparent });
}

export function traceparentOf(span: Span): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(context.active(), span), carrier);
  return carrier['traceparent'];
}

