import { Module } from '@nestjs/common';
import { MatchesModule } from '../matches/matches.module';
import { EnrollmentSubmittedHandler, EnrollmentUpdatedHandler, EnrollmentWithdrawnHandler } from './infrastructure/enrollment-events.handler';
import { ProgramClosedHandler, ProgramPublishedHandler, ProgramUpdatedHandler } from './infrastructure/program-events.handler';
import { UserErasedHandler } from './infrastructure/user-erased.handler';

/** The candidate pool (issue 5, item 1): programmes and candidates copied from intake's events, and erasure. */
@Module({
  imports: [MatchesModule],
  providers: [
    ProgramPublishedHandler,
    ProgramUpdatedHandler,
    ProgramClosedHandler,
    EnrollmentSubmittedHandler,
    EnrollmentUpdatedHandler,
    EnrollmentWithdrawnHandler,
    UserErasedHandler,
  ],
})
export class PoolModule {}
