import { Parser } from '@asyncapi/parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { EVENT_CATALOGUE } from '../catalogue';
import { fromKafkaMessage } from '../envelope';
import { TOPICS } from '../topics';
import { validateEventData } from '../validation';
import { buildAsyncApiDocument } from './asyncapi';

interface Message {
  name: string;
  headers: object;
  payload: { schemaFormat: string; schema: object };
  bindings: { kafka: { key: object } };
  examples: { headers: Record<string, string>; payload: unknown }[];
}
interface Doc {
  asyncapi: string;
  channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }>;
  operations: Record<string, { action: string; channel: { $ref: string }; messages: { $ref: string }[] }>;
  components: { messages: Record<string, Message> };
}

const ERROR = 0; // DiagnosticSeverity.Error
const errorsOf = async (document: object) =>
  (await new Parser().validate(document as never))
    .filter((diagnostic) => diagnostic.severity === ERROR)
    .map((diagnostic) => `${diagnostic.path.join('/')}: ${diagnostic.message}`);

describe('the AsyncAPI document', () => {
  const document = buildAsyncApiDocument() as unknown as Doc;

  it('is valid AsyncAPI 3.0.0 for the official parser', async () => {
    expect(document.asyncapi).toBe('3.0.0');
    expect(await errorsOf(document)).toEqual([]);
  }, 30_000);

  it('is really checked: a broken reference and a broken payload schema are reported', async () => {
    const broken = structuredClone(document);
    const [firstChannel] = Object.values(broken.channels);
    firstChannel.messages.ghost = { $ref: '#/components/messages/ghost' };
    (Object.values(broken.components.messages)[0].payload.schema as { type: string }).type = 'objekt';
    const errors = await errorsOf(broken);
    expect(errors).toEqual(expect.arrayContaining([expect.stringContaining('ghost'), expect.stringContaining('payload/schema/type')]));
  }, 30_000);

  it('has one channel per topic, addressed by the topic name', () => {
    expect(Object.values(document.channels).map((channel) => channel.address)).toEqual(TOPICS.map((topic) => topic.name));
  });

  it('has one message per event type, on its topic channel', () => {
    expect(Object.keys(document.components.messages).sort()).toEqual(EVENT_CATALOGUE.map((d) => d.type).sort());
    for (const definition of EVENT_CATALOGUE) {
      const channel = Object.values(document.channels).find((c) => c.address === definition.topic);
      expect(channel?.messages[definition.type]).toEqual({ $ref: `#/components/messages/${definition.type}` });
      expect(document.components.messages[definition.type].payload).toEqual({
        schemaFormat: 'application/schema+json;version=draft-07',
        schema: definition.schema,
      });
    }
  });

  it('has the owning service send on every channel', () => {
    const operations = Object.values(document.operations);
    expect(operations).toHaveLength(TOPICS.length);
    for (const operation of operations) {
      expect(operation.action).toBe('send');
      expect(operation.messages.length).toBeGreaterThan(0);
    }
  });

  it('has examples whose headers pass the header schema, whose payload passes the event schema, and that a consumer accepts', () => {
    const ajv = addFormats(new Ajv({ allErrors: true }));
    for (const definition of EVENT_CATALOGUE) {
      const message = document.components.messages[definition.type];
      const [example] = message.examples;
      expect({ type: definition.type, errors: ajv.validate(message.headers, example.headers) ? null : ajv.errors }).toEqual({
        type: definition.type,
        errors: null,
      });
      expect(validateEventData(definition, example.payload)).toEqual({ valid: true });
      const key = example.headers.ce_subject;
      expect(ajv.validate(message.bindings.kafka.key, key)).toBe(true);
      const parsed = fromKafkaMessage({ key, value: JSON.stringify(example.payload), headers: example.headers });
      expect(parsed).toMatchObject({ ok: true, definition });
    }
  });

  it('is reproducible', () => {
    expect(JSON.stringify(buildAsyncApiDocument())).toBe(JSON.stringify(document));
  });
});
