import { ConflictException, Injectable } from '@nestjs/common';
import { programUpdated } from '@passerelle/contracts';
import type { AuthUser } from '@passerelle/platform/auth';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource } from 'typeorm';
import { templateEditable } from '../../enrollments/domain/enrollment';
import { calendarDay, type ProgramFields, validateProgram } from '../domain/program';
import type { ProgramEntity } from '../infrastructure/program.entity';
import { invalidProgram } from './program-errors';
import { loadForChange } from './program-lookup';
import { programSnapshot } from './program-snapshot';

export type UpdateProgramCommand = Partial<ProgramFields>;

/**
 * Changes a draft or a published programme; the merged programme must still
 * pass every rule. A published programme's change is published as `updated`.
 */
@Injectable()
export class UpdateProgramUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(caller: AuthUser, id: string, changes: UpdateProgramCommand, expectedVersion?: number): Promise<ProgramEntity> {
    return this.dataSource.transaction(async (manager) => {
      const program = await loadForChange(manager, caller, id, 'update', expectedVersion);
      const merged: ProgramFields = {
        name: (changes.name ?? program.name).trim(),
        description: changes.description ?? program.description,
        charter: changes.charter ?? program.charter,
        objectives: [...(changes.objectives ?? program.objectives)],
        startsOn: changes.startsOn ?? program.startsOn,
        endsOn: changes.endsOn ?? program.endsOn,
        cadenceDays: changes.cadenceDays ?? program.cadenceDays,
        matchingModes: [...(changes.matchingModes ?? program.matchingModes)],
        defaultMentorCapacity: changes.defaultMentorCapacity ?? program.defaultMentorCapacity,
        intakeOpensOn: changes.intakeOpensOn ?? program.intakeOpensOn,
        intakeClosesOn: changes.intakeClosesOn ?? program.intakeClosesOn,
      };
      const problems = validateProgram(merged);
      if (problems.length > 0) throw invalidProgram(problems);
      // The survey participants answered and the goals they set were built from the objectives.
      const sameObjectives = merged.objectives.length === program.objectives.length && merged.objectives.every((o) => program.objectives.includes(o));
      if (!sameObjectives && !templateEditable(program, calendarDay(new Date()))) {
        throw new ConflictException({
          message: `The objectives are fixed once intake has opened (${program.intakeOpensOn}): the survey and the goals were built from them.`,
          details: [{ path: 'objectives', issue: 'cannot change after intake opened' }],
        });
      }
      Object.assign(program, merged, { version: program.version + 1 });
      const saved = await manager.save(program);
      if (saved.status === 'published') {
        await this.outbox.append(manager, programUpdated, {
          ...programSnapshot(saved),
          updatedBy: caller.userId,
          updatedAt: saved.updatedAt.toISOString(),
        });
      }
      return saved;
    });
  }
}
