import { Injectable } from '@nestjs/common';
import { type EventEnvelope, type UserErasedData, userErased } from '@passerelle/contracts';
import { type EventHandler, HandlesEvent } from '@passerelle/platform/inbox';
import type { EntityManager } from 'typeorm';

/**
 * GDPR erasure (issue 6, item 8), the notifications' part: the person's
 * notifications and preferences go (their mails go with the sessions' part).
 * What the other participant was told of their shared sessions keeps its
 * title but loses the text, which may quote the agenda or place the erased
 * person wrote; sent mails about those sessions lose their bodies likewise.
 */
@Injectable()
@HandlesEvent(userErased)
export class NotificationUserErasedHandler implements EventHandler<UserErasedData> {
  async handle(event: EventEnvelope<UserErasedData>, manager: EntityManager): Promise<void> {
    const { userId, networkId } = event.data;
    await manager.query('DELETE FROM notifications WHERE recipient_id = $1 AND network_id = $2', [userId, networkId]);
    await manager.query('DELETE FROM notification_preferences WHERE user_id = $1', [userId]);
    const theirSessions = `SELECT id FROM sessions WHERE network_id = $2 AND (mentor_id = $1 OR mentee_id = $1)`;
    await manager.query(`UPDATE notifications SET body = '' WHERE (data->>'sessionId')::uuid IN (${theirSessions})`, [userId, networkId]);
    await manager.query(`UPDATE mail_deliveries SET text_body = '', calendar = NULL WHERE status <> 'pending' AND session_id IN (${theirSessions})`, [
      userId,
      networkId,
    ]);
  }
}
