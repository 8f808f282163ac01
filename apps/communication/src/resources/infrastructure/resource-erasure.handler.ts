import { Injectable } from '@nestjs/common';
import { type EventEnvelope, type UserErasedData, userErased } from '@passerelle/contracts';
import { type EventHandler, HandlesEvent } from '@passerelle/platform/inbox';
import type { EntityManager } from 'typeorm';

/**
 * GDPR erasure (issue 6, item 8), the resources' part: completions stay, with
 * their role and time but without the person, so completion rates stay right;
 * an erased organizer's name goes from what they published.
 */
@Injectable()
@HandlesEvent(userErased)
export class ResourceUserErasedHandler implements EventHandler<UserErasedData> {
  async handle(event: EventEnvelope<UserErasedData>, manager: EntityManager): Promise<void> {
    const { userId, networkId, erasedAt } = event.data;
    await manager.query('UPDATE resource_completions SET user_id = NULL, erased_at = $3 WHERE user_id = $1 AND network_id = $2', [userId, networkId, erasedAt]);
    await manager.query('UPDATE resources SET published_by = NULL WHERE published_by = $1 AND network_id = $2', [userId, networkId]);
  }
}
