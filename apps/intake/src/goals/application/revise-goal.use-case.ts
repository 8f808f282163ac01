import { ConflictException, Injectable } from '@nestjs/common';
import { goalSet } from '@passerelle/contracts';
import type { AuthUser } from '@passerelle/platform/auth';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource } from 'typeorm';
import { calendarDay, type ProgramObjective } from '../../programs/domain/program';
import { checkSmartGoal, type GoalDraft } from '../domain/smart-goal';
import type { GoalEntity } from '../infrastructure/goal.entity';
import { goalSetData } from './goal-events';
import { loadGoal, loadGoalScope, notSmart } from './goal-lookup';

/** A goal in progress is revised as a whole and checked again; `goal.set` carries the new terms. */
@Injectable()
export class ReviseGoalUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(caller: AuthUser, enrollmentId: string, goalId: string, changes: Partial<GoalDraft>): Promise<GoalEntity> {
    return this.dataSource.transaction(async (manager) => {
      const scope = await loadGoalScope(manager, caller, enrollmentId);
      const goal = await loadGoal(manager, scope, goalId);
      if (goal.status !== 'in_progress') {
        throw new ConflictException({ message: `This goal is ${goal.status.replace('_', ' ')}; set a new one instead.`, details: [{ path: 'status', issue: `is ${goal.status}` }] });
      }
      const draft: GoalDraft = {
        title: changes.title ?? goal.title!,
        objective: changes.objective ?? goal.objective,
        metric: changes.metric ?? goal.metric,
        targetValue: changes.targetValue ?? goal.targetValue,
        baselineValue: changes.baselineValue ?? goal.baselineValue,
        dueOn: changes.dueOn ?? goal.dueOn,
      };
      const now = new Date();
      const { program } = scope;
      const rejection = notSmart(checkSmartGoal(draft, { programObjectives: program.objectives, startsOn: program.startsOn, endsOn: program.endsOn, today: calendarDay(now) }));
      if (rejection) throw rejection;
      Object.assign(goal, {
        title: draft.title.trim(),
        objective: draft.objective as ProgramObjective,
        metric: draft.metric,
        targetValue: draft.targetValue,
        baselineValue: draft.baselineValue,
        dueOn: draft.dueOn,
        version: goal.version + 1,
      });
      const saved = await manager.save(goal);
      await this.outbox.append(manager, goalSet, goalSetData(saved, now));
      return saved;
    });
  }
}
