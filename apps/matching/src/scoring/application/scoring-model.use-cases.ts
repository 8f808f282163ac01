import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { DataSource } from 'typeorm';
import { loadManagedProgram, loadVisibleProgram } from '../../pool/application/program-access';
import { MatchingProgramEntity } from '../../pool/infrastructure/program.entity';
import { type ScoringModel, validateModel } from '../domain/scoring-model';
import { effectiveModel } from './effective-model';

export interface ModelView {
  readonly programId: string;
  readonly model: ScoringModel;
  /** True while the programme uses the default derived from its objectives. */
  readonly isDefault: boolean;
  readonly version: number;
  readonly updatedAt: Date | null;
}

function viewOf(program: MatchingProgramEntity): ModelView {
  return { programId: program.id, model: effectiveModel(program), isDefault: program.scoringModel === null, version: program.modelVersion, updatedAt: program.modelUpdatedAt };
}

/** Any member of the network sees how its programmes match people: the model is what explains every score. */
@Injectable()
export class GetScoringModelUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, programId: string): Promise<ModelView> {
    return viewOf(await loadVisibleProgram(this.dataSource.manager, caller, programId));
  }
}

export function invalidModel(input: unknown): ScoringModel {
  const problems = validateModel(input);
  if (problems.length > 0) {
    throw new BadRequestException({ message: 'The scoring model is invalid.', details: problems.map((problem) => ({ path: `model.${problem.path}`, issue: problem.issue })) });
  }
  return input as ScoringModel;
}

/** Organizers change weights and constraints (issue 5, item 2); the next round uses them. `null` goes back to the default. */
@Injectable()
export class SaveScoringModelUseCase {
  constructor(private readonly dataSource: DataSource) {}

  execute(caller: AuthUser, programId: string, input: unknown, expectedVersion?: number): Promise<ModelView> {
    const model = input === null ? null : invalidModel(input);
    return this.dataSource.transaction(async (manager) => {
      const program = await loadManagedProgram(manager, caller, programId, true);
      if (expectedVersion !== undefined && expectedVersion !== program.modelVersion) {
        throw new ConflictException({
          message: `The model changed since you read it (you sent version ${expectedVersion}, it is at version ${program.modelVersion}); read it again.`,
          details: [{ path: 'version', issue: `must be ${program.modelVersion}` }],
        });
      }
      Object.assign(program, { scoringModel: model, modelVersion: program.modelVersion + 1, modelUpdatedBy: caller.userId, modelUpdatedAt: new Date() });
      return viewOf(await manager.save(program));
    });
  }
}
