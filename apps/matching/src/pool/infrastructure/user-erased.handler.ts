import { Injectable } from '@nestjs/common';
import { type EventEnvelope, type UserErasedData, userErased } from '@passerelle/contracts';
import { type EventHandler, HandlesEvent } from '@passerelle/platform/inbox';
import type { EntityManager } from 'typeorm';
import { MatchCloser } from '../../matches/application/match-closer';
import { lockProgramPool } from '../application/program-access';
import { CandidateEntity } from './candidate.entity';

/**
 * GDPR erasure (issue 5, item 7): the person's features go; their open
 * matches close; past matches stay as anonymous statistics (ids removed).
 */
@Injectable()
@HandlesEvent(userErased)
export class UserErasedHandler implements EventHandler<UserErasedData> {
  constructor(private readonly closer: MatchCloser) {}

  async handle(event: EventEnvelope<UserErasedData>, manager: EntityManager): Promise<void> {
    const { userId, networkId, erasedAt } = event.data;
    await manager.query('INSERT INTO erased_users (user_id, network_id, erased_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [userId, networkId, erasedAt]);
    const candidates = await manager.find(CandidateEntity, { where: { userId, networkId }, order: { programId: 'ASC' } });
    // In programme order, so two handlers never wait on each other's locks.
    for (const programId of [...new Set(candidates.map((candidate) => candidate.programId))]) await lockProgramPool(manager, programId);
    for (const candidate of candidates) {
      await this.closer.closeOpen(manager, { enrollmentId: candidate.enrollmentId }, { declinedBy: 'system', endedBy: 'system', reason: 'participant_erased' }, new Date(erasedAt));
    }
    await manager.update(CandidateEntity, { userId, networkId }, { userId: null, features: null, excludedUserIds: [], status: 'erased', updatedAt: new Date() });
    await manager.query('UPDATE matches SET mentee_id = NULL WHERE mentee_id = $1 AND network_id = $2', [userId, networkId]);
    await manager.query('UPDATE matches SET mentor_id = NULL WHERE mentor_id = $1 AND network_id = $2', [userId, networkId]);
    await manager.query('UPDATE candidates SET excluded_user_ids = array_remove(excluded_user_ids, $1::uuid) WHERE network_id = $2 AND $1::uuid = ANY (excluded_user_ids)', [userId, networkId]);
    await manager.query('UPDATE programs SET model_updated_by = NULL WHERE model_updated_by = $1 AND network_id = $2', [userId, networkId]);
    await manager.query('UPDATE rounds SET started_by = NULL WHERE started_by = $1 AND network_id = $2', [userId, networkId]);
  }
}
