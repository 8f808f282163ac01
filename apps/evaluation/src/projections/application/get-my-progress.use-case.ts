import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { APP_CONFIG } from '@passerelle/platform';
import type { AuthUser } from '@passerelle/platform/auth';
import { DataSource } from 'typeorm';
import type { EvaluationConfig } from '../../config';
import { type ParticipantRatings, participantRatings } from '../domain/participant-ratings';
import type { Scales } from '../domain/program-report';
import { liveGeneration } from '../infrastructure/program-facts.repository';

export interface RoleProgress {
  readonly role: 'mentor' | 'mentee';
  readonly enrolledAt: string | null;
  readonly withdrawnAt: string | null;
  readonly baseline: Scales | null;
  readonly latestSelfAssessment: { readonly form: string; readonly submittedAt: string; readonly scales: Scales } | null;
  readonly goals: ReadonlyArray<{ goalId: string; objective: string | null; metric: string; targetValue: number | null; progressPercent: number; status: string }>;
  readonly sessionsHeld: number;
  readonly lastSessionAt: string | null;
  /** Mentors only: how their mentees rated the sessions, as participantRatings lets a rated person see it. */
  readonly menteeRatings?: ParticipantRatings;
}

const notYours = () =>
  new NotFoundException({ message: 'No such programme.', details: [{ path: 'programId', issue: 'does not name a programme you take part in' }] });

/** Each participant's own progress, from the live projection; nothing in it is another person's answer (docs/privacy.md). */
@Injectable()
export class GetMyProgressUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: EvaluationConfig,
  ) {}

  async execute(caller: AuthUser, programId: string): Promise<{ programId: string; roles: RoleProgress[] }> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const generation = await liveGeneration(manager);
      const query = async <T>(sql: string, parameters: unknown[]): Promise<T[]> => (await manager.query(sql, parameters)) as T[];
      const enrollments = await query<{ role: 'mentor' | 'mentee'; baseline: Scales | null; enrolled_at: Date | null; withdrawn_at: Date | null }>(
        `SELECT role, baseline, enrolled_at, withdrawn_at FROM p_enrollments
          WHERE generation = $1 AND program_id = $2 AND user_id = $3 AND network_id = $4 ORDER BY role`,
        [generation, programId, caller.userId, caller.networkId],
      );
      if (enrollments.length === 0) throw notYours();
      const roles: RoleProgress[] = [];
      for (const enrollment of enrollments) {
        const side = enrollment.role === 'mentor' ? 'mentor_id' : 'mentee_id';
        const goals = await query<{ goal_id: string; objective: string | null; metric: string; target_value: number | null; progress_percent: number | null; status: string | null }>(
          `SELECT goal_id, objective, metric, target_value, progress_percent, status FROM p_goals
            WHERE generation = $1 AND program_id = $2 AND user_id = $3 AND role = $4 ORDER BY goal_id`,
          [generation, programId, caller.userId, enrollment.role],
        );
        const [sessions] = await query<{ held: number; last: Date | null }>(
          `SELECT count(*)::int AS held, max(starts_at) AS last FROM p_sessions
            WHERE generation = $1 AND program_id = $2 AND ${side} = $3 AND completed_at IS NOT NULL`,
          [generation, programId, caller.userId],
        );
        const [latest] = await query<{ form: string; submitted_at: Date; scales: Scales }>(
          `SELECT form, submitted_at, scales FROM p_feedback
            WHERE generation = $1 AND program_id = $2 AND respondent_id = $3 AND respondent_role = $4 AND scales IS NOT NULL
            ORDER BY submitted_at DESC LIMIT 1`,
          [generation, programId, caller.userId, enrollment.role],
        );
        let menteeRatings: RoleProgress['menteeRatings'];
        if (enrollment.role === 'mentor') {
          const ratings = await query<{ respondent_id: string; satisfaction: number }>(
            `SELECT f.respondent_id, f.satisfaction FROM p_feedback f JOIN p_matches m ON m.generation = f.generation AND m.match_id = f.match_id
              WHERE f.generation = $1 AND f.program_id = $2 AND f.form = 'session' AND f.respondent_role = 'mentee' AND m.mentor_id = $3
              ORDER BY f.submitted_at, f.feedback_id`,
            [generation, programId, caller.userId],
          );
          menteeRatings = participantRatings(
            ratings.map((row) => ({ raterId: row.respondent_id, value: row.satisfaction })),
            this.config.participantRatingMinRaters,
          );
        }
        roles.push({
          role: enrollment.role,
          enrolledAt: enrollment.enrolled_at?.toISOString() ?? null,
          withdrawnAt: enrollment.withdrawn_at?.toISOString() ?? null,
          baseline: enrollment.baseline,
          latestSelfAssessment: latest ? { form: latest.form, submittedAt: latest.submitted_at.toISOString(), scales: latest.scales } : null,
          goals: goals.map((goal) => ({
            goalId: goal.goal_id,
            objective: goal.objective,
            metric: goal.metric,
            targetValue: goal.target_value,
            progressPercent: goal.progress_percent ?? 0,
            status: goal.status ?? 'in_progress',
          })),
          sessionsHeld: sessions?.held ?? 0,
          lastSessionAt: sessions?.last?.toISOString() ?? null,
          ...(menteeRatings ? { menteeRatings } : {}),
        });
      }
      return { programId, roles };
    });
  }
}
