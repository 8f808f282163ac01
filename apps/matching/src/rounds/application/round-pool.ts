import type { EntityManager } from 'typeorm';
import { CandidateEntity } from '../../pool/infrastructure/candidate.entity';
import type { MatchingProgramEntity } from '../../pool/infrastructure/program.entity';
import type { Candidate } from '../../scoring/domain/candidate';
import type { ScoringModel } from '../../scoring/domain/scoring-model';
import type { RoundInput } from './round-computation';

export interface RoundPool {
  readonly mentees: CandidateEntity[];
  readonly mentors: CandidateEntity[];
  readonly capacities: number[];
  readonly previousPairs: Array<[string, string]>;
}

/**
 * Who a round considers (issue 5, item 3): active mentees with no open match,
 * active mentors with capacity left; in enrolment id order so the same pool
 * gives the same input, hence the same round.
 */
export async function loadRoundPool(manager: EntityManager, program: MatchingProgramEntity): Promise<RoundPool> {
  const mentees = await manager
    .createQueryBuilder(CandidateEntity, 'candidate')
    .where("candidate.program_id = :programId AND candidate.role = 'mentee' AND candidate.status = 'active'", { programId: program.id })
    .andWhere("NOT EXISTS (SELECT 1 FROM matches m WHERE m.mentee_enrollment_id = candidate.enrollment_id AND m.status IN ('proposed', 'active'))")
    .orderBy('candidate.enrollment_id')
    .getMany();
  const { mentors, capacities } = await loadMentorsWithRoom(manager, program.id);
  return { mentees, mentors, capacities, previousPairs: await loadPreviousPairs(manager, program.networkId) };
}

/** Active mentors of a programme with places left, and how many, in enrolment id order. */
export async function loadMentorsWithRoom(manager: EntityManager, programId: string): Promise<{ mentors: CandidateEntity[]; capacities: number[] }> {
  const rows: Array<{ enrollment_id: string; taken: number }> = await manager.query(
    `SELECT c.enrollment_id, count(m.id)::int AS taken
       FROM candidates c LEFT JOIN matches m ON m.mentor_enrollment_id = c.enrollment_id AND m.status IN ('proposed', 'active')
      WHERE c.program_id = $1 AND c.role = 'mentor' AND c.status = 'active'
      GROUP BY c.enrollment_id`,
    [programId],
  );
  const taken = new Map(rows.map((row) => [row.enrollment_id, row.taken]));
  const all = await manager.find(CandidateEntity, { where: { programId, role: 'mentor', status: 'active' }, order: { enrollmentId: 'ASC' } });
  const mentors = all.filter((mentor) => (mentor.capacity ?? 0) > (taken.get(mentor.enrollmentId) ?? 0));
  return { mentors, capacities: mentors.map((mentor) => mentor.capacity! - (taken.get(mentor.enrollmentId) ?? 0)) };
}

/** Pairs of users matched before in the network, in any programme and with any outcome: "not matched before" excludes them. */
export async function loadPreviousPairs(manager: EntityManager, networkId: string): Promise<Array<[string, string]>> {
  const rows: Array<{ mentee_id: string; mentor_id: string }> = await manager.query(
    'SELECT DISTINCT mentee_id, mentor_id FROM matches WHERE network_id = $1 AND mentee_id IS NOT NULL AND mentor_id IS NOT NULL ORDER BY mentee_id, mentor_id',
    [networkId],
  );
  return rows.map((row) => [row.mentee_id, row.mentor_id]);
}

export function toCandidate(entity: CandidateEntity): Candidate {
  return {
    userId: entity.userId!,
    role: entity.role,
    ...(entity.capacity !== null ? { capacity: entity.capacity } : {}),
    excludedUserIds: entity.excludedUserIds,
    features: entity.features!,
  };
}

/** What the worker thread needs to compute a round on this pool: plain data only. */
export function roundInput(pool: RoundPool, program: MatchingProgramEntity, model: ScoringModel, loadBalancing: boolean): RoundInput {
  return {
    mentees: pool.mentees.map(toCandidate),
    mentors: pool.mentors.map(toCandidate),
    capacities: pool.capacities,
    model,
    objectives: program.objectives,
    previousPairs: pool.previousPairs,
    loadBalancing,
  };
}
