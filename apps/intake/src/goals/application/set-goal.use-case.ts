import { ConflictException, Injectable } from '@nestjs/common';
import { goalSet } from '@passerelle/contracts';
import type { AuthUser } from '@passerelle/platform/auth';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource, Not } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { calendarDay, type ProgramObjective } from '../../programs/domain/program';
import { checkSmartGoal, type GoalDraft } from '../domain/smart-goal';
import { GoalEntity } from '../infrastructure/goal.entity';
import { goalSetData } from './goal-events';
import { loadGoalScope, notSmart } from './goal-lookup';

/** PRODUCT.md, lifecycle step 2: "Mentees set goals"; mentors may too (issue 4, item 5). */
export const MAX_GOALS = 3;

/** A participant sets a goal that passes the SMART check; `goal.set` goes out with it. */
@Injectable()
export class SetGoalUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(caller: AuthUser, enrollmentId: string, draft: GoalDraft): Promise<GoalEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { enrollment, program } = await loadGoalScope(manager, caller, enrollmentId);
      const now = new Date();
      const rejection = notSmart(checkSmartGoal(draft, { programObjectives: program.objectives, startsOn: program.startsOn, endsOn: program.endsOn, today: calendarDay(now) }));
      if (rejection) throw rejection;
      const kept = await manager.countBy(GoalEntity, { enrollmentId, status: Not('abandoned') });
      if (kept >= MAX_GOALS) {
        throw new ConflictException({
          message: `An enrolment has at most ${MAX_GOALS} goals; abandon one to set another.`,
          details: [{ path: 'enrollmentId', issue: `already has ${MAX_GOALS} goals` }],
        });
      }
      const goal = await manager.save(
        manager.create(GoalEntity, {
          id: uuidv7(),
          networkId: enrollment.networkId,
          programId: enrollment.programId,
          enrollmentId,
          userId: enrollment.userId,
          role: enrollment.role,
          title: draft.title.trim(),
          objective: draft.objective as ProgramObjective,
          metric: draft.metric,
          baselineValue: draft.baselineValue ?? 0,
          targetValue: draft.targetValue,
          dueOn: draft.dueOn,
          status: 'in_progress',
          valueReached: null,
          reachedOn: null,
          progressPercent: 0,
          version: 1,
        }),
      );
      await this.outbox.append(manager, goalSet, goalSetData(goal, now));
      return goal;
    });
  }
}
