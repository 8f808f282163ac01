import { ConflictException, Injectable } from '@nestjs/common';
import { goalProgressed } from '@passerelle/contracts';
import type { AuthUser } from '@passerelle/platform/auth';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource } from 'typeorm';
import type { GoalEntity } from '../infrastructure/goal.entity';
import { goalProgressedData } from './goal-events';
import { loadGoal, loadGoalScope } from './goal-lookup';

/**
 * A participant drops a goal: it stays (statistics count it, its last
 * progress stands) and frees a place among their three.
 */
@Injectable()
export class AbandonGoalUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(caller: AuthUser, enrollmentId: string, goalId: string): Promise<GoalEntity> {
    return this.dataSource.transaction(async (manager) => {
      const scope = await loadGoalScope(manager, caller, enrollmentId);
      const goal = await loadGoal(manager, scope, goalId);
      if (goal.status === 'abandoned') {
        throw new ConflictException({ message: 'This goal is already abandoned.', details: [{ path: 'status', issue: 'is abandoned' }] });
      }
      Object.assign(goal, { status: 'abandoned', version: goal.version + 1 });
      const saved = await manager.save(goal);
      await this.outbox.append(manager, goalProgressed, goalProgressedData(saved, new Date()));
      return saved;
    });
  }
}
