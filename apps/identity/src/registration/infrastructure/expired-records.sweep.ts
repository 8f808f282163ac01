import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, PLATFORM_LOGGER } from '@passerelle/platform';
import { inBatches, PeriodicSweep } from '@passerelle/platform/database';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { IdentityConfig } from '../../config';
import { LOGIN_THROTTLE } from '../../tokens/domain/attempt-throttle';
import { AttemptThrottleStore } from '../../tokens/infrastructure/attempt-throttle.store';

const EVERY_MS = 5 * 60_000;
/** Rows per transaction, so one sweep never holds many locks for long. */
const BATCH = 500;

/**
 * Deletes what is past its use, so personal data is not kept longer than it
 * serves: one-time tokens past their expiry (a registration waiting for its
 * link holds an address, a name and a password hash; an invitation, an
 * address) and throttle attempts past every window. An expired link is
 * refused like an unknown one, so nothing changes for its holder. Rows
 * are claimed with `FOR UPDATE SKIP LOCKED`, in batches: replicas sweeping
 * at once share the rows, and each row is deleted by exactly one of them.
 */
@Injectable()
export class ExpiredRecordsSweep extends PeriodicSweep {
  constructor(
    private readonly dataSource: DataSource,
    private readonly throttle: AttemptThrottleStore,
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
    @Inject(PLATFORM_LOGGER) logger: Logger,
  ) {
    super('expired records sweep', EVERY_MS, logger);
  }

  async sweep(): Promise<{ tokens: number; attempts: number }> {
    const tokens = await inBatches(BATCH, async () => {
      const [, deleted] = (await this.dataSource.query(
        `DELETE FROM one_time_tokens WHERE id IN (SELECT id FROM one_time_tokens WHERE expires_at <= now() LIMIT $1 FOR UPDATE SKIP LOCKED)`,
        [BATCH],
      )) as [unknown, number];
      return deleted;
    });
    const longestWindowMs = Math.max(
      LOGIN_THROTTLE.perAccount.windowMs,
      LOGIN_THROTTLE.perClient.windowMs,
      this.config.accountThrottleWindowMinutes * 60_000,
    );
    const attempts = await this.throttle.prune(longestWindowMs, BATCH);
    return { tokens, attempts };
  }
}
