import { Injectable } from '@nestjs/common';
import { inBatches } from '@passerelle/platform/database';
import { TooManyRequestsException } from '@passerelle/platform/http';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { type ThrottlePolicy, waitMs } from '../domain/attempt-throttle';

/**
 * The throttles' memory, in PostgreSQL so it holds across replicas. Every
 * attempt is recorded *before* it is looked at, under a lock per account
 * (or per address when there is no account), so a burst of parallel
 * attempts cannot all slip under the limit; an attempt that turns out not
 * to count (right credentials) is then taken back.
 */
@Injectable()
export class AttemptThrottleStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records an attempt, or refuses it with 429 and Retry-After. `accountKey`
   * is null when the attempt names no known account (e.g. an unknown link):
   * it then counts for the client address only. Returns the attempt's id.
   */
  async begin(policy: ThrottlePolicy, accountKey: string | null, address: string): Promise<string> {
    const { action, perAccount, perClient } = policy;
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`identity:${action}:${accountKey ?? address}`]);
      const [{ now }] = (await manager.query('SELECT now() AS now')) as { now: Date }[];
      const since = (windowMs: number) => new Date(now.getTime() - windowMs);
      const attemptsOf = async (column: 'account_key' | 'address', key: string, windowMs: number) =>
        (
          (await manager.query(`SELECT attempted_at FROM throttle_attempts WHERE ${column} = $1 AND action = $2 AND attempted_at > $3`, [
            key,
            action,
            since(windowMs),
          ])) as { attempted_at: Date }[]
        ).map((row) => row.attempted_at);
      const wait = Math.max(
        accountKey ? waitMs(perAccount, await attemptsOf('account_key', accountKey, perAccount.windowMs), now) : 0,
        waitMs(perClient, await attemptsOf('address', address, perClient.windowMs), now),
      );
      if (wait > 0) throw new TooManyRequestsException(Math.ceil(wait / 1000), 'Too many attempts; retry later.');

      const id = uuidv7();
      await manager.query('INSERT INTO throttle_attempts (id, action, account_key, address, attempted_at) VALUES ($1, $2, $3, $4, $5)', [
        id,
        action,
        accountKey,
        address,
        now,
      ]);
      // Rows past every window only cost space; this account's and address's are pruned as they come.
      await manager.query('DELETE FROM throttle_attempts WHERE (account_key = $1 OR address = $2) AND action = $3 AND attempted_at < $4', [
        accountKey,
        address,
        action,
        since(Math.max(perAccount.windowMs, perClient.windowMs)),
      ]);
      return id;
    });
  }

  /**
   * The attempt was legitimate (right credentials): it does not count, and
   * the account's earlier failures no longer hold it back. The address keeps
   * them, so one good account does not launder guesses at others.
   */
  async succeeded(policy: ThrottlePolicy, attemptId: string, accountKey: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('DELETE FROM throttle_attempts WHERE id = $1', [attemptId]);
      if (accountKey) {
        await manager.query('UPDATE throttle_attempts SET account_key = NULL WHERE account_key = $1 AND action = $2', [accountKey, policy.action]);
      }
    });
  }

  /**
   * Deletes the attempts older than `windowMs` (the longest window of any
   * throttle), `batch` rows per transaction; returns how many this call
   * deleted. Rows are claimed with `SKIP LOCKED`, so replicas pruning at once
   * share the rows rather than queue on them.
   */
  async prune(windowMs: number, batch: number): Promise<number> {
    return inBatches(batch, async () => {
      const [, deleted] = (await this.dataSource.query(
        `DELETE FROM throttle_attempts WHERE id IN (
           SELECT id FROM throttle_attempts WHERE attempted_at < now() - make_interval(secs => $1) LIMIT $2 FOR UPDATE SKIP LOCKED)`,
        [windowMs / 1000, batch],
      )) as [unknown, number];
      return deleted;
    });
  }
}
