import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource, type EntityManager } from 'typeorm';
import { PLATFORM_LOGGER } from '../platform-tokens';
import { type RevocationListener, RevokedEpochs } from './revoked-epochs';

/** How often each replica reads the revocations recorded since its last read. */
export const REVOCATION_POLL_INTERVAL_MS = 1_000;
/**
 * Each read goes back this far before the previous one: a revocation is
 * stamped when its statement runs but only visible once its transaction
 * commits, so one whose transaction was slow would otherwise fall between
 * two reads. Reading a row again is harmless (epochs only rise).
 */
const COMMIT_MARGIN = '30 seconds';

export interface Revocation {
  readonly accountId: string;
  readonly networkId: string;
  /** The lowest token epoch still accepted. */
  readonly tokenEpoch: number;
  readonly revokedAt: string;
}

/**
 * Writes a revocation into the service's `token_revocations`, in the
 * caller's transaction (identity's own, or the inbox's for everyone else).
 * Epochs only rise, so a redelivered or late event never lowers one.
 */
export async function recordRevocation(manager: EntityManager, revocation: Revocation): Promise<void> {
  await manager.query(
    `INSERT INTO token_revocations (account_id, network_id, token_epoch, revoked_at)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (account_id) DO UPDATE
       SET token_epoch = EXCLUDED.token_epoch, revoked_at = EXCLUDED.revoked_at, recorded_at = clock_timestamp()
     WHERE token_revocations.token_epoch < EXCLUDED.token_epoch`,
    [revocation.accountId, revocation.networkId, revocation.tokenEpoch, revocation.revokedAt],
  );
}

/**
 * What the access-token guard of this replica knows of revocations. Only
 * one replica of a service consumes a given event, so every replica learns
 * revocations from the database instead: all of them at start, then those
 * recorded since, every REVOCATION_POLL_INTERVAL_MS (an indexed read of a
 * few rows). A revoked token is thus refused by every replica within about
 * a second of the revocation reaching the service.
 */
@Injectable()
export class TokenRevocations implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly epochs = new RevokedEpochs();
  /** The database's clock at the previous read (text keeps its microseconds). */
  private readUpTo = '-infinity';
  private timer?: NodeJS.Timeout;
  private reading?: Promise<void>;
  private failing = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
  ) {}

  /** Reads every recorded revocation before the app takes requests, then keeps up. */
  async onApplicationBootstrap(): Promise<void> {
    await this.readNew();
    this.timer = setInterval(() => {
      this.reading ??= this.readNew().finally(() => (this.reading = undefined));
    }, REVOCATION_POLL_INTERVAL_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.reading;
  }

  refuses(accountId: string, tokenEpoch: number): boolean {
    return this.epochs.refuses(accountId, tokenEpoch);
  }

  /** Applies a revocation this replica just committed, without waiting for the next read. */
  applyNow(accountId: string, tokenEpoch: number): void {
    this.epochs.note(accountId, tokenEpoch);
  }

  onRevoked(listener: RevocationListener): void {
    this.epochs.onRevoked(listener);
  }

  private async readNew(): Promise<void> {
    try {
      const rows: Array<{ account_id: string | null; token_epoch: number | null; read_at: string }> = await this.dataSource.query(
        `WITH clock AS (SELECT clock_timestamp() AS now)
         SELECT r.account_id, r.token_epoch, clock.now::text AS read_at
           FROM clock LEFT JOIN token_revocations r ON r.recorded_at > $1::timestamptz - interval '${COMMIT_MARGIN}'`,
        [this.readUpTo],
      );
      for (const row of rows) if (row.account_id && row.token_epoch !== null) this.epochs.note(row.account_id, row.token_epoch);
      this.readUpTo = rows[0].read_at;
      if (this.failing) this.logger.info('token revocations are read again');
      this.failing = false;
    } catch (error) {
      // Logged once per outage; the next read starts where the last good one did, so nothing is missed.
      if (!this.failing) this.logger.warn({ err: error }, 'could not read token revocations; retrying');
      this.failing = true;
    }
  }
}
