import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { matchProposed } from '@passerelle/contracts';
import { APP_CONFIG } from '@passerelle/platform';
import type { AuthUser } from '@passerelle/platform/auth';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource, In } from 'typeorm';
import type { MatchingConfig } from '../../config';
import { proposalEntity, proposedEvent } from '../../matches/application/new-proposal';
import { MatchEntity } from '../../matches/infrastructure/match.entity';
import { assertOpen, loadVisibleProgram, lockProgramPool } from '../../pool/application/program-access';
import { eventScore } from '../../rounds/application/round-computation';
import { assertMenteeChoice, ownMenteeCandidate, rankMentors, type Suggestion } from './mentor-suggestions';

/** A mentee's top-k feasible mentors with their breakdowns; only the mentee sees their own list. */
@Injectable()
export class ListSuggestionsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, programId: string, limit: number): Promise<Suggestion[]> {
    const manager = this.dataSource.manager;
    const program = await loadVisibleProgram(manager, caller, programId);
    assertMenteeChoice(program);
    const mentee = await ownMenteeCandidate(manager, caller, program);
    return (await rankMentors(manager, program, mentee)).slice(0, limit);
  }
}

/**
 * A mentee requests a suggested mentor: a proposal the mentee has accepted,
 * waiting for the mentor until it expires (issue 5, item 4).
 */
@Injectable()
export class RequestMentorUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    @Inject(APP_CONFIG) private readonly config: MatchingConfig,
  ) {}

  execute(caller: AuthUser, programId: string, mentorEnrollmentId: string): Promise<MatchEntity> {
    return this.dataSource.transaction(async (manager) => {
      const program = await loadVisibleProgram(manager, caller, programId);
      assertMenteeChoice(program);
      assertOpen(program);
      await lockProgramPool(manager, program.id);
      const mentee = await ownMenteeCandidate(manager, caller, program);
      if ((await manager.countBy(MatchEntity, { menteeEnrollmentId: mentee.enrollmentId, status: In(['proposed', 'active']) })) > 0) {
        throw new ConflictException({ message: 'You already have an open request or match in this programme.', details: [{ path: 'programId', issue: 'you have an open match here' }] });
      }
      const suggestion = (await rankMentors(manager, program, mentee)).find((entry) => entry.mentor.enrollmentId === mentorEnrollmentId);
      if (!suggestion) {
        throw new NotFoundException({
          message: 'This mentor is not among your suggestions: full, not a fit under the hard constraints, or not in this programme.',
          details: [{ path: 'mentorEnrollmentId', issue: 'does not name a mentor suggested to you' }],
        });
      }
      const now = new Date();
      const respondBy = new Date(now.getTime() + this.config.requestTtlSeconds * 1000);
      const match = await manager.save(
        proposalEntity(
          manager,
          { program, mentee, mentor: suggestion.mentor, origin: 'mentee_choice', score: eventScore(suggestion.score), rank: suggestion.rank, menteeAcceptedAt: now, respondBy },
          now,
        ),
      );
      await this.outbox.append(manager, matchProposed, proposedEvent(match));
      return match;
    });
  }
}
