import { Module } from '@nestjs/common';
import { ReportsController } from './api/reports.controller';
import { GetRegistrationsUseCase } from './application/get-registrations.use-case';
import { UserRegisteredHandler } from './infrastructure/user-registered.handler';

/** Projections and the reports that read them. */
@Module({
  controllers: [ReportsController],
  providers: [GetRegistrationsUseCase, UserRegisteredHandler],
})
export class ReportsModule {}
