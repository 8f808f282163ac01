import { ConflictException, Injectable } from '@nestjs/common';
import { goalProgressed } from '@passerelle/contracts';
import type { AuthUser } from '@passerelle/platform/auth';
import { invalidField } from '@passerelle/platform/http';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource } from 'typeorm';
import { calendarDay } from '../../programs/domain/program';
import { goalMetric, goalProgress } from '../domain/smart-goal';
import type { GoalEntity } from '../infrastructure/goal.entity';
import { goalProgressedData } from './goal-events';
import { loadGoal, loadGoalScope } from './goal-lookup';

/** The participant records the value reached on a day; `goal.progressed` carries it with the percentage. */
@Injectable()
export class RecordGoalProgressUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(caller: AuthUser, enrollmentId: string, goalId: string, progress: { valueReached: number; reachedOn: string }): Promise<GoalEntity> {
    return this.dataSource.transaction(async (manager) => {
      const scope = await loadGoalScope(manager, caller, enrollmentId);
      const goal = await loadGoal(manager, scope, goalId);
      if (goal.status === 'abandoned') {
        throw new ConflictException({ message: 'This goal was abandoned; set a new one instead.', details: [{ path: 'status', issue: 'is abandoned' }] });
      }
      const now = new Date();
      if (progress.reachedOn > calendarDay(now)) throw invalidField('reachedOn', 'must not be in the future');
      if (goal.reachedOn !== null && progress.reachedOn < goal.reachedOn) {
        throw invalidField('reachedOn', `must not be before the last progress recorded (${goal.reachedOn})`);
      }
      const metric = goalMetric(goal.metric);
      if (metric?.integer && !Number.isInteger(progress.valueReached)) throw invalidField('valueReached', `must be a whole number (${metric.unit})`);
      if (metric && progress.valueReached > metric.max) throw invalidField('valueReached', `must be at most ${metric.max} (${metric.unit})`);
      const { progressPercent, achieved } = goalProgress(goal, progress.valueReached);
      Object.assign(goal, {
        valueReached: progress.valueReached,
        reachedOn: progress.reachedOn,
        progressPercent,
        status: achieved ? 'achieved' : 'in_progress',
        version: goal.version + 1,
      });
      const saved = await manager.save(goal);
      await this.outbox.append(manager, goalProgressed, goalProgressedData(saved, now));
      return saved;
    });
  }
}
