import type { EntityManager } from 'typeorm';
import type { SessionFacts } from '../domain/pair-health';
import type { ProgramFacts } from '../domain/program-report';

const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

/** The columns of p_sessions the at-risk rules read (the report and the alert sweep load them alike). */
export const SESSION_FACT_COLUMNS = 'starts_at, completed_at, no_show_at, cancelled_at, cancelled_by, rescheduled_at, rescheduled_by';

export interface SessionFactRow {
  starts_at: Date;
  completed_at: Date | null;
  no_show_at: Date | null;
  cancelled_at: Date | null;
  cancelled_by: string | null;
  rescheduled_at: Date | null;
  rescheduled_by: string | null;
}

export const toSessionFacts = (row: SessionFactRow): SessionFacts => ({
  startsAt: row.starts_at.toISOString(),
  completedAt: iso(row.completed_at),
  noShowAt: iso(row.no_show_at),
  cancelledAt: iso(row.cancelled_at),
  cancelledBy: row.cancelled_by,
  rescheduledAt: iso(row.rescheduled_at),
  rescheduledBy: row.rescheduled_by,
});

/** The generation reports and alerts read. */
export async function liveGeneration(manager: EntityManager): Promise<number> {
  const [row] = (await manager.query(`SELECT generation FROM projection_generations WHERE state = 'live'`)) as Array<{ generation: number }>;
  if (!row) throw new Error('no live projection generation');
  return row.generation;
}

/**
 * The generations an event is written to: the live one, and the one a
 * rebuild is filling. FOR SHARE makes the swap wait for handlers in flight.
 */
export async function writeGenerations(manager: EntityManager): Promise<number[]> {
  const rows = (await manager.query(
    `SELECT generation FROM projection_generations WHERE state IN ('live', 'building') ORDER BY generation FOR SHARE`,
  )) as Array<{ generation: number }>;
  return rows.map((row) => row.generation);
}

/** Everything the KPIs of one programme are computed from; null when the programme is not one of this network's. */
export async function loadProgramFacts(manager: EntityManager, generation: number, networkId: string, programId: string): Promise<ProgramFacts | null> {
  const [program] = (await manager.query(
    `SELECT objectives, cadence_days, default_capacity FROM p_programs WHERE generation = $1 AND program_id = $2 AND network_id = $3`,
    [generation, programId, networkId],
  )) as Array<{ objectives: string[] | null; cadence_days: number | null; default_capacity: number | null }>;
  if (!program) return null;
  const rows = async <T>(sql: string): Promise<T[]> => (await manager.query(sql, [generation, programId, networkId])) as T[];
  const scope = 'generation = $1 AND program_id = $2 AND network_id = $3';
  // One after the other: the queries share the transaction's connection.
  const [enrollments, goals, matches, sessions, messages, gatherings, resources, completions, feedback, counts] = await sequentially([
    () => rows<{ user_id: string; role: string; capacity: number | null; baseline: ProgramFacts['enrollments'][number]['baseline']; enrolled_at: Date | null; withdrawn_at: Date | null }>(
      `SELECT user_id, role, capacity, baseline, enrolled_at, withdrawn_at FROM p_enrollments WHERE ${scope} ORDER BY enrollment_id`,
    ),
    () => rows<{ user_id: string; objective: string | null; set_version: string | null; progress_percent: number | null; status: string | null }>(
      `SELECT user_id, objective, set_version, progress_percent, status FROM p_goals WHERE ${scope} ORDER BY goal_id`,
    ),
    () => rows<{ match_id: string; mentor_id: string; mentee_id: string; proposed_at: Date | null; accepted_at: Date | null; declined_at: Date | null; ended_at: Date | null }>(
      `SELECT match_id, mentor_id, mentee_id, proposed_at, accepted_at, declined_at, ended_at FROM p_matches WHERE ${scope} ORDER BY match_id`,
    ),
    () => rows<SessionFactRow & { match_id: string; mentor_id: string; mentee_id: string }>(
      `SELECT match_id, mentor_id, mentee_id, ${SESSION_FACT_COLUMNS} FROM p_sessions WHERE ${scope} ORDER BY session_id`,
    ),
    () => rows<{ match_id: string; sent_at: Date }>(`SELECT match_id, sent_at FROM p_messages WHERE ${scope} ORDER BY message_id`),
    () => rows<{ registered_at: Date | null; cancelled_at: Date | null; attended_at: Date | null }>(
      `SELECT registered_at, cancelled_at, attended_at FROM p_gathering_registrations WHERE ${scope} ORDER BY registration_id`,
    ),
    () => rows<{ resource_id: string; kind: string; audience: string }>(`SELECT resource_id, kind, audience FROM p_resources WHERE ${scope} ORDER BY resource_id`),
    () => rows<{ resource_id: string; user_id: string; completed_at: Date }>(
      `SELECT resource_id, user_id, completed_at FROM p_resource_completions WHERE ${scope} ORDER BY resource_id, user_id`,
    ),
    () => rows<{
      match_id: string | null;
      respondent_id: string;
      respondent_role: string;
      form: string;
      satisfaction: number;
      nps: number | null;
      scales: ProgramFacts['feedback'][number]['scales'];
      outcomes: ProgramFacts['feedback'][number]['outcomes'];
      submitted_at: Date;
    }>(`SELECT match_id, respondent_id, respondent_role, form, satisfaction, nps, scales, outcomes, submitted_at FROM p_feedback WHERE ${scope} ORDER BY feedback_id`),
    () => rows<{ nudges: number; rounds: number }>(
      `SELECT (SELECT count(*)::int FROM p_nudges WHERE ${scope}) AS nudges, (SELECT count(*)::int FROM p_rounds WHERE ${scope}) AS rounds`,
    ),
  ] as const);
  return {
    program: { programId, objectives: program.objectives ?? [], cadenceDays: program.cadence_days, defaultCapacity: program.default_capacity },
    enrollments: enrollments.map((row) => ({
      userId: row.user_id,
      role: row.role,
      capacity: row.capacity,
      baseline: row.baseline,
      enrolledAt: iso(row.enrolled_at),
      withdrawnAt: iso(row.withdrawn_at),
    })),
    goals: goals.map((row) => ({ userId: row.user_id, objective: row.objective, set: row.set_version !== null, progressPercent: row.progress_percent, status: row.status })),
    matches: matches.map((row) => ({
      matchId: row.match_id,
      mentorId: row.mentor_id,
      menteeId: row.mentee_id,
      proposedAt: iso(row.proposed_at),
      acceptedAt: iso(row.accepted_at),
      declinedAt: iso(row.declined_at),
      endedAt: iso(row.ended_at),
    })),
    sessions: sessions.map((row) => ({ matchId: row.match_id, mentorId: row.mentor_id, menteeId: row.mentee_id, ...toSessionFacts(row) })),
    messages: messages.map((row) => ({ matchId: row.match_id, sentAt: row.sent_at.toISOString() })),
    gatherings: gatherings.map((row) => ({ registeredAt: iso(row.registered_at), cancelledAt: iso(row.cancelled_at), attendedAt: iso(row.attended_at) })),
    resources: resources.map((row) => ({ resourceId: row.resource_id, kind: row.kind, audience: row.audience })),
    completions: completions.map((row) => ({ resourceId: row.resource_id, userId: row.user_id, completedAt: row.completed_at.toISOString() })),
    feedback: feedback.map((row) => ({
      matchId: row.match_id,
      respondentId: row.respondent_id,
      respondentRole: row.respondent_role,
      form: row.form,
      satisfaction: row.satisfaction,
      nps: row.nps,
      scales: row.scales,
      outcomes: row.outcomes,
      submittedAt: row.submitted_at.toISOString(),
    })),
    nudges: counts[0]?.nudges ?? 0,
    rounds: counts[0]?.rounds ?? 0,
  };
}

async function sequentially<T extends readonly (() => Promise<unknown>)[]>(tasks: T): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = [];
  for (const task of tasks) results.push(await task());
  return results as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}
