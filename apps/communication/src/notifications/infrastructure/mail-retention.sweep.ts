import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, PLATFORM_LOGGER } from '@passerelle/platform';
import { inBatches, PeriodicSweep } from '@passerelle/platform/database';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { CommunicationConfig } from '../../config';

/** Rows per transaction, so one sweep never holds many locks for long. */
const BATCH = 500;

/**
 * Deletes mails finished (sent, or given up on) more than MAIL_RETENTION_DAYS
 * ago: a mail holds an address and a text naming people, and past the days
 * when someone may ask whether it left, it serves no one. Rows are claimed
 * with `FOR UPDATE SKIP LOCKED`, so replicas sweeping at once share the work
 * instead of waiting on each other; each row is deleted by exactly one.
 * Pending mails are never touched: the sender still owes them.
 */
@Injectable()
export class MailRetentionSweep extends PeriodicSweep {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: CommunicationConfig,
    @Inject(PLATFORM_LOGGER) logger: Logger,
  ) {
    super('mail retention sweep', config.mailPurgeIntervalMs, logger);
  }

  /** Deletes what finished before `now` minus the retention; returns how many mails this instance deleted. */
  async sweep(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - this.config.mailRetentionDays * 86_400_000);
    return inBatches(BATCH, async () => {
      const [, deleted] = (await this.dataSource.query(
        `DELETE FROM mail_deliveries WHERE id IN (
           SELECT id FROM mail_deliveries
            WHERE status <> 'pending' AND COALESCE(sent_at, created_at) < $1
            LIMIT $2 FOR UPDATE SKIP LOCKED)`,
        [before, BATCH],
      )) as [unknown, number];
      return deleted;
    });
  }
}
