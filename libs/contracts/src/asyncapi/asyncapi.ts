import { EVENT_CATALOGUE } from '../catalogue';
import { CE_HEADERS, CONTENT_TYPE, REQUIRED_HEADERS, SPEC_VERSION, createEnvelope, sourceOf, toKafkaMessage } from '../envelope';
import type { EventDefinition } from '../event-definition';
import { TOPICS } from '../topics';

/**
 * Version of the published contract as a whole: minor when an event type or a
 * new version of one is added, patch for descriptions and examples, major
 * never (a breaking change is a new `.vN` type beside the old one, so the
 * document only grows).
 */
export const CONTRACT_VERSION = '1.1.0';

// Fixed so the generated document is byte-for-byte reproducible.
const EXAMPLE_ID = '0194a3c2-5e00-7c1a-9b2d-3e4f5a6b7c8d';
const EXAMPLE_TIME = new Date('2025-03-01T12:00:00.000Z');
const EXAMPLE_TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

const JSON_SCHEMA_DRAFT_07 = 'application/schema+json;version=draft-07';
const KAFKA_BINDING_VERSION = '0.5.0';

const DESCRIPTION = `Domain events exchanged by the Passerelle services over Apache Kafka. Integrators build on them: this is a published, versioned contract.

## Envelope
CloudEvents 1.0 in Kafka **binary** content mode. The record value is the JSON \`data\` alone; the attributes are headers:
\`ce_specversion\` (\`1.0\`), \`ce_id\` (UUIDv7), \`ce_source\` (\`/passerelle/<service>\`), \`ce_type\`, \`ce_time\` (RFC 3339),
\`ce_subject\` (the aggregate id), \`ce_networkid\` (the tenant), \`ce_dataschema\`, \`content-type: application/json\`
and \`traceparent\` (W3C Trace Context). Every payload also carries \`networkId\`, equal to \`ce_networkid\`.

## Names and versions
Types are \`passerelle.<service>.<aggregate>.<verb>.v<N>\`; topics are \`passerelle.<service>.<aggregate>\`, one per aggregate, written only by the
service that owns it (\`x-source\` on each channel is the only \`ce_source\` it carries). A consumer should dead-letter a record whose type is not one
of its topic's, or whose source is not the topic's owner. A breaking change is published as a new type version beside the old one; consumers may
skip types they do not know that are named after the topic.

## Delivery
At least once. Producers write each event in the same database transaction as the state change (transactional outbox) and publish it with an
idempotent producer; consumers must be idempotent (deduplicate on \`ce_id\`). The record key is the aggregate id (\`ce_subject\`), so the events of
one aggregate are ordered within their partition; there is **no ordering across topics or aggregates**. A record a consumer keeps failing on
(including one that fails its schema) is retried with back-off, then moved to \`<topic>.dlt\` with headers saying why.

## Personal data
Payloads carry ids, not personal data, except where a consumer needs it (\`x-personal-fields\` lists those fields per message). When a user is erased
(\`passerelle.identity.user.erased.v1\`), every consumer removes or anonymises what it holds for that user id.`;

// Topic and type names contain neither `/` nor `~`, so they need no JSON Pointer escaping.
const ref = (...path: string[]) => ({ $ref: `#/${path.join('/')}` });

function headersSchema(definition: EventDefinition) {
  const uuid = { type: 'string', format: 'uuid' };
  return {
    type: 'object',
    required: [...REQUIRED_HEADERS],
    properties: {
      [CE_HEADERS.specversion]: { const: SPEC_VERSION },
      [CE_HEADERS.id]: { ...uuid, description: 'UUIDv7; consumers deduplicate on it.' },
      [CE_HEADERS.source]: { const: sourceOf(definition) },
      [CE_HEADERS.type]: { const: definition.type },
      [CE_HEADERS.time]: { type: 'string', format: 'date-time' },
      [CE_HEADERS.subject]: { ...uuid, description: `The aggregate id: data.${definition.subjectField}.` },
      [CE_HEADERS.networkId]: { ...uuid, description: 'The network (tenant): data.networkId.' },
      [CE_HEADERS.dataschema]: { const: definition.dataschema },
      [CE_HEADERS.contentType]: { const: CONTENT_TYPE },
      [CE_HEADERS.traceparent]: {
        type: 'string',
        pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
        description: 'W3C Trace Context of the request that caused the event.',
      },
    },
  };
}

function message(definition: EventDefinition) {
  const example = toKafkaMessage(
    createEnvelope(definition, definition.example, { id: EXAMPLE_ID, time: EXAMPLE_TIME, traceparent: EXAMPLE_TRACEPARENT }),
  );
  return {
    name: definition.type,
    title: `${definition.aggregate} ${definition.verb.replace(/_/g, ' ')} (v${definition.version})`,
    summary: definition.description,
    contentType: CONTENT_TYPE,
    tags: [{ name: definition.service }],
    headers: headersSchema(definition),
    payload: { schemaFormat: JSON_SCHEMA_DRAFT_07, schema: definition.schema },
    correlationId: {
      description: 'W3C Trace Context: one trace follows a request through HTTP, the outbox, Kafka and every consumer.',
      location: `$message.header#/${CE_HEADERS.traceparent}`,
    },
    bindings: {
      kafka: {
        key: { type: 'string', format: 'uuid', description: `The aggregate id (data.${definition.subjectField}), equal to ce_subject.` },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
    examples: [{ name: `${definition.verb}-example`, headers: example.headers, payload: definition.example }],
    ...(definition.personalFields.length > 0 && { 'x-personal-fields': definition.personalFields }),
  };
}

/** The AsyncAPI 3.0.0 document of the whole catalogue: one channel per topic, one message per event type. */
export function buildAsyncApiDocument(): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};

  // Channels are keyed by topic name and messages by event type: both unique, and readable in tools.
  for (const topic of TOPICS) {
    const definitions = EVENT_CATALOGUE.filter((definition) => definition.topic === topic.name);
    const keys = [...new Set(definitions.map((definition) => definition.subjectField))].join(' / ');
    channels[topic.name] = {
      address: topic.name,
      title: topic.name,
      description:
        `Events of the ${topic.aggregate} aggregate, published by the ${topic.service} service; record key: ${keys}. ` +
        `Records a consumer cannot handle go to ${topic.deadLetter}.`,
      messages: Object.fromEntries(definitions.map((definition) => [definition.type, ref('components', 'messages', definition.type)])),
      bindings: { kafka: { partitions: topic.partitions, bindingVersion: KAFKA_BINDING_VERSION } },
      'x-dead-letter-topic': topic.deadLetter,
      'x-source': `/passerelle/${topic.service}`,
    };
    operations[`${topic.service}.send.${topic.aggregate}`] = {
      action: 'send',
      channel: ref('channels', topic.name),
      title: `${topic.service} publishes ${topic.aggregate} events`,
      summary: `The ${topic.service} service is the only producer on ${topic.name}, through its transactional outbox.`,
      tags: [{ name: topic.service }],
      messages: definitions.map((definition) => ref('channels', topic.name, 'messages', definition.type)),
    };
    for (const definition of definitions) messages[definition.type] = message(definition);
  }

  // A copy: tools that resolve references in place must not reach the live schemas the validators use.
  return structuredClone({
    asyncapi: '3.0.0',
    info: {
      title: 'Passerelle events',
      version: CONTRACT_VERSION,
      description: DESCRIPTION,
      tags: [...new Set(TOPICS.map((topic) => topic.service))].map((service) => ({ name: service })),
    },
    defaultContentType: CONTENT_TYPE,
    channels,
    operations,
    components: { messages },
  });
}
