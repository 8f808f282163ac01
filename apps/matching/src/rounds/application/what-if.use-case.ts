import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { DataSource } from 'typeorm';
import { loadManagedProgram } from '../../pool/application/program-access';
import { effectiveModel } from '../../scoring/application/effective-model';
import { invalidModel } from '../../scoring/application/scoring-model.use-cases';
import type { ScoringModel } from '../../scoring/domain/scoring-model';
import { RoundRunner } from '../infrastructure/round-runner';
import type { Proposal } from './round-computation';
import { loadRoundPool, roundInput } from './round-pool';
import { statisticsOf } from './run-round.use-case';
import type { RoundStatistics } from '../infrastructure/round.entity';

export interface WhatIfResult {
  readonly model: ScoringModel;
  readonly statistics: RoundStatistics;
  readonly proposals: Array<{ menteeId: string; mentorId: string; score: Proposal['score'] }>;
}

/**
 * The round an organizer would get with a model (theirs, or one they are
 * trying): computed exactly like a real round, stored nowhere, published to
 * no one (issue 5, item 2: "see the effect").
 */
@Injectable()
export class WhatIfUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: RoundRunner,
  ) {}

  async execute(caller: AuthUser, programId: string, input: { model?: unknown; loadBalancing: boolean }): Promise<WhatIfResult> {
    const tried = input.model === undefined ? undefined : invalidModel(input.model);
    const manager = this.dataSource.manager;
    const program = await loadManagedProgram(manager, caller, programId);
    const model = tried ?? effectiveModel(program);
    const pool = await loadRoundPool(manager, program);
    const output = await this.runner.run(roundInput(pool, program, model, input.loadBalancing));
    return {
      model,
      statistics: statisticsOf(pool.mentees.length, pool.mentors.length, output),
      proposals: output.proposals.map((proposal) => ({
        menteeId: pool.mentees[proposal.mentee].userId!,
        mentorId: pool.mentors[proposal.mentor].userId!,
        score: proposal.score,
      })),
    };
  }
}
