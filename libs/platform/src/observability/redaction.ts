/**
 * What an error may carry into a log line, a span or a dead-letter header.
 * Errors come from code we do not own (TypeORM, pg, kafkajs, nodemailer) and
 * hold the data they failed on: a query's parameters, PostgreSQL's `detail`
 * ("Key (email)=(ada@example.org) already exists"), a token in a message.
 * Logs must hold no personal data (docs/operations.md, Logs), so errors are
 * rebuilt from the fields that help an operator, and every text left is
 * scrubbed of addresses and tokens.
 */

const EMAIL = /[^\s@"'<>()[\]{},;:=]+@[^\s@"'<>()[\]{},;:=]+\.[^\s@"'<>()[\]{},;:=]+/g;
/** A JWT (access tokens, identity's signed documents): three base64url parts, the first two starting with `{"`. */
const JWT = /\beyJ[\w-]*\.eyJ[\w-]*\.[\w-]*/g;
const BEARER = /\b(Bearer|Basic)\s+[^\s"',;]+/gi;
/** Opaque secrets (refresh and one-time tokens, client secrets: 32 random bytes in base64url) and hex digests of them. */
const OPAQUE_TOKEN = /(?<![\w-])[A-Za-z0-9_-]{32,}(?![\w-])/g;
/** Ids are not secrets, and an operator follows them to the record. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function redactText(text: string): string {
  return text
    .replace(JWT, '[jwt]')
    .replace(BEARER, '$1 [redacted]')
    .replace(EMAIL, '[email]')
    .replace(OPAQUE_TOKEN, (match) => (UUID.test(match) ? match : '[token]'));
}

/**
 * Fields that hold the values an operation failed on: TypeORM's `parameters`,
 * PostgreSQL's `detail`, `where` (the statement's context, values included),
 * `hint` and `internalQuery`, and the payloads some clients attach.
 */
const WITHHELD = new Set(['parameters', 'detail', 'where', 'hint', 'internalQuery', 'data', 'body', 'payload', 'params', 'headers', 'config', 'request', 'response']);
/** Errors nest (`driverError`, `cause`, AggregateError's `errors`); a cycle or a deep chain stops here. */
const MAX_DEPTH = 3;

export interface SerializedError {
  readonly type: string;
  readonly message: string;
  readonly stack?: string;
  readonly [field: string]: unknown;
}

/** The error as it may be logged: its type, scrubbed message and stack, and its scalar fields minus the withheld ones. */
export function serializeError(error: unknown, depth = 0): SerializedError | string {
  if (!(error instanceof Error)) {
    return typeof error === 'object' && error !== null ? { type: 'Object', message: '[non-error value]' } : redactText(String(error));
  }
  const serialized: Record<string, unknown> = {
    type: error.constructor?.name ?? error.name,
    message: redactText(error.message),
    ...(error.stack ? { stack: redactText(error.stack) } : {}),
  };
  for (const [key, value] of Object.entries(error)) {
    if (key === 'message' || key === 'stack') continue;
    if (WITHHELD.has(key)) {
      serialized[key] = '[redacted]';
    } else if (typeof value === 'string') {
      serialized[key] = redactText(value);
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      serialized[key] = value;
    } else if (value instanceof Error) {
      serialized[key] = depth < MAX_DEPTH ? serializeError(value, depth + 1) : { type: value.name, message: '[nested too deep]' };
    } else if (Array.isArray(value) && value.every((item) => item instanceof Error) && depth < MAX_DEPTH) {
      serialized[key] = value.map((item) => serializeError(item, depth + 1));
    }
  }
  const cause = (error as { cause?: unknown }).cause;
  if (cause !== undefined && serialized['cause'] === undefined) {
    serialized['cause'] = depth < MAX_DEPTH ? serializeError(cause, depth + 1) : '[nested too deep]';
  }
  return serialized as SerializedError;
}

/** One line for a span status, a health detail or a dead-letter header. */
export function describeError(error: unknown): string {
  return redactText(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
}
