import { Injectable } from '@nestjs/common';
import { type EventEnvelope, type UserErasedData, userErased } from '@passerelle/contracts';
import { type EventHandler, HandlesEvent } from '@passerelle/platform/inbox';
import type { EntityManager } from 'typeorm';

/**
 * GDPR erasure (issue 6, item 8), the sessions' part: every mail to the
 * person goes (it holds their address and the session's texts), and the
 * texts of their sessions (agenda, place, cancellation reason) are removed;
 * the sessions themselves stay for the statistics.
 */
@Injectable()
@HandlesEvent(userErased)
export class SessionUserErasedHandler implements EventHandler<UserErasedData> {
  async handle(event: EventEnvelope<UserErasedData>, manager: EntityManager): Promise<void> {
    const { userId, networkId } = event.data;
    await manager.query('DELETE FROM mail_deliveries WHERE recipient_id = $1 AND network_id = $2', [userId, networkId]);
    await manager.query(
      `UPDATE sessions SET agenda = NULL, location = NULL, cancel_reason = NULL, updated_at = now()
        WHERE network_id = $2 AND (mentor_id = $1 OR mentee_id = $1)`,
      [userId, networkId],
    );
  }
}
