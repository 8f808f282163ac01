/**
 * The published event contract is docs/asyncapi.json: what integrators build
 * on. `npm run contracts:publish` rewrites it from the catalogue, but only when
 * every published event type is still there, on the same topic, with the same
 * key and a backward compatible schema; otherwise it prints why and exits 1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAsyncApiDocument } from '@passerelle/contracts';
import { contractBreakingChanges, type PublishedMessage, type Schema } from './schema-compatibility';

export const PUBLISH_CONTRACT_COMMAND = 'npm run contracts:publish';
export const publishedContractPath = (root: string) => join(root, 'docs', 'asyncapi.json');

interface AsyncApiDocument {
  readonly channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }>;
  readonly components: {
    messages: Record<string, { name: string; payload: { schema: Schema }; bindings: { kafka: { key: { description: string } } } }>;
  };
}

/** Each message of an AsyncAPI document of ours: its type, topic, record key field and payload schema. */
export function messagesOf(document: unknown): PublishedMessage[] {
  const doc = document as AsyncApiDocument;
  const topicOf = new Map<string, string>();
  for (const channel of Object.values(doc.channels)) for (const type of Object.keys(channel.messages)) topicOf.set(type, channel.address);
  return Object.entries(doc.components.messages).map(([type, message]) => ({
    type,
    topic: topicOf.get(type) ?? '(no channel)',
    key: /data\.(\w+)/.exec(message.bindings.kafka.key.description)?.[1] ?? '(unknown key)',
    schema: message.payload.schema,
  }));
}

export const renderContract = (document: unknown = buildAsyncApiDocument()) => `${JSON.stringify(document, null, 2)}\n`;

export function readPublishedContract(root: string): unknown {
  return JSON.parse(readFileSync(publishedContractPath(root), 'utf8')) as unknown;
}

/** Why the catalogue may not be published over the current publication ([] when it may). */
export function publicationProblems(published: unknown, current: unknown = buildAsyncApiDocument()): string[] {
  return contractBreakingChanges(messagesOf(published), messagesOf(current));
}
