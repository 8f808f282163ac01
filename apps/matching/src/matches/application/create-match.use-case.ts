import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { matchProposed } from '@passerelle/contracts';
import type { AuthUser } from '@passerelle/platform/auth';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource, type EntityManager, In } from 'typeorm';
import { assertOpen, loadManagedProgram, lockProgramPool } from '../../pool/application/program-access';
import { CandidateEntity } from '../../pool/infrastructure/candidate.entity';
import { toCandidate } from '../../rounds/application/round-pool';
import { eventScore } from '../../rounds/application/round-computation';
import { effectiveModel } from '../../scoring/application/effective-model';
import { scorePair } from '../../scoring/domain/pair-score';
import { MatchEntity } from '../infrastructure/match.entity';
import { proposalEntity, proposedEvent } from './new-proposal';

export interface CreateMatch {
  readonly programId: string;
  readonly menteeEnrollmentId: string;
  readonly mentorEnrollmentId: string;
  readonly reason: string;
  /** Propose the pair even though a hard constraint fails (the organizer knows something the model does not). */
  readonly overrideConstraints: boolean;
}

/** Whether two users of a network were matched before (any programme, any outcome). */
export async function matchedBefore(manager: EntityManager, networkId: string, menteeId: string, mentorId: string): Promise<boolean> {
  return (await manager.countBy(MatchEntity, { networkId, menteeId, mentorId })) > 0;
}

/**
 * An organizer proposes a pair by hand, with a reason (issue 5, item 5). The
 * pair's score and constraints are computed like a round's, so the proposal
 * explains itself; a failing constraint needs an explicit override.
 */
@Injectable()
export class CreateMatchUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(caller: AuthUser, input: CreateMatch): Promise<MatchEntity> {
    return this.dataSource.transaction(async (manager) => {
      const program = await loadManagedProgram(manager, caller, input.programId);
      assertOpen(program);
      await lockProgramPool(manager, program.id);
      const candidates = await manager.findBy(CandidateEntity, { enrollmentId: In([input.menteeEnrollmentId, input.mentorEnrollmentId]), programId: program.id, status: 'active' });
      const mentee = candidates.find((c) => c.enrollmentId === input.menteeEnrollmentId && c.role === 'mentee');
      const mentor = candidates.find((c) => c.enrollmentId === input.mentorEnrollmentId && c.role === 'mentor');
      const missing = [
        ...(mentee ? [] : [{ path: 'menteeEnrollmentId', issue: 'does not name an active mentee of this programme' }]),
        ...(mentor ? [] : [{ path: 'mentorEnrollmentId', issue: 'does not name an active mentor of this programme' }]),
      ];
      if (!mentee || !mentor) throw new NotFoundException({ message: 'No such participant in this programme.', details: missing });
      const open = await manager.countBy(MatchEntity, { menteeEnrollmentId: mentee.enrollmentId, status: In(['proposed', 'active']) });
      if (open > 0) throw new ConflictException({ message: 'This mentee already has an open match; cancel it first.', details: [{ path: 'menteeEnrollmentId', issue: 'has an open match' }] });
      const load = await manager.countBy(MatchEntity, { mentorEnrollmentId: mentor.enrollmentId, status: In(['proposed', 'active']) });
      if (load >= (mentor.capacity ?? 0)) {
        throw new ConflictException({ message: `This mentor is full (${load} of ${mentor.capacity}).`, details: [{ path: 'mentorEnrollmentId', issue: 'has no capacity left' }] });
      }
      const score = scorePair(toCandidate(mentee), toCandidate(mentor), effectiveModel(program), {
        objectives: program.objectives,
        previouslyMatched: await matchedBefore(manager, program.networkId, mentee.userId!, mentor.userId!),
      });
      if (!score.feasible && !input.overrideConstraints) {
        throw new ConflictException({
          message: 'A hard constraint fails for this pair; send overrideConstraints: true to propose it anyway.',
          details: score.constraints.filter((c) => !c.held).map((c) => ({ path: c.constraint, issue: c.detail })),
        });
      }
      const match = await manager.save(
        proposalEntity(manager, { program, mentee, mentor, origin: 'organizer', score: eventScore(score), reasonNote: input.reason }, new Date()),
      );
      await this.outbox.append(manager, matchProposed, proposedEvent(match));
      return match;
    });
  }
}
