import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, PLATFORM_LOGGER } from '@passerelle/platform';
import { inBatches, PeriodicSweep } from '@passerelle/platform/database';
import type { Logger } from 'pino';
import { DataSource, type EntityManager } from 'typeorm';
import type { CommunicationConfig } from '../../config';
import { sessionFacts } from '../../sessions/application/session-mails';
import { SessionEntity } from '../../sessions/infrastructure/session.entity';
import { Nudger } from '../application/nudger';
import { daysBetween } from '../domain/cadence';

/** Rows per transaction, so one sweep never holds many locks for long. */
const BATCH = 50;

interface SlippedPair {
  readonly match_id: string;
  readonly network_id: string;
  readonly program_id: string;
  readonly mentor_id: string | null;
  readonly mentee_id: string | null;
  readonly program_name: string;
  readonly cadence_days: number;
  readonly last_activity: Date;
}

/**
 * The reminder scheduler (issue 6, item 3), a `PeriodicSweep`: what is due
 * is claimed with `FOR UPDATE SKIP LOCKED` and marked in the transaction that
 * writes its notifications, mails and `nudge.sent`, so a restart mid-way or
 * several replicas neither miss nor repeat a reminder.
 *
 * - A confirmed session of an active pair starting within
 *   SESSION_REMINDER_LEAD_MINUTES is reminded to both participants once
 *   (`sessions.reminded_at`; a move clears it with the new confirmation).
 * - An active pair of a programme with a cadence, whose last session (or
 *   acceptance) is older than the cadence and who has nothing planned, is
 *   nudged; the next nudge waits one more cadence (`pairs.cadence_nudged_at`).
 */
@Injectable()
export class ReminderScheduler extends PeriodicSweep {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nudger: Nudger,
    @Inject(APP_CONFIG) private readonly config: CommunicationConfig,
    @Inject(PLATFORM_LOGGER) logger: Logger,
  ) {
    super('reminder sweep', config.reminderSweepIntervalMs, logger);
  }

  /** One pass over everything due at `now`; returns how many sessions and pairs were reminded. */
  async sweep(now = new Date()): Promise<{ sessions: number; pairs: number }> {
    const sessions = await inBatches(BATCH, () => this.dataSource.transaction((manager) => this.remindSessions(manager, now)));
    const pairs = await inBatches(BATCH, () => this.dataSource.transaction((manager) => this.nudgeSlippedPairs(manager, now)));
    return { sessions, pairs };
  }

  private async remindSessions(manager: EntityManager, now: Date): Promise<number> {
    const due = await manager
      .createQueryBuilder(SessionEntity, 'session')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where(`session.status = 'confirmed' AND session.reminded_at IS NULL AND session.starts_at > :now`, { now })
      // A pair that ended keeps its sessions for the record, unreminded.
      .andWhere(`EXISTS (SELECT 1 FROM pairs p WHERE p.match_id = session.match_id AND p.status = 'active')`)
      .andWhere('session.starts_at <= :horizon', { horizon: new Date(now.getTime() + this.config.sessionReminderLeadMinutes * 60_000) })
      .orderBy('session.starts_at')
      .take(BATCH)
      .getMany();
    for (const session of due) {
      for (const recipientId of [session.mentorId, session.menteeId]) {
        if (!recipientId) continue;
        await this.nudger.nudge(manager, {
          networkId: session.networkId,
          programId: session.programId,
          matchId: session.matchId,
          sessionId: session.id,
          recipientId,
          reason: 'session_upcoming',
          template: 'session_upcoming',
          data: sessionFacts(session),
          now,
        });
      }
      await manager.update(SessionEntity, { id: session.id }, { remindedAt: now });
    }
    return due.length;
  }

  private async nudgeSlippedPairs(manager: EntityManager, now: Date): Promise<number> {
    const cadence = 'make_interval(days => c.cadence_days)';
    const due: SlippedPair[] = await manager.query(
      `SELECT p.match_id, p.network_id, p.program_id, p.mentor_id, p.mentee_id, c.name AS program_name, c.cadence_days, l.last_activity
         FROM pairs p
         JOIN cohort_programs c ON c.id = p.program_id
         CROSS JOIN LATERAL (
           SELECT GREATEST(p.accepted_at, (SELECT max(s.starts_at) FROM sessions s
                                            WHERE s.match_id = p.match_id AND s.status IN ('confirmed', 'completed') AND s.starts_at <= $1)) AS last_activity
         ) l
        WHERE p.status = 'active' AND p.accepted_at IS NOT NULL AND c.status = 'published' AND c.cadence_days IS NOT NULL
          AND (p.cadence_nudged_at IS NULL OR p.cadence_nudged_at <= $1 - ${cadence})
          AND l.last_activity <= $1 - ${cadence}
          AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.match_id = p.match_id AND s.status IN ('proposed', 'confirmed') AND s.starts_at > $1)
        ORDER BY p.match_id
        LIMIT ${BATCH}
        FOR UPDATE OF p SKIP LOCKED`,
      [now],
    );
    for (const pair of due) {
      for (const recipientId of [pair.mentor_id, pair.mentee_id]) {
        if (!recipientId) continue;
        await this.nudger.nudge(manager, {
          networkId: pair.network_id,
          programId: pair.program_id,
          matchId: pair.match_id,
          recipientId,
          reason: 'cadence_slipped',
          template: 'cadence_slipped',
          data: { programName: pair.program_name, cadenceDays: pair.cadence_days, daysSince: daysBetween(pair.last_activity, now) },
          now,
        });
      }
      await manager.query('UPDATE pairs SET cadence_nudged_at = $2 WHERE match_id = $1', [pair.match_id, now]);
    }
    return due.length;
  }
}
