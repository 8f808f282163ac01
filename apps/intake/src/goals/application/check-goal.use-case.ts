import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { DataSource } from 'typeorm';
import { enrollmentNotFound } from '../../enrollments/application/enrollment-errors';
import { EnrollmentEntity } from '../../enrollments/infrastructure/enrollment.entity';
import { calendarDay } from '../../programs/domain/program';
import { ProgramEntity } from '../../programs/infrastructure/program.entity';
import { checkSmartGoal, type CriterionResult, type GoalDraft } from '../domain/smart-goal';

/** A draft as it stands while the participant is still typing: any field may be missing yet. */
export type PartialGoalDraft = Partial<GoalDraft>;

/**
 * The SMART check of a draft goal, without saving anything: the same check
 * setting the goal applies, against the caller's own enrolment's programme
 * and today, so what the participant sees while typing is what saving says.
 */
@Injectable()
export class CheckGoalUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, enrollmentId: string, draft: PartialGoalDraft): Promise<CriterionResult[]> {
    const enrollment = await this.dataSource.getRepository(EnrollmentEntity).findOneBy({ id: enrollmentId });
    // Only the participant sets their goals, so only they check one; anyone else gets the 404 of an unknown id.
    if (!enrollment || enrollment.userId !== caller.userId || enrollment.networkId !== caller.networkId) throw enrollmentNotFound();
    const program = await this.dataSource.getRepository(ProgramEntity).findOneByOrFail({ id: enrollment.programId });
    const complete: GoalDraft = {
      title: draft.title ?? '',
      objective: draft.objective ?? '',
      metric: draft.metric ?? '',
      // NaN is what "not given yet" is to the check: measurable says a number is needed.
      targetValue: draft.targetValue ?? Number.NaN,
      baselineValue: draft.baselineValue,
      dueOn: draft.dueOn ?? '',
    };
    return checkSmartGoal(complete, { programObjectives: program.objectives, startsOn: program.startsOn, endsOn: program.endsOn, today: calendarDay(new Date()) });
  }
}
