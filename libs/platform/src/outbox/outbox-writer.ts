import { createEnvelope, type EventDefinition, toKafkaMessage } from '@passerelle/contracts';
import type { EntityManager } from 'typeorm';
import { currentTraceparent } from '../observability/tracing';

export const OUTBOX_CHANNEL = 'passerelle_outbox';

/**
 * Writes an event in the caller's transaction (ARCHITECTURE.md rule 5: never
 * publish after a commit). The event is validated against its schema here,
 * so a producer cannot emit an event that breaks the contract; the
 * notification wakes the relay when, and only if, the transaction commits.
 */
export class OutboxWriter {
  async append<T>(manager: EntityManager, definition: EventDefinition<T>, data: T): Promise<string> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`outbox: ${definition.type} must be written inside a transaction`);
    }
    const envelope = createEnvelope(definition, data, { traceparent: currentTraceparent() });
    const message = toKafkaMessage(envelope);
    // Row and notification in one statement: one round trip per event in the caller's transaction.
    await manager.query(
      `WITH written AS (
         INSERT INTO outbox (event_id, topic, message_key, event_type, network_id, headers, payload)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING topic
       )
       SELECT pg_notify($8, topic) FROM written`,
      [
        envelope.id,
        definition.topic,
        message.key,
        definition.type,
        envelope.networkId,
        JSON.stringify(message.headers),
        message.value,
        OUTBOX_CHANNEL,
      ],
    );
    return envelope.id;
  }
}
