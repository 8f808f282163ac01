import { validate as isUuid, v7 as uuidv7, version as uuidVersion } from 'uuid';
import { findDefinition } from './catalogue';
import type { EventDefinition } from './event-definition';
import { validateEventData, type ValidationIssue } from './validation';

/** A CloudEvents 1.0 event of the catalogue, transport-neutral (what the outbox stores and the relay publishes). */
export interface EventEnvelope<T = unknown> {
  /** UUIDv7: unique, and time-ordered so outbox and inbox indexes stay compact. */
  readonly id: string;
  /** `/passerelle/<service>`. */
  readonly source: string;
  readonly type: string;
  /** RFC 3339 instant. */
  readonly time: string;
  /** The aggregate id: `data[definition.subjectField]`. Also the Kafka record key. */
  readonly subject: string;
  /** The tenant (`networkid` extension attribute); equals `data.networkId`. */
  readonly networkId: string;
  readonly dataschema: string;
  /** W3C trace context of the request that caused the event. */
  readonly traceparent?: string;
  readonly data: T;
}

export interface KafkaMessage {
  readonly key: string;
  readonly value: string;
  readonly headers: Record<string, string>;
}

export type KafkaHeaderValue = Buffer | string | (Buffer | string)[] | undefined;

/** What a Kafka client hands a consumer (kafkajs' `KafkaMessage` fits it). */
export interface IncomingKafkaMessage {
  readonly key: Buffer | string | null;
  readonly value: Buffer | string | null;
  readonly headers?: Record<string, KafkaHeaderValue>;
}

/**
 * Why a record cannot be handled. `unknown_type` is apart from the rest: a
 * consumer may skip types it does not know (a newer version, a type it does
 * not subscribe to) instead of dead-lettering them.
 */
export type ParseFailureReason = 'missing_header' | 'invalid_header' | 'bad_json' | 'unknown_type' | 'schema';

export type ParsedEvent =
  | { readonly ok: true; readonly envelope: EventEnvelope; readonly definition: EventDefinition }
  | {
      readonly ok: false;
      readonly reason: ParseFailureReason;
      readonly errors: ValidationIssue[];
      /** `ce_type` and `ce_id` when present, for logs and dead-letter headers. */
      readonly type?: string;
      readonly id?: string;
    };

export class InvalidEventError extends Error {
  constructor(
    readonly type: string,
    readonly errors: ValidationIssue[],
  ) {
    super(`${type}: invalid event: ${errors.map((e) => `${e.path} ${e.issue}`).join('; ')}`);
    this.name = 'InvalidEventError';
  }
}

export const SPEC_VERSION = '1.0';
export const CONTENT_TYPE = 'application/json';

/** Kafka protocol binding, binary content mode: one `ce_` header per attribute. */
export const CE_HEADERS = {
  specversion: 'ce_specversion',
  id: 'ce_id',
  source: 'ce_source',
  type: 'ce_type',
  time: 'ce_time',
  subject: 'ce_subject',
  networkId: 'ce_networkid',
  dataschema: 'ce_dataschema',
  contentType: 'content-type',
  traceparent: 'traceparent',
} as const;

/** Every header but `traceparent`, which a producer without a trace context omits. */
export const REQUIRED_HEADERS = [
  CE_HEADERS.specversion,
  CE_HEADERS.id,
  CE_HEADERS.source,
  CE_HEADERS.type,
  CE_HEADERS.time,
  CE_HEADERS.subject,
  CE_HEADERS.networkId,
  CE_HEADERS.dataschema,
  CE_HEADERS.contentType,
] as const;

const TRACEPARENT = /^(?!ff)[0-9a-f]{2}-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$/;
// RFC 3339 section 5.6 date-time (the `T`/`Z` may be lower case).
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

// Lower case only, like the data ids: see the uuid format in validation.ts.
const isUuidV7 = (id: string): boolean => /^[0-9a-f-]{36}$/.test(id) && isUuid(id) && uuidVersion(id) === 7;

export const sourceOf = (definition: EventDefinition): string => `/passerelle/${definition.service}`;

/**
 * Wraps valid data in an envelope. Throws `InvalidEventError` when the data
 * fails its schema: PRODUCT.md, "Producers never emit an event that fails its schema".
 */
export function createEnvelope<T>(
  definition: EventDefinition<T>,
  data: T,
  options: { id?: string; time?: Date; traceparent?: string } = {},
): EventEnvelope<T> {
  const checked = validateEventData(definition, data);
  if (!checked.valid) throw new InvalidEventError(definition.type, checked.errors);
  const problems: ValidationIssue[] = [];
  if (options.id !== undefined && !isUuidV7(options.id)) problems.push({ path: 'options.id', issue: 'must be a UUIDv7' });
  if (options.time !== undefined && Number.isNaN(options.time.getTime())) {
    problems.push({ path: 'options.time', issue: 'must be a valid date' });
  }
  if (options.traceparent !== undefined && !TRACEPARENT.test(options.traceparent)) {
    problems.push({ path: 'options.traceparent', issue: 'must be a W3C traceparent' });
  }
  if (problems.length > 0) throw new InvalidEventError(definition.type, problems);

  const fields = data as Record<string, unknown>;
  return {
    id: options.id ?? uuidv7(),
    source: sourceOf(definition),
    type: definition.type,
    time: (options.time ?? new Date()).toISOString(),
    subject: fields[definition.subjectField] as string,
    networkId: fields.networkId as string,
    dataschema: definition.dataschema,
    ...(options.traceparent !== undefined && { traceparent: options.traceparent }),
    data,
  };
}

export function toKafkaMessage(envelope: EventEnvelope): KafkaMessage {
  const headers: Record<string, string> = {
    [CE_HEADERS.specversion]: SPEC_VERSION,
    [CE_HEADERS.id]: envelope.id,
    [CE_HEADERS.source]: envelope.source,
    [CE_HEADERS.type]: envelope.type,
    [CE_HEADERS.time]: envelope.time,
    [CE_HEADERS.subject]: envelope.subject,
    [CE_HEADERS.networkId]: envelope.networkId,
    [CE_HEADERS.dataschema]: envelope.dataschema,
    [CE_HEADERS.contentType]: CONTENT_TYPE,
  };
  if (envelope.traceparent !== undefined) headers[CE_HEADERS.traceparent] = envelope.traceparent;
  return { key: envelope.subject, value: JSON.stringify(envelope.data), headers };
}

/** Kafka allows a header to repeat; a CloudEvents attribute has one value, so the first one wins. */
function headerText(value: KafkaHeaderValue): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

const text = (value: Buffer | string | null): string | null => (value === null ? null : value.toString());

/**
 * Reads a record written by `toKafkaMessage` (or by any CloudEvents producer
 * that follows the contract) and checks it: headers, JSON, type, schema, and
 * that the headers agree with the data — `ce_networkid` decides the tenant, so
 * a record whose header and payload disagree must not be trusted.
 */
export function fromKafkaMessage(message: IncomingKafkaMessage): ParsedEvent {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) headers[name.toLowerCase()] = headerText(value);
  const type = headers[CE_HEADERS.type];
  const id = headers[CE_HEADERS.id];
  const fail = (reason: ParseFailureReason, errors: ValidationIssue[]): ParsedEvent => ({
    ok: false,
    reason,
    errors,
    ...(type !== undefined && { type }),
    ...(id !== undefined && { id }),
  });

  const missing = REQUIRED_HEADERS.filter((name) => !headers[name]);
  if (missing.length > 0) return fail('missing_header', missing.map((name) => ({ path: name, issue: 'header is required' })));

  const definition = findDefinition(type as string);
  if (!definition) return fail('unknown_type', [{ path: CE_HEADERS.type, issue: `unknown event type ${type}` }]);

  const headerProblems = checkHeaders(headers, definition);
  if (headerProblems.length > 0) return fail('invalid_header', headerProblems);

  const value = text(message.value);
  let data: unknown;
  try {
    if (value === null) throw new Error('empty value');
    data = JSON.parse(value);
  } catch (error) {
    return fail('bad_json', [{ path: 'value', issue: `not JSON: ${(error as Error).message}` }]);
  }

  const checked = validateEventData(definition, data);
  if (!checked.valid) return fail('schema', checked.errors);

  const fields = data as Record<string, unknown>;
  const subject = headers[CE_HEADERS.subject] as string;
  const networkId = headers[CE_HEADERS.networkId] as string;
  const mismatches: ValidationIssue[] = [];
  if (fields[definition.subjectField] !== subject) {
    mismatches.push({ path: CE_HEADERS.subject, issue: `must equal data.${definition.subjectField}` });
  }
  if (fields.networkId !== networkId) mismatches.push({ path: CE_HEADERS.networkId, issue: 'must equal data.networkId' });
  // The key decides the partition, hence the order of the aggregate's events.
  if (text(message.key) !== subject) mismatches.push({ path: 'key', issue: `must equal ${CE_HEADERS.subject}` });
  if (mismatches.length > 0) return fail('invalid_header', mismatches);

  const traceparent = headers[CE_HEADERS.traceparent];
  return {
    ok: true,
    definition,
    envelope: {
      id: id as string,
      source: headers[CE_HEADERS.source] as string,
      type: definition.type,
      time: headers[CE_HEADERS.time] as string,
      subject,
      networkId,
      dataschema: definition.dataschema,
      // W3C Trace Context: a malformed traceparent is ignored (a new trace starts), never a reason to reject the event.
      ...(traceparent !== undefined && TRACEPARENT.test(traceparent) && { traceparent }),
      data,
    },
  };
}

function checkHeaders(headers: Record<string, string | undefined>, definition: EventDefinition): ValidationIssue[] {
  const problems: ValidationIssue[] = [];
  const expect = (name: string, ok: boolean, issue: string) => {
    if (!ok) problems.push({ path: name, issue });
  };
  expect(CE_HEADERS.specversion, headers[CE_HEADERS.specversion] === SPEC_VERSION, `must be ${SPEC_VERSION}`);
  const time = headers[CE_HEADERS.time] as string;
  expect(CE_HEADERS.id, isUuidV7(headers[CE_HEADERS.id] as string), 'must be a UUIDv7');
  expect(CE_HEADERS.source, headers[CE_HEADERS.source] === sourceOf(definition), `must be ${sourceOf(definition)}`);
  expect(CE_HEADERS.time, RFC3339.test(time) && !Number.isNaN(Date.parse(time)), 'must be an RFC 3339 date-time');
  expect(CE_HEADERS.dataschema, headers[CE_HEADERS.dataschema] === definition.dataschema, `must be ${definition.dataschema}`);
  expect(
    CE_HEADERS.contentType,
    (headers[CE_HEADERS.contentType] as string).split(';')[0].trim().toLowerCase() === CONTENT_TYPE,
    `must be ${CONTENT_TYPE}`,
  );
  return problems;
}

/** Narrows a parsed envelope to one definition's data type: `if (isEnvelopeOf(userRegistered, env)) env.data.email`. */
export const isEnvelopeOf = <T>(definition: EventDefinition<T>, envelope: EventEnvelope): envelope is EventEnvelope<T> =>
  envelope.type === definition.type;
