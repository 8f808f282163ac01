import { Injectable } from '@nestjs/common';
import { type AuthUser, canSeeNetwork } from '@passerelle/platform/auth';
import { DataSource } from 'typeorm';
import { programNotFound } from '../../programs/application/program-errors';
import { ProgramEntity } from '../../programs/infrastructure/program.entity';
import { GOAL_METRICS, type GoalMetric } from '../domain/smart-goal';

/**
 * The metrics a goal of this programme can be measured with: those serving at
 * least one of its objectives, each listing only the objectives the programme
 * has. Any member of the network reads them, to write a goal the check accepts.
 */
@Injectable()
export class ListGoalMetricsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, programId: string): Promise<GoalMetric[]> {
    const program = await this.dataSource.getRepository(ProgramEntity).findOneBy({ id: programId });
    if (!program || !canSeeNetwork(caller, program.networkId)) throw programNotFound();
    return GOAL_METRICS.map((metric) => ({ ...metric, objectives: metric.objectives.filter((objective) => program.objectives.includes(objective)) })).filter(
      (metric) => metric.objectives.length > 0,
    );
  }
}
