import { definitionsForTopic, EVENT_CATALOGUE, findDefinition } from './catalogue';
import { SERVICES, type EventDefinition } from './event-definition';
import { messageSent, userRegistered } from './events';
import { TOPICS } from './topics';
import { validateEventData } from './validation';

interface ObjectSchema {
  type: string;
  additionalProperties: boolean;
  required: string[];
  properties: Record<string, { type?: string; format?: string }>;
}
const objectSchema = (definition: EventDefinition) => definition.schema as unknown as ObjectSchema;

/** PRODUCT.md, Events, "Minimum catalogue" — copied by hand: the catalogue may grow, never lose one of these. */
const MINIMUM_CATALOGUE: Record<string, string[]> = {
  'passerelle.identity.user': ['registered', 'profile_updated', 'role_granted', 'erased'],
  'passerelle.intake.program': ['published', 'updated', 'closed'],
  'passerelle.intake.enrollment': ['submitted', 'updated', 'withdrawn'],
  'passerelle.intake.goal': ['set', 'progressed'],
  'passerelle.matching.match': ['proposed', 'accepted', 'declined', 'ended'],
  'passerelle.matching.round': ['completed'],
  'passerelle.communication.session': ['scheduled', 'completed', 'cancelled', 'no_show'],
  'passerelle.communication.message': ['sent'],
  'passerelle.communication.gathering': ['registered', 'attended'],
  'passerelle.communication.nudge': ['sent'],
  'passerelle.communication.resource': ['completed'],
  'passerelle.evaluation.feedback': ['submitted'],
  'passerelle.evaluation.alert': ['raised', 'resolved'],
};

const NAME = '[a-z]+(?:_[a-z]+)*';
const TYPE = new RegExp(`^passerelle\\.(${SERVICES.join('|')})\\.(${NAME})\\.(${NAME})\\.v([1-9][0-9]*)$`);

describe('the minimum catalogue of PRODUCT.md', () => {
  it.each(Object.entries(MINIMUM_CATALOGUE))('%s has every listed verb', (topic, verbs) => {
    expect(definitionsForTopic(topic).map((definition) => definition.verb)).toEqual(expect.arrayContaining(verbs));
  });
});

describe('the catalogue', () => {
  it('has one definition per type', () => {
    const types = EVENT_CATALOGUE.map((definition) => definition.type);
    expect(new Set(types).size).toBe(types.length);
  });

  it('puts every definition on a declared topic owned by its service, and every topic has events', () => {
    for (const definition of EVENT_CATALOGUE) {
      expect(TOPICS.find((topic) => topic.name === definition.topic)).toMatchObject({ service: definition.service });
    }
    for (const topic of TOPICS) expect(definitionsForTopic(topic.name).length).toBeGreaterThan(0);
  });

  it('finds a definition by type and nothing for an unknown or future type', () => {
    expect(findDefinition('passerelle.identity.user.registered.v1')).toBe(userRegistered);
    expect(findDefinition('passerelle.identity.user.registered.v2')).toBeUndefined();
    expect(definitionsForTopic('passerelle.nowhere')).toEqual([]);
  });
});

describe.each(EVENT_CATALOGUE.map((definition) => [definition.type, definition] as const))('%s', (_type, definition) => {
  const schema = objectSchema(definition);

  it('follows the naming conventions', () => {
    const [, service, aggregate, verb, version] = TYPE.exec(definition.type) ?? [];
    expect({ service, aggregate, verb, version: Number(version) }).toEqual({
      service: definition.service,
      aggregate: definition.aggregate,
      verb: definition.verb,
      version: definition.version,
    });
    expect(definition.topic).toBe(`passerelle.${definition.service}.${definition.aggregate}`);
    expect(definition.dataschema).toBe(`urn:passerelle:schema:${definition.type}`);
    expect(definition.description.length).toBeGreaterThan(20);
  });

  it('is a closed object schema whose required fields all exist', () => {
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    for (const field of schema.required) expect(Object.keys(schema.properties)).toContain(field);
  });

  it('requires networkId and its subject field, both UUIDs', () => {
    for (const field of ['networkId', definition.subjectField]) {
      expect(schema.required).toContain(field);
      expect(schema.properties[field]).toMatchObject({ type: 'string', format: 'uuid' });
    }
  });

  it('names every id field ...Id, as a UUID', () => {
    for (const [field, property] of Object.entries(schema.properties)) {
      if (/Id$/.test(field)) expect(property).toMatchObject({ type: 'string', format: 'uuid' });
    }
  });

  it('lists every e-mail field, and only existing fields, as personal', () => {
    const emailFields = Object.entries(schema.properties)
      .filter(([, property]) => property.format === 'email')
      .map(([field]) => field);
    expect(definition.personalFields).toEqual(expect.arrayContaining(emailFields));
    for (const field of definition.personalFields) expect(Object.keys(schema.properties)).toContain(field);
  });

  it('has an example that passes its schema', () => {
    expect(validateEventData(definition, definition.example)).toEqual({ valid: true });
  });
});

describe('personal data', () => {
  it('is declared where a notification needs it', () => {
    expect(userRegistered.personalFields).toEqual(['email', 'displayName']);
  });

  it('never includes the text of a message, only its metadata', () => {
    expect(Object.keys(objectSchema(messageSent).properties).sort()).toEqual(
      [
        'conversationId',
        'length',
        'matchId',
        'menteeId',
        'mentorId',
        'messageId',
        'networkId',
        'programId',
        'senderId',
        'senderRole',
        'sentAt',
      ].sort(),
    );
  });
});
