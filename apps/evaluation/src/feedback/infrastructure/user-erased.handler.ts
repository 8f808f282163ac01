import { Injectable } from '@nestjs/common';
import { type EventEnvelope, type UserErasedData, userErased } from '@passerelle/contracts';
import { type EventHandler, HandlesEvent } from '@passerelle/platform/inbox';
import type { EntityManager } from 'typeorm';

/**
 * Erasure (issue 7, item 8; PRODUCT.md, data protection). The free text and
 * the lists a person chose are removed from their answers; the ratings,
 * scores and outcomes stay, tied to an id that no longer names anyone once
 * identity has erased the account, so aggregate figures stay correct.
 */
@Injectable()
@HandlesEvent(userErased)
export class UserErasedHandler implements EventHandler<UserErasedData> {
  async handle(event: EventEnvelope<UserErasedData>, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE feedback SET comment = NULL, helped = '{}', skills_gained = '{}', goal_progress = '[]' WHERE respondent_id = $1 AND network_id = $2`,
      [event.data.userId, event.data.networkId],
    );
  }
}
