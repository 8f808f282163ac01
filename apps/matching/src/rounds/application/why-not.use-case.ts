import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { canManageNetwork } from '@passerelle/platform/auth';
import { DataSource, In } from 'typeorm';
import { matchedBefore } from '../../matches/application/create-match.use-case';
import { MatchEntity } from '../../matches/infrastructure/match.entity';
import { loadVisibleProgram } from '../../pool/application/program-access';
import { CandidateEntity } from '../../pool/infrastructure/candidate.entity';
import type { MatchingProgramEntity } from '../../pool/infrastructure/program.entity';
import { effectiveModel } from '../../scoring/application/effective-model';
import { scorePair } from '../../scoring/domain/pair-score';
import { participantWhyNot, type WhyNot } from '../domain/why-not-disclosure';
import { RoundEntity } from '../infrastructure/round.entity';
import { toCandidate } from './round-pool';

/**
 * "Why not X?": for organizers, a hard constraint failed (which), or the
 * mentor's capacity went to mentees who fit better — the round's certificate
 * gives the exact score the pair would have needed to be chosen. A mentee
 * asking about their own pairs gets participantWhyNot of that answer.
 */
@Injectable()
export class WhyNotUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, programId: string, menteeEnrollmentId: string, mentorEnrollmentId: string): Promise<WhyNot> {
    const program = await loadVisibleProgram(this.dataSource.manager, caller, programId);
    const organizer = canManageNetwork(caller, program.networkId);
    const answer = await this.explain(caller, organizer, program, menteeEnrollmentId, mentorEnrollmentId);
    return organizer ? answer : participantWhyNot(answer);
  }

  private async explain(caller: AuthUser, organizer: boolean, program: MatchingProgramEntity, menteeEnrollmentId: string, mentorEnrollmentId: string): Promise<WhyNot> {
    const manager = this.dataSource.manager;
    const candidates = await manager.findBy(CandidateEntity, { programId: program.id, enrollmentId: In([menteeEnrollmentId, mentorEnrollmentId]) });
    const mentee = candidates.find((c) => c.enrollmentId === menteeEnrollmentId && c.role === 'mentee' && c.features);
    const mentor = candidates.find((c) => c.enrollmentId === mentorEnrollmentId && c.role === 'mentor' && c.features);
    // A mentee asks about their own pairs; organizers about any.
    if (!organizer && (!mentee || mentee.userId !== caller.userId)) {
      throw new ForbiddenException({ message: 'A mentee asks about their own pairs only; organizers about any.' });
    }
    if (!mentee || !mentor) {
      throw new NotFoundException({
        message: 'No such pair in this programme.',
        details: [...(mentee ? [] : [{ path: 'menteeEnrollmentId', issue: 'does not name a mentee of this programme' }]), ...(mentor ? [] : [{ path: 'mentorEnrollmentId', issue: 'does not name a mentor of this programme' }])],
      });
    }
    const together = await manager.findOne(MatchEntity, { where: { menteeEnrollmentId, mentorEnrollmentId, status: In(['proposed', 'active']) } });
    const previouslyMatched = !together && (await matchedBefore(manager, program.networkId, mentee.userId!, mentor.userId!));
    const score = scorePair(toCandidate(mentee), toCandidate(mentor), effectiveModel(program), { objectives: program.objectives, previouslyMatched });
    const base = { menteeEnrollmentId, mentorEnrollmentId, score };
    if (together) return { ...base, reason: 'matched_together', verdict: `They are matched together (${together.status}).`, neededScore: null, roundId: together.roundId };
    if (!score.feasible) {
      const failed = score.constraints.filter((c) => !c.held);
      return { ...base, reason: 'constraint_failed', verdict: `A hard constraint fails: ${failed.map((c) => c.detail).join('; ')}.`, neededScore: null, roundId: null };
    }
    const round = await manager
      .createQueryBuilder(RoundEntity, 'round')
      .where('round.program_id = :programId', { programId: program.id })
      .andWhere("round.duals -> 'menteeValue' ? :mentee", { mentee: menteeEnrollmentId })
      .andWhere("round.duals -> 'mentorPrice' ? :mentor", { mentor: mentorEnrollmentId })
      .orderBy('round.started_at', 'DESC')
      .getOne();
    if (!round) return { ...base, reason: 'not_in_a_round', verdict: 'No round has considered both of them yet.', neededScore: null, roundId: null };
    const { lexicographicWeight, menteeValue, mentorPrice } = round.duals;
    // A pair enters the optimum only if B + score ≥ u(mentee) + π(mentor) (the certificate's dual constraint).
    const needed = Math.max(0, menteeValue[menteeEnrollmentId] + mentorPrice[mentorEnrollmentId] - lexicographicWeight);
    return {
      ...base,
      reason: 'mentor_full',
      verdict: `In round ${round.id} the mentor's places went to mentees who fit better: this pair scores ${score.total} under today's model, and needed ${needed} to be chosen.`,
      neededScore: needed,
      roundId: round.id,
    };
  }
}
