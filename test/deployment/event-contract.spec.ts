/**
 * The published event contract (docs/asyncapi.json) and the compatibility
 * check that guards it: CI fails when the catalogue changes an event type in a
 * way its consumers would not accept, unless the change comes as a new version.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAsyncApiDocument, EVENT_CATALOGUE } from '@passerelle/contracts';
import {
  messagesOf,
  PUBLISH_CONTRACT_COMMAND,
  publicationProblems,
  publishedContractPath,
  readPublishedContract,
  renderContract,
} from '../../tools/deploy/published-contract';
import { breakingChanges, type Schema } from '../../tools/deploy/schema-compatibility';

const ROOT = join(__dirname, '..', '..');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests below edit schemas freely
type Editable = Record<string, any>;

describe('docs/asyncapi.json, the published contract', () => {
  it(`is the catalogue as it is now (run \`${PUBLISH_CONTRACT_COMMAND}\` after a compatible change)`, () => {
    if (readFileSync(publishedContractPath(ROOT), 'utf8') !== renderContract()) {
      throw new Error(`docs/asyncapi.json is stale: run \`${PUBLISH_CONTRACT_COMMAND}\` (it refuses a change that would break consumers)`);
    }
  });

  it('is backward compatible with the catalogue: every published type is still there, same topic, same key, compatible schema', () => {
    expect(publicationProblems(readPublishedContract(ROOT))).toEqual([]);
  });

  it('lists every event type with its topic, key and payload schema', () => {
    const messages = messagesOf(readPublishedContract(ROOT));
    expect(messages.map((message) => message.type).sort()).toEqual(EVENT_CATALOGUE.map((definition) => definition.type).sort());
    for (const definition of EVENT_CATALOGUE) {
      expect(messages.find((message) => message.type === definition.type)).toEqual({
        type: definition.type,
        topic: definition.topic,
        key: definition.subjectField,
        schema: definition.schema,
      });
    }
  });
});

describe('the compatibility check on the real contract', () => {
  const published = buildAsyncApiDocument();
  type Doc = { components: { messages: Record<string, { name: string; payload: { schema: Record<string, unknown> } }> }; channels: Record<string, { messages: Record<string, unknown> }> };
  const [target] = EVENT_CATALOGUE.filter((definition) => ((definition.schema as { required?: string[] }).required ?? []).length > 1);

  it('fails on a deliberately incompatible change: a required field made optional', () => {
    const changed = structuredClone(published) as unknown as Doc;
    const schema = changed.components.messages[target.type].payload.schema as { required: string[] };
    const dropped = schema.required[schema.required.length - 1];
    schema.required = schema.required.filter((field) => field !== dropped);
    expect(publicationProblems(published, changed)).toEqual([`${target.type}: $.${dropped}: was required, now optional (old consumers expect it)`]);
  });

  it('fails on a new field that consumers of the published version reject, and on a removed event type', () => {
    const changed = structuredClone(published) as unknown as Doc;
    const schema = changed.components.messages[target.type].payload.schema as { properties: Record<string, unknown>; additionalProperties?: boolean };
    expect(schema.additionalProperties).toBe(false);
    schema.properties.newField = { type: 'string' };
    const [other] = EVENT_CATALOGUE.filter((definition) => definition.type !== target.type);
    delete changed.components.messages[other.type];
    for (const channel of Object.values(changed.channels)) delete channel.messages[other.type];
    const problems = publicationProblems(published, changed);
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${target.type.replace(/\./g, '\\.')}: \\$\\.newField: new field`)));
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${other.type.replace(/\./g, '\\.')}: published, now gone`)));
  });

  it('passes when the same change is published as a new version beside the old one', () => {
    const changed = structuredClone(published) as unknown as Doc;
    const v2 = structuredClone(changed.components.messages[target.type]);
    (v2.payload.schema.properties as Record<string, unknown>).newField = { type: 'string' };
    const type = target.type.replace(/\.v(\d+)$/, (_, n: string) => `.v${Number(n) + 1}`);
    changed.components.messages[type] = { ...v2, name: type };
    expect(publicationProblems(published, changed)).toEqual([]);
  });
});

describe('breakingChanges (new schema accepts only what the published one accepted)', () => {
  const base: Schema = {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'status'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      status: { type: 'string', enum: ['open', 'closed'] },
      note: { type: 'string', maxLength: 100, description: 'free text' },
      score: { type: 'integer', minimum: 0, maximum: 10 },
      tags: { type: 'array', items: { type: 'string', pattern: '^[a-z]+$' }, maxItems: 5, uniqueItems: true },
    },
  };
  const change = (edit: (schema: Editable) => void): Schema => {
    const copy = structuredClone(base) as Editable;
    edit(copy);
    return copy;
  };

  it('accepts the same schema, a reworded description, a narrowed enum, a tighter bound, an optional field made required or dropped', () => {
    expect(breakingChanges(base, base)).toEqual([]);
    expect(breakingChanges(base, change((s) => (s.properties.note.description = 'another text')))).toEqual([]);
    expect(breakingChanges(base, change((s) => (s.properties.status.enum = ['open'])))).toEqual([]);
    expect(breakingChanges(base, change((s) => (s.properties.score.maximum = 5)))).toEqual([]);
    expect(breakingChanges(base, change((s) => s.required.push('note')))).toEqual([]);
    expect(breakingChanges(base, change((s) => delete s.properties.note))).toEqual([]);
  });

  it.each([
    ['a required field made optional', (s: Editable) => (s.required = ['id']), '$.status: was required, now optional'],
    ['a new enum value', (s: Editable) => s.properties.status.enum.push('archived'), '$.status: new value "archived"'],
    ['a changed type', (s: Editable) => (s.properties.score.type = 'string'), '$.score: now accepts type string'],
    ['integer widened to number', (s: Editable) => (s.properties.score.type = 'number'), '$.score: now accepts type number'],
    ['a raised maximum', (s: Editable) => (s.properties.score.maximum = 11), '$.score: maximum raised from 10 to 11'],
    ['a longer string', (s: Editable) => (s.properties.note.maxLength = 200), '$.note: maxLength raised from 100 to 200'],
    ['a dropped format', (s: Editable) => delete s.properties.id.format, '$.id: format was "uuid", now none'],
    ['a changed pattern in array items', (s: Editable) => (s.properties.tags.items.pattern = '^.+$'), '$.tags[]: pattern was'],
    ['items no longer unique', (s: Editable) => (s.properties.tags.uniqueItems = false), '$.tags: items no longer unique'],
    ['a new field where unknown fields were refused', (s: Editable) => (s.properties.extra = { type: 'string' }), '$.extra: new field'],
    ['unknown fields now allowed', (s: Editable) => delete s.additionalProperties, '$: unknown fields were refused, now accepted'],
    ['a field no longer described while others are allowed', (s: Editable) => {
      delete s.additionalProperties;
      delete s.properties.score;
    }, '$.score: now accepts anything'],
    ['a changed conditional', (s: Editable) => (s.if = { properties: { status: { const: 'closed' } } }), '$: "if" changed'],
  ])('reports %s', (_, edit, expected) => {
    const problems = breakingChanges(base, change(edit));
    expect(problems).toContainEqual(expect.stringContaining(expected));
  });
});
