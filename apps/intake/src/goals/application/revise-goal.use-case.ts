import { ConflictException, Injectable } from '@nestjs/common';
import { goalProgressed, goalSet } from '@passerelle/contracts';
import type { AuthUser } from '@passerelle/platform/auth';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource } from 'typeorm';
import { calendarDay, type ProgramObjective } from '../../programs/domain/program';
import { checkSmartGoal, type GoalDraft, goalProgress } from '../domain/smart-goal';
import type { GoalEntity } from '../infrastructure/goal.entity';
import { goalProgressedData, goalSetData } from './goal-events';
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
      const before = { progressPercent: goal.progressPercent, status: goal.status, metric: goal.metric };
      Object.assign(goal, {
        title: draft.title.trim(),
        objective: draft.objective as ProgramObjective,
        metric: draft.metric,
        targetValue: draft.targetValue,
        baselineValue: draft.baselineValue!,
        dueOn: draft.dueOn,
        version: goal.version + 1,
      });
      // Progress recorded on another metric means nothing for this one; on the same metric it is re-measured against the new terms.
      if (changes.metric !== undefined && changes.metric !== before.metric) Object.assign(goal, { valueReached: null, reachedOn: null, progressPercent: 0 });
      else if (goal.valueReached !== null) {
        const { progressPercent, achieved } = goalProgress(goal, goal.valueReached);
        Object.assign(goal, { progressPercent, status: achieved ? 'achieved' : 'in_progress' });
      }
      const saved = await manager.save(goal);
      await this.outbox.append(manager, goalSet, goalSetData(saved, now));
      if (saved.valueReached !== null && (saved.progressPercent !== before.progressPercent || saved.status !== before.status)) {
        await this.outbox.append(manager, goalProgressed, goalProgressedData(saved, now));
      }
      return saved;
    });
  }
}
