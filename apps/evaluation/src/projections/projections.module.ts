import { Module } from '@nestjs/common';
import { ProgramReportsController } from './api/program-reports.controller';
import { GetMyProgressUseCase } from './application/get-my-progress.use-case';
import { GetProgramReportUseCase } from './application/get-program-report.use-case';
import { RebuildProjectionsUseCase } from './application/rebuild-projections.use-case';
import { RebuildsController } from './api/rebuilds.controller';
import { ProjectionUpdater } from './infrastructure/projection-updater';
import { PROJECTION_HANDLERS } from './infrastructure/projection.handlers';
import { RiskRulesRepository } from './infrastructure/risk-rules.repository';

/** Programme projections fed by every topic of the catalogue, and the reports read from them (issue 7, items 2, 5, 7). */
@Module({
  controllers: [ProgramReportsController, RebuildsController],
  providers: [GetMyProgressUseCase, ProjectionUpdater, RebuildProjectionsUseCase, RiskRulesRepository, GetProgramReportUseCase, ...PROJECTION_HANDLERS],
  exports: [RiskRulesRepository, GetProgramReportUseCase],
})
export class ProjectionsModule {}
