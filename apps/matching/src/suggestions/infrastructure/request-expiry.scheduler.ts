import { Inject, Injectable } from '@nestjs/common';
import { matchDeclined, matchRequestExpiring } from '@passerelle/contracts';
import { APP_CONFIG, PLATFORM_LOGGER } from '@passerelle/platform';
import { inBatches, PeriodicSweep } from '@passerelle/platform/database';
import { OutboxWriter } from '@passerelle/platform/outbox';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { MatchingConfig } from '../../config';
import { pairOf } from '../../matches/application/match-events';
import { MatchEntity } from '../../matches/infrastructure/match.entity';

/** Rows per transaction, so one sweep never holds many locks for long. */
const BATCH = 100;

/**
 * Reminds mentors of requests about to expire, then expires them (issue 5,
 * item 4). A `PeriodicSweep`: rows are claimed with FOR UPDATE SKIP LOCKED
 * and marked in the same transaction as their event, so restarts and several
 * replicas neither miss nor double anything.
 */
@Injectable()
export class RequestExpiryScheduler extends PeriodicSweep {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    @Inject(APP_CONFIG) private readonly config: MatchingConfig,
    @Inject(PLATFORM_LOGGER) logger: Logger,
  ) {
    super('request sweep', config.requestSweepSeconds * 1000, logger);
  }

  /** One pass: reminders first (a request about to expire gets its reminder before it goes), then expiries. */
  async sweep(now = new Date()): Promise<{ reminded: number; expired: number }> {
    const reminded = await inBatches(BATCH, () => this.remindBatch(now));
    const expired = await inBatches(BATCH, () => this.expireBatch(now));
    return { reminded, expired };
  }

  private remindBatch(now: Date): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due = await manager
        .createQueryBuilder(MatchEntity, 'match')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where("match.status = 'proposed' AND match.reminded_at IS NULL AND match.respond_by > :now", { now })
        .andWhere('match.respond_by <= :horizon', { horizon: new Date(now.getTime() + this.config.requestReminderSeconds * 1000) })
        .orderBy('match.respond_by')
        .take(BATCH)
        .getMany();
      for (const match of due) {
        match.remindedAt = now;
        await this.outbox.append(manager, matchRequestExpiring, { ...pairOf(match), respondBy: match.respondBy!.toISOString(), remindedAt: now.toISOString() });
      }
      await manager.save(due);
      return due.length;
    });
  }

  private expireBatch(now: Date): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due = await manager
        .createQueryBuilder(MatchEntity, 'match')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where("match.status = 'proposed' AND match.respond_by <= :now", { now })
        .orderBy('match.respond_by')
        .take(BATCH)
        .getMany();
      for (const match of due) {
        Object.assign(match, { status: 'declined', declinedBy: 'system', declineReason: 'expired', closedAt: now, version: match.version + 1 });
        await this.outbox.append(manager, matchDeclined, { ...pairOf(match), declinedBy: 'system', reason: 'expired', declinedAt: now.toISOString() });
      }
      await manager.save(due);
      return due.length;
    });
  }
}
