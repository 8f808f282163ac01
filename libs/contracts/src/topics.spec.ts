import { deadLetterTopic, findTopic, TOPICS, topicsOwnedBy } from './topics';

describe('topics', () => {
  it('are named passerelle.<service>.<aggregate>, each with its dead-letter topic', () => {
    for (const topic of TOPICS) {
      expect(topic.name).toBe(`passerelle.${topic.service}.${topic.aggregate}`);
      expect(topic.deadLetter).toBe(`${topic.name}.dlt`);
      expect(Number.isInteger(topic.partitions) && topic.partitions > 0).toBe(true);
    }
    expect(new Set(TOPICS.map((topic) => topic.name)).size).toBe(TOPICS.length);
  });

  it('default to 6 partitions', () => {
    expect(findTopic('passerelle.identity.user')?.partitions).toBe(6);
    expect(findTopic('passerelle.nowhere')).toBeUndefined();
  });

  it('derive the dead-letter name', () => {
    expect(deadLetterTopic('passerelle.matching.match')).toBe('passerelle.matching.match.dlt');
  });

  it('are owned by exactly one service', () => {
    expect(topicsOwnedBy('matching').map((topic) => topic.name)).toEqual(['passerelle.matching.match', 'passerelle.matching.round']);
    expect(topicsOwnedBy('evaluation').map((topic) => topic.name)).toEqual([
      'passerelle.evaluation.feedback',
      'passerelle.evaluation.alert',
    ]);
  });
});
