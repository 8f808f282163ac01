import { Injectable } from '@nestjs/common';
import type { MatchAcceptedData, MatchEndedData } from '@passerelle/contracts';
import type { EntityManager } from 'typeorm';
import { ConversationLifecycle } from '../../conversations/application/conversation-lifecycle';
import { DirectoryLookup } from '../../directory/application/directory-lookup';
import { PairEntity } from '../infrastructure/pair.entity';

/**
 * The ids a pair keeps: someone the directory knows as erased is not written
 * back (`user.erased` and `match.*` travel on different topics, so either
 * may be read first: PRODUCT.md, Events: Order).
 */
async function liveIds(manager: EntityManager, directory: DirectoryLookup, data: { mentorId: string; menteeId: string }) {
  const erased = await directory.erasedAmong(manager, [data.mentorId, data.menteeId]);
  return { mentorId: erased.has(data.mentorId) ? null : data.mentorId, menteeId: erased.has(data.menteeId) ? null : data.menteeId };
}

/**
 * `match.accepted`: the pair becomes active and its private conversation
 * opens (issue 6, item 1). Idempotent: a repeated event finds the pair and
 * its conversation and changes nothing; a pair already recorded as ended
 * stays ended, and its conversation is created closed.
 */
@Injectable()
export class OpenPairUseCase {
  constructor(
    private readonly directory: DirectoryLookup,
    private readonly conversations: ConversationLifecycle,
  ) {}

  async execute(manager: EntityManager, data: MatchAcceptedData): Promise<void> {
    const ids = await liveIds(manager, this.directory, data);
    const acceptedAt = new Date(data.acceptedAt);
    await manager.query(
      `INSERT INTO pairs (match_id, network_id, program_id, mentor_id, mentee_id, status, accepted_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'active', $6, now())
       ON CONFLICT (match_id) DO UPDATE SET accepted_at = COALESCE(pairs.accepted_at, EXCLUDED.accepted_at), updated_at = now()`,
      [data.matchId, data.networkId, data.programId, ids.mentorId, ids.menteeId, acceptedAt],
    );
    const pair = await manager.findOneByOrFail(PairEntity, { matchId: data.matchId });
    await this.conversations.openFor(manager, {
      matchId: pair.matchId,
      networkId: pair.networkId,
      programId: pair.programId,
      mentorId: pair.mentorId,
      menteeId: pair.menteeId,
      active: pair.status === 'active',
      endReason: pair.endReason,
      since: acceptedAt,
    });
  }
}

/**
 * `match.ended`: the pair ends and its conversation closes to new messages,
 * its history still readable. An end for a match never seen accepted is
 * recorded as an ended pair, so a late `accepted` cannot reopen it.
 */
@Injectable()
export class EndPairUseCase {
  constructor(
    private readonly directory: DirectoryLookup,
    private readonly conversations: ConversationLifecycle,
  ) {}

  async execute(manager: EntityManager, data: MatchEndedData): Promise<void> {
    const ids = await liveIds(manager, this.directory, data);
    const endedAt = new Date(data.endedAt);
    await manager.query(
      `INSERT INTO pairs (match_id, network_id, program_id, mentor_id, mentee_id, status, ended_at, end_reason, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'ended', $6, $7, now())
       ON CONFLICT (match_id) DO UPDATE
         SET status = 'ended', ended_at = COALESCE(pairs.ended_at, EXCLUDED.ended_at),
             end_reason = COALESCE(pairs.end_reason, EXCLUDED.end_reason), updated_at = now()`,
      [data.matchId, data.networkId, data.programId, ids.mentorId, ids.menteeId, endedAt, data.reason],
    );
    await this.conversations.closeFor(manager, data.matchId, endedAt, data.reason);
  }
}
