import { ConflictException, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import type { EntityManager } from 'typeorm';
import { CandidateEntity } from '../../pool/infrastructure/candidate.entity';
import type { MatchingProgramEntity } from '../../pool/infrastructure/program.entity';
import { loadMentorsWithRoom, toCandidate } from '../../rounds/application/round-pool';
import { effectiveModel } from '../../scoring/application/effective-model';
import { type PairScore, scorePair } from '../../scoring/domain/pair-score';
import { maxTotal } from '../../scoring/domain/scoring-model';
import { orderSuggestions } from '../domain/suggestion-order';

export interface Suggestion {
  readonly rank: number;
  readonly mentor: CandidateEntity;
  readonly score: PairScore;
}

export function assertMenteeChoice(program: MatchingProgramEntity): void {
  if (!program.matchingModes.includes('mentee_choice')) {
    throw new ConflictException({ message: 'In this programme the organizers run matching rounds; mentees do not pick.', details: [{ path: 'programId', issue: 'has no mentee_choice matching mode' }] });
  }
}

/** The caller's active mentee enrolment in the programme, or a 404 saying so. */
export async function ownMenteeCandidate(manager: EntityManager, caller: AuthUser, program: MatchingProgramEntity): Promise<CandidateEntity> {
  const mentee = await manager.findOneBy(CandidateEntity, { programId: program.id, userId: caller.userId, role: 'mentee', status: 'active' });
  if (!mentee) {
    throw new NotFoundException({ message: 'You are not an active mentee of this programme (enrol in intake first).', details: [{ path: 'programId', issue: 'has no active mentee enrolment of yours' }] });
  }
  return mentee;
}

/**
 * Every mentor with room who passes the hard constraints with this mentee,
 * best first, ties rotated per mentee (issue 5, item 4). Full mentors are not
 * suggested at all.
 */
export async function rankMentors(manager: EntityManager, program: MatchingProgramEntity, mentee: CandidateEntity): Promise<Suggestion[]> {
  const { mentors } = await loadMentorsWithRoom(manager, program.id);
  const rows: Array<{ mentor_id: string }> = await manager.query(
    'SELECT DISTINCT mentor_id FROM matches WHERE network_id = $1 AND mentee_id = $2 AND mentor_id IS NOT NULL',
    [program.networkId, mentee.userId],
  );
  const previous = new Set(rows.map((row) => row.mentor_id));
  const model = effectiveModel(program);
  const scored = mentors
    .map((mentor) => ({
      mentor,
      mentorKey: mentor.enrollmentId,
      score: scorePair(toCandidate(mentee), toCandidate(mentor), model, { objectives: program.objectives, previouslyMatched: previous.has(mentor.userId!) }),
    }))
    .filter((entry) => entry.score.feasible)
    .map((entry) => ({ ...entry, total: entry.score.total }));
  return orderSuggestions(mentee.enrollmentId, scored, maxTotal(model)).map((entry, index) => ({ rank: index + 1, mentor: entry.mentor, score: entry.score }));
}
