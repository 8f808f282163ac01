import {
  type EnrollmentSubmittedData,
  type EnrollmentUpdatedData,
  type EnrollmentWithdrawnData,
  type EventDefinition,
  type EventEnvelope,
  type FeedbackSubmittedData,
  type GatheringAttendedData,
  type GatheringRegisteredData,
  type GatheringRegistrationCancelledData,
  type GoalProgressedData,
  type GoalSetData,
  type MatchAcceptedData,
  type MatchDeclinedData,
  type MatchEndedData,
  type MatchProposedData,
  type MessageSentData,
  type NudgeSentData,
  type ProgramClosedData,
  type ProgramPublishedData,
  type ProgramUpdatedData,
  type ResourceCompletedData,
  type ResourcePublishedData,
  type RoundCompletedData,
  type SessionCancelledData,
  type SessionCompletedData,
  type SessionNoShowData,
  type SessionRescheduledData,
  type SessionScheduledData,
  enrollmentSubmitted,
  enrollmentUpdated,
  enrollmentWithdrawn,
  feedbackSubmitted,
  gatheringAttended,
  gatheringRegistered,
  gatheringRegistrationCancelled,
  goalProgressed,
  goalSet,
  matchAccepted,
  matchDeclined,
  matchEnded,
  matchProposed,
  messageSent,
  nudgeSent,
  programClosed,
  programPublished,
  programUpdated,
  resourceCompleted,
  resourcePublished,
  roundCompleted,
  sessionCancelled,
  sessionCompleted,
  sessionNoShow,
  sessionRescheduled,
  sessionScheduled,
} from '@passerelle/contracts';
import type { EntityManager } from 'typeorm';

type Query = (sql: string, parameters: unknown[]) => Promise<unknown>;
type Apply<T> = (query: Query, generation: number, data: T, version: string) => Promise<unknown>;

interface Projected<T> {
  readonly definition: EventDefinition<T>;
  readonly apply: Apply<T>;
}

const on = <T>(definition: EventDefinition<T>, apply: Apply<T>): Projected<unknown> => ({ definition, apply }) as Projected<unknown>;

/** "<event time>|<event id>": orders two versions of one aggregate whatever the arrival order; ties broken by id. */
export function versionOf(time: string, eventId: string): string {
  return `${new Date(time).toISOString()}|${eventId}`;
}

const programSnapshot: Apply<ProgramPublishedData | ProgramUpdatedData> = (query, generation, data, version) =>
  query(
    `INSERT INTO p_programs (generation, program_id, network_id, objectives, starts_on, ends_on, cadence_days, default_capacity, snapshot_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (generation, program_id) DO UPDATE SET
       objectives = EXCLUDED.objectives, starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on,
       cadence_days = EXCLUDED.cadence_days, default_capacity = EXCLUDED.default_capacity, snapshot_version = EXCLUDED.snapshot_version
     WHERE p_programs.snapshot_version IS NULL OR p_programs.snapshot_version < EXCLUDED.snapshot_version`,
    [generation, data.programId, data.networkId, data.objectives, data.startsOn, data.endsOn, data.cadenceDays, data.defaultMentorCapacity, version],
  );

const enrollmentSnapshot = (enrolledAt: string | null): Apply<EnrollmentSubmittedData | EnrollmentUpdatedData> => (query, generation, data, version) =>
  query(
    `INSERT INTO p_enrollments (generation, enrollment_id, network_id, program_id, user_id, role, capacity, capacity_version, baseline, baseline_version, enrolled_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8, $10)
     ON CONFLICT (generation, enrollment_id) DO UPDATE SET
       capacity = CASE WHEN p_enrollments.capacity_version IS NULL OR p_enrollments.capacity_version < EXCLUDED.capacity_version
                       THEN EXCLUDED.capacity ELSE p_enrollments.capacity END,
       capacity_version = GREATEST(p_enrollments.capacity_version, EXCLUDED.capacity_version),
       -- The first baseline stands (intake: "evaluation keeps the first baseline").
       baseline = CASE WHEN p_enrollments.baseline_version IS NULL OR p_enrollments.baseline_version > EXCLUDED.baseline_version
                       THEN EXCLUDED.baseline ELSE p_enrollments.baseline END,
       baseline_version = LEAST(p_enrollments.baseline_version, EXCLUDED.baseline_version),
       enrolled_at = COALESCE(EXCLUDED.enrolled_at, p_enrollments.enrolled_at)`,
    [generation, data.enrollmentId, data.networkId, data.programId, data.userId, data.role, data.capacity ?? null, version, JSON.stringify(data.baseline), enrolledAt],
  );

type PairData = Pick<MatchProposedData, 'matchId' | 'networkId' | 'programId' | 'mentorId' | 'menteeId'>;
type SessionData = PairData & Pick<SessionScheduledData, 'sessionId' | 'startsAt'>;
type RegistrationData = Pick<GatheringRegisteredData, 'registrationId' | 'networkId' | 'programId' | 'gatheringId' | 'userId'>;

const match = (column: 'proposed_at' | 'accepted_at' | 'declined_at' | 'ended_at', at: string): Apply<PairData> => (query, generation, data) =>
  query(
    `INSERT INTO p_matches (generation, match_id, network_id, program_id, mentor_id, mentee_id, ${column})
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (generation, match_id) DO UPDATE SET ${column} = LEAST(p_matches.${column}, EXCLUDED.${column})`,
    [generation, data.matchId, data.networkId, data.programId, data.mentorId, data.menteeId, at],
  );

/** What one session event adds to the session's row: its columns, and how they merge with a row already there. */
interface SessionFact {
  readonly set: Readonly<Record<string, unknown>>;
  readonly merge: string;
}

const earliestAt = (column: 'completed_at' | 'no_show_at', at: string): SessionFact => ({
  set: { [column]: at },
  merge: `${column} = LEAST(p_sessions.${column}, EXCLUDED.${column})`,
});

/** The first cancellation stands, with whoever made it (ties broken by id, so either arrival order keeps the same one). */
const cancelledFact = (data: SessionCancelledData): SessionFact => ({
  set: { cancelled_at: data.cancelledAt, cancelled_by: data.cancelledBy },
  merge: `cancelled_by = CASE WHEN p_sessions.cancelled_at IS NULL OR EXCLUDED.cancelled_at < p_sessions.cancelled_at
                                OR (EXCLUDED.cancelled_at = p_sessions.cancelled_at AND EXCLUDED.cancelled_by < p_sessions.cancelled_by)
                              THEN EXCLUDED.cancelled_by ELSE p_sessions.cancelled_by END,
          cancelled_at = LEAST(p_sessions.cancelled_at, EXCLUDED.cancelled_at)`,
});

/**
 * The latest move stands — latest by when it happened (rescheduledAt), then by
 * event version — with who made it (the declined-reschedule rule reads them).
 */
const rescheduledFact = (data: SessionRescheduledData, version: string): SessionFact => {
  const newer = `p_sessions.rescheduled_at IS NULL
    OR (p_sessions.rescheduled_at, p_sessions.rescheduled_version) < (EXCLUDED.rescheduled_at, EXCLUDED.rescheduled_version)`;
  return {
    set: { rescheduled_at: data.rescheduledAt, rescheduled_by: data.rescheduledBy, rescheduled_version: version },
    merge: ['rescheduled_at', 'rescheduled_by', 'rescheduled_version']
      .map((column) => `${column} = CASE WHEN ${newer} THEN EXCLUDED.${column} ELSE p_sessions.${column} END`)
      .join(',\n       '),
  };
};

const session = (fact: SessionFact | null): Apply<SessionData> => (query, generation, data, version) => {
  const extra = Object.entries(fact?.set ?? {});
  const columns = ['generation', 'session_id', 'network_id', 'program_id', 'match_id', 'mentor_id', 'mentee_id', 'starts_at', 'starts_version', ...extra.map(([column]) => column)];
  const values = [generation, data.sessionId, data.networkId, data.programId, data.matchId, data.mentorId, data.menteeId, data.startsAt, version, ...extra.map(([, value]) => value)];
  return query(
    `INSERT INTO p_sessions (${columns.join(', ')}) VALUES (${values.map((_, index) => `$${index + 1}`).join(', ')})
     ON CONFLICT (generation, session_id) DO UPDATE SET
       starts_at = CASE WHEN p_sessions.starts_version < EXCLUDED.starts_version THEN EXCLUDED.starts_at ELSE p_sessions.starts_at END,
       starts_version = GREATEST(p_sessions.starts_version, EXCLUDED.starts_version)${fact ? `,\n       ${fact.merge}` : ''}`,
    values,
  );
};

const gathering = (column: 'registered_at' | 'cancelled_at' | 'attended_at', at: string): Apply<RegistrationData> => (query, generation, data) =>
  query(
    `INSERT INTO p_gathering_registrations (generation, registration_id, network_id, program_id, gathering_id, user_id, ${column})
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (generation, registration_id) DO UPDATE SET ${column} = LEAST(p_gathering_registrations.${column}, EXCLUDED.${column})`,
    [generation, data.registrationId, data.networkId, data.programId, data.gatheringId, data.userId, at],
  );

const goal = (
  query: Query,
  generation: number,
  data: GoalSetData | GoalProgressedData,
  set: { objective: string | null; version: string | null },
  progress: { percent: number | null; status: string | null; version: string | null },
) =>
  query(
    `INSERT INTO p_goals (generation, goal_id, network_id, program_id, user_id, role, objective, metric, target_value, set_version, progress_percent, status, progress_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (generation, goal_id) DO UPDATE SET
       objective = CASE WHEN EXCLUDED.set_version IS NOT NULL AND (p_goals.set_version IS NULL OR p_goals.set_version < EXCLUDED.set_version)
                        THEN EXCLUDED.objective ELSE p_goals.objective END,
       metric = CASE WHEN EXCLUDED.set_version IS NOT NULL AND (p_goals.set_version IS NULL OR p_goals.set_version < EXCLUDED.set_version)
                     THEN EXCLUDED.metric ELSE p_goals.metric END,
       target_value = CASE WHEN EXCLUDED.set_version IS NOT NULL AND (p_goals.set_version IS NULL OR p_goals.set_version < EXCLUDED.set_version)
                           THEN EXCLUDED.target_value ELSE p_goals.target_value END,
       set_version = GREATEST(p_goals.set_version, EXCLUDED.set_version),
       progress_percent = CASE WHEN EXCLUDED.progress_version IS NOT NULL AND (p_goals.progress_version IS NULL OR p_goals.progress_version < EXCLUDED.progress_version)
                               THEN EXCLUDED.progress_percent ELSE p_goals.progress_percent END,
       status = CASE WHEN EXCLUDED.progress_version IS NOT NULL AND (p_goals.progress_version IS NULL OR p_goals.progress_version < EXCLUDED.progress_version)
                     THEN EXCLUDED.status ELSE p_goals.status END,
       progress_version = GREATEST(p_goals.progress_version, EXCLUDED.progress_version)`,
    [
      generation,
      data.goalId,
      data.networkId,
      data.programId,
      data.userId,
      data.role,
      set.objective,
      data.metric,
      data.targetValue,
      set.version,
      progress.percent,
      progress.status,
      progress.version,
    ],
  );

/**
 * Every event the projections read, and how it lands in the fact tables.
 * Timestamps come from the payload (when the fact happened), so a replay
 * writes exactly what live consumption wrote.
 */
const PROJECTED: readonly Projected<unknown>[] = [
  on(programPublished, (q, g, d, v) => programSnapshot(q, g, d, v)),
  on(programUpdated, (q, g, d, v) => programSnapshot(q, g, d, v)),
  on(programClosed, (q, g, d: ProgramClosedData) =>
    q(
      `INSERT INTO p_programs (generation, program_id, network_id, closed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (generation, program_id) DO UPDATE SET closed_at = LEAST(p_programs.closed_at, EXCLUDED.closed_at)`,
      [g, d.programId, d.networkId, d.closedAt],
    ),
  ),
  on(enrollmentSubmitted, (q, g, d: EnrollmentSubmittedData, v) => enrollmentSnapshot(d.submittedAt)(q, g, d, v)),
  on(enrollmentUpdated, (q, g, d: EnrollmentUpdatedData, v) => enrollmentSnapshot(null)(q, g, d, v)),
  on(enrollmentWithdrawn, (q, g, d: EnrollmentWithdrawnData) =>
    q(
      `INSERT INTO p_enrollments (generation, enrollment_id, network_id, program_id, user_id, role, withdrawn_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (generation, enrollment_id) DO UPDATE SET withdrawn_at = LEAST(p_enrollments.withdrawn_at, EXCLUDED.withdrawn_at)`,
      [g, d.enrollmentId, d.networkId, d.programId, d.userId, d.role, d.withdrawnAt],
    ),
  ),
  on(goalSet, (q, g, d: GoalSetData, v) => goal(q, g, d, { objective: d.objective, version: v }, { percent: null, status: null, version: null })),
  on(goalProgressed, (q, g, d: GoalProgressedData, v) =>
    goal(q, g, d, { objective: null, version: null }, { percent: d.progressPercent, status: d.status, version: v }),
  ),
  on(matchProposed, (q, g, d: MatchProposedData) => match('proposed_at', d.proposedAt)(q, g, d, '')),
  on(matchAccepted, (q, g, d: MatchAcceptedData) => match('accepted_at', d.acceptedAt)(q, g, d, '')),
  on(matchDeclined, (q, g, d: MatchDeclinedData) => match('declined_at', d.declinedAt)(q, g, d, '')),
  on(matchEnded, (q, g, d: MatchEndedData) => match('ended_at', d.endedAt)(q, g, d, '')),
  on(roundCompleted, (q, g, d: RoundCompletedData) =>
    q(
      `INSERT INTO p_rounds (generation, round_id, network_id, program_id, matched_count, completed_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING`,
      [g, d.roundId, d.networkId, d.programId, d.matchedCount, d.completedAt],
    ),
  ),
  on(sessionScheduled, (q, g, d: SessionScheduledData, v) => session(null)(q, g, d, v)),
  on(sessionRescheduled, (q, g, d: SessionRescheduledData, v) => session(rescheduledFact(d, v))(q, g, d, v)),
  on(sessionCompleted, (q, g, d: SessionCompletedData, v) => session(earliestAt('completed_at', d.completedAt))(q, g, d, v)),
  on(sessionCancelled, (q, g, d: SessionCancelledData, v) => session(cancelledFact(d))(q, g, d, v)),
  on(sessionNoShow, (q, g, d: SessionNoShowData, v) => session(earliestAt('no_show_at', d.recordedAt))(q, g, d, v)),
  on(messageSent, (q, g, d: MessageSentData) =>
    q(
      `INSERT INTO p_messages (generation, message_id, network_id, program_id, match_id, sender_role, sent_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT DO NOTHING`,
      [g, d.messageId, d.networkId, d.programId, d.matchId, d.senderRole, d.sentAt],
    ),
  ),
  on(gatheringRegistered, (q, g, d: GatheringRegisteredData) => gathering('registered_at', d.registeredAt)(q, g, d, '')),
  on(gatheringRegistrationCancelled, (q, g, d: GatheringRegistrationCancelledData) =>
    gathering('cancelled_at', d.cancelledAt)(q, g, d, ''),
  ),
  on(gatheringAttended, (q, g, d: GatheringAttendedData) => gathering('attended_at', d.recordedAt)(q, g, d, '')),
  on(nudgeSent, (q, g, d: NudgeSentData) =>
    q(
      `INSERT INTO p_nudges (generation, nudge_id, network_id, program_id, reason, sent_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [g, d.nudgeId, d.networkId, d.programId, d.reason, d.sentAt],
    ),
  ),
  on(resourcePublished, (q, g, d: ResourcePublishedData) =>
    q(
      `INSERT INTO p_resources (generation, resource_id, network_id, program_id, kind, audience) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [g, d.resourceId, d.networkId, d.programId, d.kind, d.audience],
    ),
  ),
  on(resourceCompleted, (q, g, d: ResourceCompletedData) =>
    q(
      `INSERT INTO p_resource_completions (generation, resource_id, user_id, network_id, program_id, role, completed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (generation, resource_id, user_id) DO UPDATE SET completed_at = LEAST(p_resource_completions.completed_at, EXCLUDED.completed_at)`,
      [g, d.resourceId, d.userId, d.networkId, d.programId, d.role, d.completedAt],
    ),
  ),
  on(feedbackSubmitted, (q, g, d: FeedbackSubmittedData) =>
    q(
      `INSERT INTO p_feedback (generation, feedback_id, network_id, program_id, match_id, session_id, respondent_id, respondent_role, form, satisfaction, nps, scales, outcomes, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT DO NOTHING`,
      [
        g,
        d.feedbackId,
        d.networkId,
        d.programId,
        d.matchId ?? null,
        d.sessionId ?? null,
        d.respondentId,
        d.respondentRole,
        d.form,
        d.satisfaction,
        d.nps ?? null,
        d.scales ? JSON.stringify(d.scales) : null,
        d.outcomes ? JSON.stringify(d.outcomes) : null,
        d.submittedAt,
      ],
    ),
  ),
];

const byType = new Map(PROJECTED.map((entry) => [entry.definition.type, entry]));

/** The event types the projections consume (the live handlers and the replay both read this list). */
export const PROJECTED_EVENTS: readonly EventDefinition<unknown>[] = PROJECTED.map((entry) => entry.definition);

/** Programme and pair an event concerns, for freshness and the at-risk sweep. */
export function subjectsOf(envelope: EventEnvelope): { programId?: string; matchId?: string } {
  const data = envelope.data as { programId?: string; matchId?: string };
  return { programId: data.programId, matchId: data.matchId };
}

/**
 * Writes one event's facts into the given generations of the projection.
 * Idempotent and commutative: applying an event twice, or two events in
 * either order, leaves the same rows.
 */
export async function applyToProjection(manager: EntityManager, generations: readonly number[], envelope: EventEnvelope): Promise<boolean> {
  const entry = byType.get(envelope.type);
  if (!entry) return false;
  const query: Query = (sql, parameters) => manager.query(sql, parameters);
  const version = versionOf(envelope.time, envelope.id);
  for (const generation of generations) await entry.apply(query, generation, envelope.data, version);
  return true;
}
