import { ConflictException, Injectable } from '@nestjs/common';
import { matchProposed, roundCompleted } from '@passerelle/contracts';
import type { AuthUser } from '@passerelle/platform/auth';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { proposalEntity, proposedEvent } from '../../matches/application/new-proposal';
import type { MatchEntity } from '../../matches/infrastructure/match.entity';
import { assertOpen, loadManagedProgram, lockProgramPool } from '../../pool/application/program-access';
import { effectiveModel } from '../../scoring/application/effective-model';
import { maxTotal, type ScoringModel } from '../../scoring/domain/scoring-model';
import { RoundEntity } from '../infrastructure/round.entity';
import { RoundRunner } from '../infrastructure/round-runner';
import type { RoundOutput } from './round-computation';
import { loadRoundPool, roundInput } from './round-pool';

export interface RoundOptions {
  readonly loadBalancing: boolean;
}

export interface RoundResult {
  readonly round: RoundEntity;
  readonly matches: MatchEntity[];
}

/**
 * An organizer runs a round (issue 5, item 3): every unmatched mentee gets
 * the optimal mentor the certificate proves, as a proposal both sides answer;
 * `match.proposed` per pair and `round.completed` go out with them.
 */
@Injectable()
export class RunRoundUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly runner: RoundRunner,
  ) {}

  execute(caller: AuthUser, programId: string, options: RoundOptions): Promise<RoundResult> {
    return this.dataSource.transaction(async (manager) => {
      const program = await loadManagedProgram(manager, caller, programId);
      assertOpen(program);
      if (!program.matchingModes.includes('organizer_rounds')) {
        throw new ConflictException({ message: 'This programme lets mentees choose; it has no organizer rounds.', details: [{ path: 'programId', issue: 'has no organizer_rounds matching mode' }] });
      }
      await lockProgramPool(manager, program.id);
      const pool = await loadRoundPool(manager, program);
      const model = effectiveModel(program);
      const startedAt = new Date();
      const output = await this.runner.run(roundInput(pool, program, model, options.loadBalancing));
      const completedAt = new Date();
      const round = await manager.save(
        manager.create(RoundEntity, {
          id: uuidv7(),
          networkId: program.networkId,
          programId: program.id,
          startedBy: caller.userId,
          startedAt,
          completedAt,
          model,
          statistics: statisticsOf(pool.mentees.length, pool.mentors.length, output),
          duals: dualsByEnrollment(pool.mentees.map((m) => m.enrollmentId), pool.mentors.map((m) => m.enrollmentId), output, model),
        }),
      );
      const matches = output.proposals.map((proposal) =>
        proposalEntity(
          manager,
          { program, mentee: pool.mentees[proposal.mentee], mentor: pool.mentors[proposal.mentor], origin: 'round', roundId: round.id, score: proposal.score },
          completedAt,
        ),
      );
      await manager.save(matches, { chunk: 500 });
      for (const match of matches) await this.outbox.append(manager, matchProposed, proposedEvent(match));
      await this.outbox.append(manager, roundCompleted, {
        roundId: round.id,
        networkId: round.networkId,
        programId: round.programId,
        ...round.statistics,
        startedBy: caller.userId,
        startedAt: startedAt.toISOString(),
        completedAt: completedAt.toISOString(),
      });
      return { round, matches };
    });
  }
}

export function statisticsOf(menteeCount: number, mentorCount: number, output: RoundOutput): RoundEntity['statistics'] {
  return {
    menteeCount,
    mentorCount,
    matchedCount: output.matchedCount,
    unmatched: output.unmatched,
    totalScore: output.totalScore,
    ...(output.minScore !== null ? { minScore: output.minScore } : {}),
    ...(output.meanScore !== null ? { meanScore: output.meanScore } : {}),
    mentorLoad: output.mentorLoad,
    solveMs: output.solveMs,
  };
}

/** Duals by enrolment id, to answer "why not X?" about this round later. */
function dualsByEnrollment(menteeIds: string[], mentorIds: string[], output: RoundOutput, model: ScoringModel): RoundEntity['duals'] {
  return {
    lexicographicWeight: output.duals.lexicographicWeight,
    maxTotal: maxTotal(model),
    menteeValue: Object.fromEntries(menteeIds.map((id, index) => [id, output.duals.menteeValue[index]])),
    mentorPrice: Object.fromEntries(mentorIds.map((id, index) => [id, output.duals.mentorPrice[index]])),
  };
}
