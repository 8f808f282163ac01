import { Injectable } from '@nestjs/common';
import { matchAccepted, matchDeclined } from '@passerelle/contracts';
import type { AuthUser } from '@passerelle/platform/auth';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource } from 'typeorm';
import { accept, assertAllowed, type DeclineReason } from '../domain/match-lifecycle';
import type { MatchEntity } from '../infrastructure/match.entity';
import { loadMatchForChange, participantSide, transitionOr409 } from './match-access';
import { pairOf } from './match-events';

/** A participant accepts; when the other side has too, the match is active and `match.accepted` goes out. */
@Injectable()
export class AcceptMatchUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(caller: AuthUser, id: string): Promise<MatchEntity> {
    return this.dataSource.transaction(async (manager) => {
      const match = await loadMatchForChange(manager, caller, id);
      const side = participantSide(caller, match);
      const now = new Date();
      const next = transitionOr409(() => accept(match, side, now));
      Object.assign(match, next, { version: match.version + 1 });
      if (next.status === 'active') {
        match.acceptedAt = now;
        await this.outbox.append(manager, matchAccepted, { ...pairOf(match), acceptedAt: now.toISOString() });
      }
      return manager.save(match);
    });
  }
}

/**
 * A participant declines a proposal: the mentee returns to the pool and this
 * pair is not proposed again (issue 5, item 5).
 */
@Injectable()
export class DeclineMatchUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(caller: AuthUser, id: string, reason: DeclineReason): Promise<MatchEntity> {
    return this.dataSource.transaction(async (manager) => {
      const match = await loadMatchForChange(manager, caller, id);
      const side = participantSide(caller, match);
      transitionOr409(() => assertAllowed('decline', match.status));
      const now = new Date();
      Object.assign(match, { status: 'declined', declinedBy: side, declineReason: reason, closedAt: now, version: match.version + 1 });
      await this.outbox.append(manager, matchDeclined, { ...pairOf(match), declinedBy: side, reason, declinedAt: now.toISOString() });
      return manager.save(match);
    });
  }
}
