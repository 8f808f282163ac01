import type { ServiceName } from './event-definition';

export interface TopicDefinition<TName extends string = string> {
  readonly name: TName;
  /** The only service that writes to it (through its outbox). */
  readonly service: ServiceName;
  readonly aggregate: string;
  readonly partitions: number;
  /** Where a consumer sends a record it keeps failing on (PRODUCT.md, Delivery). */
  readonly deadLetter: `${TName}.dlt`;
}

const DEFAULT_PARTITIONS = 6;

export const deadLetterTopic = <T extends string>(topic: T): `${T}.dlt` => `${topic}.dlt`;

function topic<S extends ServiceName, A extends string>(
  service: S,
  aggregate: A,
  partitions = DEFAULT_PARTITIONS,
): TopicDefinition<`passerelle.${S}.${A}`> {
  const name = `passerelle.${service}.${aggregate}` as const;
  return Object.freeze({ name, service, aggregate, partitions, deadLetter: deadLetterTopic(name) });
}

/** Every topic of the contract; Kubernetes topic definitions and consumers subscribe from this list. */
export const TOPICS = [
  topic('identity', 'network'),
  topic('identity', 'user'),
  topic('intake', 'program'),
  topic('intake', 'enrollment'),
  topic('intake', 'goal'),
  topic('matching', 'match'),
  topic('matching', 'round'),
  topic('communication', 'session'),
  // One record per chat message, an order of magnitude more than any other aggregate: more room for consumers to scale out.
  topic('communication', 'message', 12),
  topic('communication', 'gathering'),
  topic('communication', 'nudge'),
  topic('communication', 'resource'),
  topic('evaluation', 'feedback'),
  topic('evaluation', 'alert'),
] as const;

export type TopicName = (typeof TOPICS)[number]['name'];

export const findTopic = (name: string): TopicDefinition | undefined => TOPICS.find((t) => t.name === name);

export const topicsOwnedBy = (service: ServiceName): TopicDefinition[] => TOPICS.filter((t) => t.service === service);
