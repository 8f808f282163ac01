import { Injectable } from '@nestjs/common';
import { TooManyRequestsException } from '@passerelle/platform/http';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE, accountWaitMs, addressWaitMs } from '../domain/login-throttle';

/**
 * The throttle's memory, in PostgreSQL so it holds across replicas. Every
 * attempt is recorded as a failure *before* the credentials are checked,
 * under a lock per account, so a burst of parallel guesses cannot all slip
 * under the limit; a success then takes its row back.
 */
@Injectable()
export class LoginThrottleStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Records an attempt, or refuses it with 429 and Retry-After. Returns the attempt's id. */
  async begin(accountKey: string, address: string): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`identity:login:${accountKey}`]);
      const [{ now }] = (await manager.query('SELECT now() AS now')) as { now: Date }[];
      const since = (windowMs: number) => new Date(now.getTime() - windowMs);
      const accountFailures = (await manager.query(
        'SELECT attempted_at FROM login_attempts WHERE account_key = $1 AND attempted_at > $2',
        [accountKey, since(ACCOUNT_THROTTLE.windowMs)],
      )) as { attempted_at: Date }[];
      const addressFailures = (await manager.query(
        'SELECT attempted_at FROM login_attempts WHERE address = $1 AND attempted_at > $2',
        [address, since(ADDRESS_THROTTLE.windowMs)],
      )) as { attempted_at: Date }[];
      const waitMs = Math.max(
        accountWaitMs(accountFailures.map((row) => row.attempted_at), now),
        addressWaitMs(addressFailures.map((row) => row.attempted_at), now),
      );
      if (waitMs > 0) throw new TooManyRequestsException(Math.ceil(waitMs / 1000), 'Too many failed attempts; retry later.');

      const id = uuidv7();
      await manager.query('INSERT INTO login_attempts (id, account_key, address, attempted_at) VALUES ($1, $2, $3, $4)', [
        id,
        accountKey,
        address,
        now,
      ]);
      // Rows past every window only cost space; this account's and address's are pruned as they come.
      await manager.query('DELETE FROM login_attempts WHERE (account_key = $1 OR address = $2) AND attempted_at < $3', [
        accountKey,
        address,
        since(Math.max(ACCOUNT_THROTTLE.windowMs, ADDRESS_THROTTLE.windowMs)),
      ]);
      return id;
    });
  }

  /**
   * The credentials were right: this attempt was no failure, and the
   * account's earlier failures no longer back it off. The address keeps
   * them, so one good account does not launder guesses at others.
   */
  async succeeded(attemptId: string, accountKey: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('DELETE FROM login_attempts WHERE id = $1', [attemptId]);
      await manager.query('UPDATE login_attempts SET account_key = NULL WHERE account_key = $1', [accountKey]);
    });
  }
}
