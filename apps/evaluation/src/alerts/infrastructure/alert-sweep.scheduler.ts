import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, PLATFORM_LOGGER } from '@passerelle/platform';
import { inBatches, PeriodicSweep } from '@passerelle/platform/database';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { EvaluationConfig } from '../../config';
import { liveGeneration } from '../../projections/infrastructure/program-facts.repository';
import { PairJudge } from '../application/pair-judge';

/** Pairs per transaction, so one sweep never holds many locks for long. */
const BATCH = 50;

/**
 * The durable at-risk sweep. "No session in twice the cadence" becomes true
 * with time passing, not with an event, so pairs are judged again on a
 * schedule kept in the database (`pair_watch.next_check_at`); new events make
 * a pair due at once. A `PeriodicSweep`: due pairs are claimed with FOR
 * UPDATE SKIP LOCKED, so several replicas share the work and never judge one
 * pair twice at once.
 */
@Injectable()
export class AlertSweepScheduler extends PeriodicSweep {
  constructor(
    private readonly dataSource: DataSource,
    private readonly judge: PairJudge,
    @Inject(APP_CONFIG) private readonly config: EvaluationConfig,
    @Inject(PLATFORM_LOGGER) logger: Logger,
  ) {
    super('at-risk sweep', config.alertSweepIntervalMs, logger);
  }

  /** Judges every pair due at `now`; returns how many were judged. */
  async sweep(now = new Date()): Promise<number> {
    return inBatches(BATCH, () =>
      this.dataSource.transaction(async (manager) => {
        const due = (await manager.query(
          `SELECT match_id FROM pair_watch WHERE next_check_at <= $1 ORDER BY next_check_at, match_id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
          [now],
        )) as Array<{ match_id: string }>;
        const generation = due.length > 0 ? await liveGeneration(manager) : 0;
        for (const { match_id: matchId } of due) {
          const watching = await this.judge.judge(manager, generation, matchId, now);
          if (watching) {
            await manager.query(`UPDATE pair_watch SET next_check_at = $2 WHERE match_id = $1`, [matchId, new Date(now.getTime() + this.config.pairRecheckIntervalMs)]);
          } else {
            await manager.query(`DELETE FROM pair_watch WHERE match_id = $1`, [matchId]);
          }
        }
        return due.length;
      }),
    );
  }
}
