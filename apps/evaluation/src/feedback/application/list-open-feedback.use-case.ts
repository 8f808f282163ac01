import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@passerelle/platform';
import type { AuthUser } from '@passerelle/platform/auth';
import { DataSource } from 'typeorm';
import type { EvaluationConfig } from '../../config';
import { liveGeneration } from '../../projections/infrastructure/program-facts.repository';
import { sessionFeedbackRefusal, surveyRefusal } from '../domain/feedback-window';

export interface OpenSessionFeedback {
  readonly sessionId: string;
  readonly matchId: string;
  readonly programId: string;
  readonly role: 'mentor' | 'mentee';
  /** The other side of the pair, whose name the page reads from their public profile. */
  readonly partnerId: string;
  readonly startsAt: string;
  readonly completedAt: string;
}

export interface OpenSurvey {
  readonly programId: string;
  readonly form: 'pulse' | 'exit';
  readonly role: 'mentor' | 'mentee';
  /** The programme's last day: the pulse closes after it; the exit survey stays open. */
  readonly endsOn: string | null;
}

/** How many held sessions waiting for feedback are listed, most recent first. */
const SESSION_LIMIT = 50;

/**
 * What the caller may answer now: feedback on each held session of their
 * pairs they have not rated yet, and each pulse or exit survey whose window
 * is open and which they have not answered. The same rules as a submission
 * (feedback-window.ts), so a form listed here is one the service accepts.
 */
@Injectable()
export class ListOpenFeedbackUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: EvaluationConfig,
  ) {}

  async execute(caller: AuthUser, now = new Date()): Promise<{ sessions: OpenSessionFeedback[]; surveys: OpenSurvey[] }> {
    if (caller.kind !== 'user') return { sessions: [], surveys: [] };
    const manager = this.dataSource.manager;
    const generation = await liveGeneration(manager);
    const at = now.toISOString();
    const sessionRows = (await manager.query(
      `SELECT s.session_id, s.match_id, s.program_id, s.mentor_id, s.mentee_id, s.starts_at, s.completed_at
         FROM p_sessions s
        WHERE s.generation = $1 AND s.network_id = $2 AND (s.mentor_id = $3 OR s.mentee_id = $3) AND s.completed_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.form = 'session' AND f.session_id = s.session_id AND f.respondent_id = $3)
        ORDER BY s.starts_at DESC
        LIMIT ${SESSION_LIMIT}`,
      [generation, caller.networkId, caller.userId],
    )) as Array<{ session_id: string; match_id: string; program_id: string; mentor_id: string; mentee_id: string; starts_at: Date; completed_at: Date }>;
    const sessions = sessionRows
      .filter((row) => sessionFeedbackRefusal({ mentorId: row.mentor_id, menteeId: row.mentee_id, startsAt: row.starts_at.toISOString(), completedAt: row.completed_at.toISOString() }, caller.userId, at) === null)
      .map((row) => {
        const role = row.mentor_id === caller.userId ? ('mentor' as const) : ('mentee' as const);
        return {
          sessionId: row.session_id,
          matchId: row.match_id,
          programId: row.program_id,
          role,
          partnerId: role === 'mentor' ? row.mentee_id : row.mentor_id,
          startsAt: row.starts_at.toISOString(),
          completedAt: row.completed_at.toISOString(),
        };
      });

    const programRows = (await manager.query(
      `SELECT e.program_id, e.role, e.withdrawn_at, p.starts_on::text, p.ends_on::text, p.closed_at,
              EXISTS (SELECT 1 FROM p_matches m WHERE m.generation = $1 AND m.program_id = e.program_id AND m.ended_at IS NOT NULL AND (m.mentor_id = $3 OR m.mentee_id = $3)) AS match_ended,
              ARRAY(SELECT f.form FROM feedback f WHERE f.program_id = e.program_id AND f.respondent_id = $3 AND f.form IN ('pulse', 'exit')) AS answered
         FROM p_enrollments e
         JOIN p_programs p ON p.generation = e.generation AND p.program_id = e.program_id
        WHERE e.generation = $1 AND e.network_id = $2 AND e.user_id = $3
        ORDER BY p.ends_on, e.program_id, e.role DESC`,
      [generation, caller.networkId, caller.userId],
    )) as Array<{
      program_id: string;
      role: 'mentor' | 'mentee';
      withdrawn_at: Date | null;
      starts_on: string | null;
      ends_on: string | null;
      closed_at: Date | null;
      match_ended: boolean;
      answered: string[];
    }>;
    const surveys: OpenSurvey[] = [];
    for (const form of ['pulse', 'exit'] as const) {
      const listed = new Set<string>();
      for (const row of programRows) {
        // As on submission: the exit survey is for everyone who took part, the pulse for those still in.
        if (listed.has(row.program_id) || row.answered.includes(form) || (form === 'pulse' && row.withdrawn_at !== null)) continue;
        const refusal = surveyRefusal(
          form,
          { startsOn: row.starts_on, endsOn: row.ends_on, closedAt: row.closed_at?.toISOString() ?? null, matchEnded: row.match_ended, exitOpensDaysBeforeEnd: this.config.exitSurveyOpensDaysBeforeEnd },
          at,
        );
        if (refusal) continue;
        listed.add(row.program_id);
        surveys.push({ programId: row.program_id, form, role: row.role, endsOn: row.ends_on });
      }
    }
    return { sessions, surveys };
  }
}
