import { Injectable } from '@nestjs/common';
import { type EventEnvelope, type UserErasedData, userErased } from '@passerelle/contracts';
import { type EventHandler, HandlesEvent } from '@passerelle/platform/inbox';
import type { EntityManager } from 'typeorm';

/**
 * GDPR erasure (issue 6, item 8), the forums' part: the person's threads and
 * posts lose their text and author and keep their place, flagged erased, so
 * the replies of others still read in order; moderation keeps no trace of an
 * erased organizer either.
 */
@Injectable()
@HandlesEvent(userErased)
export class ForumUserErasedHandler implements EventHandler<UserErasedData> {
  async handle(event: EventEnvelope<UserErasedData>, manager: EntityManager): Promise<void> {
    const { userId, networkId, erasedAt } = event.data;
    const person = [userId, networkId];
    await manager.query(
      'UPDATE forum_posts SET author_id = NULL, body = NULL, erased_at = $3 WHERE author_id = $1 AND network_id = $2',
      [...person, erasedAt],
    );
    await manager.query(
      'UPDATE forum_threads SET author_id = NULL, title = NULL, body = NULL, erased_at = $3 WHERE author_id = $1 AND network_id = $2',
      [...person, erasedAt],
    );
    await manager.query('UPDATE forum_posts SET hidden_by = NULL WHERE hidden_by = $1 AND network_id = $2', person);
    await manager.query('UPDATE forum_threads SET hidden_by = NULL WHERE hidden_by = $1 AND network_id = $2', person);
    await manager.query('UPDATE forum_threads SET locked_by = NULL WHERE locked_by = $1 AND network_id = $2', person);
  }
}
