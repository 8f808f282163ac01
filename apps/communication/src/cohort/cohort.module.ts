import { Module } from '@nestjs/common';
import { CohortEnrollmentSubmittedHandler, CohortEnrollmentUpdatedHandler, CohortEnrollmentWithdrawnHandler } from './infrastructure/enrollment-events.handler';
import { CohortProgramClosedHandler, CohortProgramPublishedHandler, CohortProgramUpdatedHandler } from './infrastructure/program-events.handler';
import { CohortUserErasedHandler } from './infrastructure/user-erased.handler';

/**
 * The cohort (issue 6): communication's copy of programmes and of who takes
 * part in which programme in which role, from intake's events; the access
 * rules forums, gatherings and resources share live in `application/`.
 */
@Module({
  providers: [
    CohortProgramPublishedHandler,
    CohortProgramUpdatedHandler,
    CohortProgramClosedHandler,
    CohortEnrollmentSubmittedHandler,
    CohortEnrollmentUpdatedHandler,
    CohortEnrollmentWithdrawnHandler,
    CohortUserErasedHandler,
  ],
})
export class CohortModule {}
