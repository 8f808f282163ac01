import { Inject, Injectable } from '@nestjs/common';
import { PLATFORM_LOGGER } from '@passerelle/platform';
import { inBatches, PeriodicSweep } from '@passerelle/platform/database';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { RefreshTokenRevoker } from '../../tokens/infrastructure/refresh-token.revoker';

const BATCH = 100;
/** Checked every second: the previous secret's tokens end within about a second of the overlap's end, plus propagation. */
const SWEEP_INTERVAL_MS = 1_000;

/**
 * Ends the overlaps of rotated service-account secrets: the previous secret
 * is forgotten and the tokens got with it (the epoch below the account's)
 * are revoked everywhere, in one transaction per batch. Rows are claimed
 * with FOR UPDATE SKIP LOCKED, so replicas share the work without doubling it.
 */
@Injectable()
export class SecretOverlapSweep extends PeriodicSweep {
  constructor(
    private readonly dataSource: DataSource,
    private readonly revoker: RefreshTokenRevoker,
    @Inject(PLATFORM_LOGGER) logger: Logger,
  ) {
    super('secret overlap sweep', SWEEP_INTERVAL_MS, logger);
  }

  sweep(now = new Date()): Promise<number> {
    return inBatches(BATCH, () => this.endBatch(now));
  }

  private endBatch(now: Date): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due: Array<{ id: string; network_id: string; token_epoch: number }> = await manager.query(
        `SELECT id, network_id, token_epoch FROM service_accounts
          WHERE previous_secret_until <= $1 ORDER BY previous_secret_until LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [now],
      );
      for (const account of due) {
        await manager.query('UPDATE service_accounts SET previous_secret_hash = NULL, previous_secret_until = NULL WHERE id = $1', [account.id]);
        await this.revoker.announce(
          manager,
          'service',
          { accountId: account.id, networkId: account.network_id, tokenEpoch: account.token_epoch, revokedAt: now.toISOString() },
          'secret_rotated',
        );
      }
      return due.length;
    });
  }
}
