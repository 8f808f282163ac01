import { EVENT_CATALOGUE } from './catalogue';
import { checkRecordOrigin } from './record-origin';
import { TOPICS } from './topics';

describe('checkRecordOrigin', () => {
  it('accepts every type of the catalogue on its own topic from its owner', () => {
    for (const definition of EVENT_CATALOGUE) {
      expect([definition.type, checkRecordOrigin(definition.topic, definition.type, `/passerelle/${definition.service}`)]).toEqual([
        definition.type,
        undefined,
      ]);
    }
  });

  it('refuses a known type on another topic, whatever the source says', () => {
    expect(checkRecordOrigin('passerelle.matching.match', 'passerelle.identity.user.erased.v1', '/passerelle/matching')).toEqual({
      reason: 'foreign_type',
      detail: 'type passerelle.identity.user.erased.v1 does not belong to topic passerelle.matching.match',
    });
    expect(checkRecordOrigin('passerelle.matching.match', 'passerelle.identity.user.erased.v1', '/passerelle/identity')).toMatchObject({
      reason: 'foreign_type',
    });
  });

  it('refuses every type of the catalogue on every topic but its own', () => {
    for (const definition of EVENT_CATALOGUE) {
      for (const topic of TOPICS.filter((candidate) => candidate.name !== definition.topic)) {
        expect(checkRecordOrigin(topic.name, definition.type, `/passerelle/${topic.service}`)?.reason).toBe('foreign_type');
      }
    }
  });

  it('refuses a type of the topic from a source that does not own it', () => {
    expect(checkRecordOrigin('passerelle.identity.user', 'passerelle.identity.user.erased.v1', '/passerelle/matching')).toEqual({
      reason: 'foreign_source',
      detail: 'source matching is not the owner (identity) of topic passerelle.identity.user',
    });
    expect(checkRecordOrigin('passerelle.evaluation.feedback', 'passerelle.evaluation.feedback.submitted.v1', 'https://example.test')).toEqual({
      reason: 'foreign_source',
      detail: 'source "https://example.test" is not the owner (evaluation) of topic passerelle.evaluation.feedback',
    });
  });

  it('lets an unknown newer version of the topic through (consumers skip it), but not an unknown type named for another topic', () => {
    expect(checkRecordOrigin('passerelle.identity.user', 'passerelle.identity.user.erased.v9', '/passerelle/identity')).toBeUndefined();
    expect(checkRecordOrigin('passerelle.identity.user', 'passerelle.identity.user.erased.v9', '/passerelle/intake')?.reason).toBe('foreign_source');
    expect(checkRecordOrigin('passerelle.matching.match', 'passerelle.identity.user.erased.v9', '/passerelle/matching')).toEqual({
      reason: 'foreign_type',
      detail: 'type passerelle.identity.user.erased.v9 does not belong to topic passerelle.matching.match',
    });
    expect(checkRecordOrigin('passerelle.matching.match', 'erase-everyone', '/passerelle/matching')?.reason).toBe('foreign_type');
  });

  it('refuses any record on a topic the contract does not define', () => {
    expect(checkRecordOrigin('passerelle.nowhere.thing', 'passerelle.nowhere.thing.done.v1', '/passerelle/nowhere')).toEqual({
      reason: 'foreign_type',
      detail: 'topic passerelle.nowhere.thing is not in the contract',
    });
  });

  it('leaves records without a type or source to the parser, which reports the missing headers', () => {
    expect(checkRecordOrigin('passerelle.identity.user', undefined, '/passerelle/identity')).toBeUndefined();
    expect(checkRecordOrigin('passerelle.identity.user', 'passerelle.identity.user.erased.v1', undefined)).toBeUndefined();
  });
});
