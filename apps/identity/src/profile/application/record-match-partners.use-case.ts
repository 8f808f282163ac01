import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { nextPartnershipState, type PartnershipState } from '../domain/match-partnership';
import { MatchPartnerEntity } from '../infrastructure/match-partner.entity';

export interface MatchPair {
  readonly matchId: string;
  readonly networkId: string;
  readonly mentorId: string;
  readonly menteeId: string;
}

/** Keeps a pair's state as matching's events tell it, forward only (they may arrive out of order). */
@Injectable()
export class RecordMatchPartnersUseCase {
  async execute(manager: EntityManager, pair: MatchPair, incoming: PartnershipState): Promise<void> {
    const current = await manager.findOne(MatchPartnerEntity, { where: { matchId: pair.matchId }, lock: { mode: 'pessimistic_write' } });
    const state = nextPartnershipState(current?.state ?? null, incoming);
    if (current && current.state === state) return;
    await manager.save(MatchPartnerEntity, { matchId: pair.matchId, networkId: pair.networkId, mentorId: pair.mentorId, menteeId: pair.menteeId, state, updatedAt: new Date() });
  }
}
