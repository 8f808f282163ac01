import { ForbiddenException, Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { canManageNetwork } from '@passerelle/platform/auth';
import { DataSource } from 'typeorm';
import { assertAllowed } from '../domain/match-lifecycle';
import type { MatchEntity } from '../infrastructure/match.entity';
import { MatchCloser } from './match-closer';
import { loadMatchForChange, sideOf, transitionOr409 } from './match-access';

/**
 * An active match ends early at a participant's request, or by an organizer's
 * decision with a reason; the mentee can then be matched again.
 */
@Injectable()
export class EndMatchUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly closer: MatchCloser,
  ) {}

  execute(caller: AuthUser, id: string, note: string | null): Promise<MatchEntity> {
    return this.dataSource.transaction(async (manager) => {
      const match = await loadMatchForChange(manager, caller, id);
      const side = sideOf(caller, match);
      if (!side && !canManageNetwork(caller, match.networkId)) throw new ForbiddenException({ message: 'Only the pair or an organizer ends a match.' });
      transitionOr409(() => assertAllowed('end', match.status));
      const closing = side
        ? ({ declinedBy: side, endedBy: side, reason: 'participant_request' } as const)
        : ({ declinedBy: 'organizer', endedBy: 'organizer', reason: 'organizer_decision', note } as const);
      const [ended] = await this.closer.closeOpen(manager, { matchId: match.id }, closing);
      return ended;
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
