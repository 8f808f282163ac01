import { ForbiddenException, Injectable } from '@nestjs/common';
import { matchEnded } from '@passerelle/contracts';
import type { AuthUser } from '@passerelle/platform/auth';
import { canManageNetwork } from '@passerelle/platform/auth';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource } from 'typeorm';
import { MatchingProgramEntity } from '../../pool/infrastructure/program.entity';
import { assertAllowed, endsEarly } from '../domain/match-lifecycle';
import type { MatchEntity } from '../infrastructure/match.entity';
import { MatchCloser } from './match-closer';
import { loadMatchForChange, sideOf, transitionOr409 } from './match-access';
import { pairOf } from './match-events';

/**
 * An active match ends early at a participant's request, or by an organizer's
 * decision with a reason; the mentee can then be matched again.
 */
@Injectable()
export class EndMatchUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(caller: AuthUser, id: string, note: string | null): Promise<MatchEntity> {
    return this.dataSource.transaction(async (manager) => {
      const match = await loadMatchForChange(manager, caller, id);
      const side = sideOf(caller, match);
      const organizer = canManageNetwork(caller, match.networkId);
      if (!side && !organizer) throw new ForbiddenException({ message: 'Only the pair or an organizer ends a match.' });
      transitionOr409(() => assertAllowed('end', match.status));
      const now = new Date();
      const program = await manager.findOneByOrFail(MatchingProgramEntity, { id: match.programId });
      const endedBy = side ?? 'organizer';
      const reason = side ? 'participant_request' : 'organizer_decision';
      Object.assign(match, { status: 'ended', endedBy, endReason: reason, reasonNote: side ? match.reasonNote : note, closedAt: now, version: match.version + 1 });
      await this.outbox.append(manager, matchEnded, { ...pairOf(match), endedBy, reason, early: endsEarly(program.endsOn, now), endedAt: now.toISOString() });
      return manager.save(match);
    });
  }
}

/** An organizer cancels a match with a reason: a proposal is declined, an active match ends. */
@Injectable()
export class CancelMatchUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly closer: MatchCloser,
  ) {}

  execute(caller: AuthUser, id: string, note: string): Promise<MatchEntity> {
    return this.dataSource.transaction(async (manager) => {
      const match = await loadMatchForChange(manager, caller, id);
      if (!canManageNetwork(caller, match.networkId)) throw new ForbiddenException({ message: 'Only an organizer cancels a match; participants decline or end it.' });
      transitionOr409(() => assertAllowed('cancel', match.status));
      const [closed] = await this.closer.closeOpen(manager, { matchId: match.id }, { declinedBy: 'organizer', endedBy: 'organizer', reason: 'organizer_decision', note });
      return closed;
    });
  }
}
