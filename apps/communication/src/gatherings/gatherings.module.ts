import { Module } from '@nestjs/common';
import { GatheringsController } from './api/gatherings.controller';
import { GatheringSeats } from './application/gathering-seats';
import { CancelGatheringUseCase, CreateGatheringUseCase, UpdateGatheringUseCase } from './application/manage-gathering.use-cases';
import { GetGatheringUseCase, ListGatheringsUseCase, ListRegistrationsUseCase } from './application/read-gatherings.use-cases';
import { RecordAttendanceUseCase } from './application/record-attendance.use-case';
import { CancelRegistrationUseCase, RegisterForGatheringUseCase } from './application/registration.use-cases';
import { GatheringEnrollmentWithdrawnHandler, GatheringUserErasedHandler } from './infrastructure/gathering-leavers.handler';

/** Gatherings (issue 6, item 5): webinars and networking events, registration with a waitlist, attendance, and their events. */
@Module({
  controllers: [GatheringsController],
  providers: [
    GatheringSeats,
    CreateGatheringUseCase,
    UpdateGatheringUseCase,
    CancelGatheringUseCase,
    ListGatheringsUseCase,
    GetGatheringUseCase,
    ListRegistrationsUseCase,
    RegisterForGatheringUseCase,
    CancelRegistrationUseCase,
    RecordAttendanceUseCase,
    GatheringUserErasedHandler,
    GatheringEnrollmentWithdrawnHandler,
  ],
})
export class GatheringsModule {}
