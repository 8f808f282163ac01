import type { MatchProposedData } from '@passerelle/contracts';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { CandidateEntity } from '../../pool/infrastructure/candidate.entity';
import type { MatchOrigin } from '../domain/match-lifecycle';
import { MatchEntity, type MatchScore } from '../infrastructure/match.entity';

export interface NewProposal {
  readonly program: { readonly id: string; readonly networkId: string };
  readonly mentee: CandidateEntity;
  readonly mentor: CandidateEntity;
  readonly origin: MatchOrigin;
  readonly score: MatchScore;
  readonly roundId?: string;
  readonly rank?: number;
  readonly reasonNote?: string;
  /** mentee_choice: the mentee's request is their acceptance. */
  readonly menteeAcceptedAt?: Date;
  readonly respondBy?: Date;
}

/** A proposed match, however it came (a round, a mentee's request, an organizer), not yet saved. */
export function proposalEntity(manager: EntityManager, proposal: NewProposal, at: Date): MatchEntity {
  return manager.create(MatchEntity, {
    id: uuidv7(),
    networkId: proposal.program.networkId,
    programId: proposal.program.id,
    menteeId: proposal.mentee.userId,
    mentorId: proposal.mentor.userId,
    menteeEnrollmentId: proposal.mentee.enrollmentId,
    mentorEnrollmentId: proposal.mentor.enrollmentId,
    status: 'proposed',
    origin: proposal.origin,
    roundId: proposal.roundId ?? null,
    rank: proposal.rank ?? null,
    score: proposal.score,
    reasonNote: proposal.reasonNote ?? null,
    menteeAcceptedAt: proposal.menteeAcceptedAt ?? null,
    mentorAcceptedAt: null,
    respondBy: proposal.respondBy ?? null,
    remindedAt: null,
    declinedBy: null,
    declineReason: null,
    endedBy: null,
    endReason: null,
    proposedAt: at,
    acceptedAt: null,
    closedAt: null,
    version: 1,
  });
}

/** `match.proposed` for a saved proposal: the pair, where it came from, and its score breakdown. */
export function proposedEvent(match: MatchEntity): MatchProposedData {
  return {
    matchId: match.id,
    networkId: match.networkId,
    programId: match.programId,
    mentorId: match.mentorId!,
    menteeId: match.menteeId!,
    origin: match.origin,
    ...(match.roundId ? { roundId: match.roundId } : {}),
    ...(match.rank !== null ? { rank: match.rank } : {}),
    ...(match.respondBy ? { respondBy: match.respondBy.toISOString() } : {}),
    score: match.score,
    proposedAt: match.proposedAt.toISOString(),
  } as MatchProposedData;
}
