import { Module } from '@nestjs/common';
import { SurveysModule } from '../surveys/surveys.module';
import { TaxonomiesModule } from '../taxonomies/taxonomies.module';
import { EnrollmentsController, ProgramStatisticsController } from './api/enrollments.controller';
import { EnrollmentAnswers } from './application/enrollment-answers';
import { ProgramStatisticsUseCase } from './application/program-statistics.use-case';
import { GetEnrollmentUseCase, ListEnrollmentsUseCase } from './application/read-enrollments.use-case';
import { SubmitEnrollmentUseCase } from './application/submit-enrollment.use-case';
import { UpdateEnrollmentUseCase } from './application/update-enrollment.use-case';
import { WithdrawEnrollmentUseCase } from './application/withdraw-enrollment.use-case';
import { UserErasedHandler } from './infrastructure/user-erased.handler';

/** Enrolments: answers checked against the survey in force, baselines, capacity, withdrawal, erasure, statistics. */
@Module({
  imports: [SurveysModule, TaxonomiesModule],
  controllers: [EnrollmentsController, ProgramStatisticsController],
  providers: [
    EnrollmentAnswers,
    SubmitEnrollmentUseCase,
    UpdateEnrollmentUseCase,
    WithdrawEnrollmentUseCase,
    GetEnrollmentUseCase,
    ListEnrollmentsUseCase,
    ProgramStatisticsUseCase,
    UserErasedHandler,
  ],
})
export class EnrollmentsModule {}
