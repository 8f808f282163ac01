import { Module } from '@nestjs/common';
import { GoalMetricsController, GoalsController } from './api/goals.controller';
import { AbandonGoalUseCase } from './application/abandon-goal.use-case';
import { CheckGoalUseCase } from './application/check-goal.use-case';
import { ListGoalMetricsUseCase } from './application/list-goal-metrics.use-case';
import { ListGoalsUseCase } from './application/list-goals.use-case';
import { RecordGoalProgressUseCase } from './application/record-goal-progress.use-case';
import { ReviseGoalUseCase } from './application/revise-goal.use-case';
import { SetGoalUseCase } from './application/set-goal.use-case';

/** SMART goals of an enrolment, their progress and abandonment. */
@Module({
  controllers: [GoalsController, GoalMetricsController],
  providers: [SetGoalUseCase, ReviseGoalUseCase, RecordGoalProgressUseCase, AbandonGoalUseCase, ListGoalsUseCase, CheckGoalUseCase, ListGoalMetricsUseCase],
})
export class GoalsModule {}
