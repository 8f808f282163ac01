import { SetMetadata } from '@nestjs/common';
import type { EventDefinition, EventEnvelope } from '@passerelle/contracts';
import type { EntityManager } from 'typeorm';

export const HANDLES_EVENT = 'passerelle:handles-event';

/**
 * A consumer of one event type. `handle` runs inside the transaction that
 * also records the event id in the inbox, so its effect happens once however
 * often the record is delivered; it must write through `manager` only.
 */
export interface EventHandler<T = unknown> {
  handle(event: EventEnvelope<T>, manager: EntityManager): Promise<void>;
  /**
   * Optional: called once per transaction, after `handle` has run for every
   * event the transaction applies and before it commits. The consumer applies
   * the records of a partition in batches, one transaction each; a handler
   * may defer writes to rows that many events touch (a per-programme or
   * per-pair summary) to here, to write each such row once, in key order, so
   * that batches of different partitions never deadlock on them.
   */
  completeTransaction?(manager: EntityManager): Promise<void>;
}

/** Marks a provider as the handler of `definition`; the platform subscribes to its topic. */
export function HandlesEvent<T>(definition: EventDefinition<T>): ClassDecorator {
  return SetMetadata(HANDLES_EVENT, definition);
}
