import { findDefinition } from './catalogue';
import { findTopic } from './topics';

/**
 * Why a record is not what its topic may carry: a type of another topic, or
 * a source other than the topic's owner. A consumer dispatches on `ce_type`,
 * so without this check a service able to write its own topic could publish
 * another service's event (an erasure, say) and have it obeyed.
 */
export type OriginFailureReason = 'foreign_type' | 'foreign_source';

export interface OriginProblem {
  readonly reason: OriginFailureReason;
  /** One sentence for the dead-letter headers and the logs. */
  readonly detail: string;
}

const SOURCE_PREFIX = '/passerelle/';

/** The topic a type name designates: `passerelle.<service>.<aggregate>` of `passerelle.<service>.<aggregate>.<verb>.v<N>`. */
const topicNamedBy = (type: string): string | undefined => /^(passerelle\.[^.]+\.[^.]+)\.[^.]+\.v\d+$/.exec(type)?.[1];

/**
 * Checks that a record read from `topic` may be there: its type is one the
 * contract assigns to that topic, and its source is the topic's owner.
 * A type the catalogue does not know is accepted only when its name is of
 * this topic (a newer version, which consumers skip); missing headers are
 * left to `fromKafkaMessage`, which reports them.
 */
export function checkRecordOrigin(topic: string, type: string | undefined, source: string | undefined): OriginProblem | undefined {
  if (type === undefined || source === undefined) return undefined;
  const owner = findTopic(topic);
  if (!owner) return { reason: 'foreign_type', detail: `topic ${topic} is not in the contract` };
  const definition = findDefinition(type);
  const typeTopic = definition ? definition.topic : topicNamedBy(type);
  if (typeTopic !== topic) return { reason: 'foreign_type', detail: `type ${type} does not belong to topic ${topic}` };
  if (source !== `${SOURCE_PREFIX}${owner.service}`) {
    const service = source.startsWith(SOURCE_PREFIX) ? source.slice(SOURCE_PREFIX.length) : JSON.stringify(source);
    return { reason: 'foreign_source', detail: `source ${service} is not the owner (${owner.service}) of topic ${topic}` };
  }
  return undefined;
}
