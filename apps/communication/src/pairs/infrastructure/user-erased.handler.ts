import { Injectable } from '@nestjs/common';
import { type EventEnvelope, type UserErasedData, userErased } from '@passerelle/contracts';
import { type EventHandler, HandlesEvent } from '@passerelle/platform/inbox';
import type { EntityManager } from 'typeorm';

/** GDPR erasure (issue 6, item 8): the pair stays (sessions and statistics count it), without the person's id. */
@Injectable()
@HandlesEvent(userErased)
export class PairsUserErasedHandler implements EventHandler<UserErasedData> {
  async handle(event: EventEnvelope<UserErasedData>, manager: EntityManager): Promise<void> {
    const { userId, networkId } = event.data;
    await manager.query('UPDATE pairs SET mentor_id = NULL, updated_at = now() WHERE mentor_id = $1 AND network_id = $2', [userId, networkId]);
    await manager.query('UPDATE pairs SET mentee_id = NULL, updated_at = now() WHERE mentee_id = $1 AND network_id = $2', [userId, networkId]);
  }
}
