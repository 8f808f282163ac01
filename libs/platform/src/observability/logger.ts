import type { LoggerService } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import pino, { type Logger } from 'pino';
import { redactText, serializeError } from './redaction';

/**
 * Structured JSON logs with the active trace and span ids, so a log line
 * leads to its trace. Callers log ids, never personal data: no e-mail, name
 * or message text goes into a log field. Errors, which carry what they failed
 * on, are logged under `err` and pass through serializeError (redaction.ts).
 */
export function createLogger(service: string, level: string): Logger {
  // Synchronous writes: the last lines of a shutdown (Nest re-raises SIGTERM
  // right after its hooks) must not be lost in a buffer.
  const destination = pino.destination({ dest: 1, sync: true });
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: serializeError },
    mixin() {
      const span = trace.getActiveSpan()?.spanContext();
      return span ? { trace_id: span.traceId, span_id: span.spanId } : {};
    },
  }, destination);
}

/** Nest's logger interface over pino, so framework messages share the format. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.logger.info(this.fields(rest), String(message));
  }
  error(message: unknown, ...rest: unknown[]): void {
    const [stack, ...others] = rest;
    // Nest passes an error's message and stack as text: scrubbed like any serialized error.
    this.logger.error({ ...this.fields(others), stack: typeof stack === 'string' ? redactText(stack) : undefined }, redactText(String(message)));
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.logger.warn(this.fields(rest), String(message));
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.logger.debug(this.fields(rest), String(message));
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.logger.trace(this.fields(rest), String(message));
  }

  private fields(rest: unknown[]): Record<string, unknown> {
    const nestContext = rest.at(-1);
    return typeof nestContext === 'string' ? { context: nestContext } : {};
  }
}
