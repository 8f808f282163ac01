import { Injectable } from '@nestjs/common';
import { type EventEnvelope, type UserErasedData, userErased } from '@passerelle/contracts';
import { type EventHandler, HandlesEvent } from '@passerelle/platform/inbox';
import type { EntityManager } from 'typeorm';

/**
 * GDPR erasure (issue 6, item 8), the cohort's part: memberships stay as
 * anonymous rows (cohort sizes stay right) and the bare id is remembered so a
 * late enrolment event cannot bring the person back. Forums, gatherings and
 * resources erase their own rows in the same transaction (their handlers).
 */
@Injectable()
@HandlesEvent(userErased)
export class CohortUserErasedHandler implements EventHandler<UserErasedData> {
  async handle(event: EventEnvelope<UserErasedData>, manager: EntityManager): Promise<void> {
    const { userId, networkId, erasedAt } = event.data;
    await manager.query(
      'INSERT INTO cohort_erased_users (user_id, network_id, erased_at) VALUES ($1, $2, $3) ON CONFLICT (user_id) DO NOTHING',
      [userId, networkId, erasedAt],
    );
    await manager.query(
      `UPDATE cohort_members SET user_id = NULL, status = 'erased', updated_at = now() WHERE user_id = $1 AND network_id = $2`,
      [userId, networkId],
    );
  }
}
