import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../projections/projections.module';
import { AlertsController } from './api/alerts.controller';
import { AlertsUseCases } from './application/alerts.use-cases';
import { PairJudge } from './application/pair-judge';
import { AlertSweepScheduler } from './infrastructure/alert-sweep.scheduler';

/** Pairs at risk: the durable sweep that raises and resolves alerts, and the organizers' alert list (issue 7, item 3). */
@Module({
  imports: [ProjectionsModule],
  controllers: [AlertsController],
  providers: [PairJudge, AlertSweepScheduler, AlertsUseCases],
})
export class AlertsModule {}
