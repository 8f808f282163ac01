import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '@passerelle/platform/auth';
import { invalidField, uuidParam } from '@passerelle/platform/http';
import type { GatheringView, RegistrationView } from '../application/gathering-views';
import { CancelGatheringUseCase, CreateGatheringUseCase, UpdateGatheringUseCase } from '../application/manage-gathering.use-cases';
import { GetGatheringUseCase, ListGatheringsUseCase, ListRegistrationsUseCase } from '../application/read-gatherings.use-cases';
import { RecordAttendanceUseCase } from '../application/record-attendance.use-case';
import { CancelRegistrationUseCase, RegisterForGatheringUseCase } from '../application/registration.use-cases';
import {
  AttendanceResponse,
  CancelGatheringRequest,
  CreateGatheringRequest,
  GatheringPageResponse,
  GatheringResponse,
  ListGatheringsQuery,
  ListRegistrationsQuery,
  RecordAttendanceRequest,
  RegisterRequest,
  RegistrationPageResponse,
  RegistrationResponse,
  UpdateGatheringRequest,
} from './gatherings.dto';

const OUTSIDER = "No such gathering or programme of yours: another network's, or a cohort you are not in (the same answer as for an id that does not exist).";
const ORGANIZERS = 'Only an organizer of the network.';

@ApiTags('gatherings')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid access token.' })
@Controller('v1/gatherings')
export class GatheringsController {
  constructor(
    private readonly createGathering: CreateGatheringUseCase,
    private readonly listGatherings: ListGatheringsUseCase,
    private readonly getGathering: GetGatheringUseCase,
    private readonly updateGathering: UpdateGatheringUseCase,
    private readonly cancelGathering: CancelGatheringUseCase,
    private readonly registration: RegisterForGatheringUseCase,
    private readonly cancelRegistration: CancelRegistrationUseCase,
    private readonly listRegistrations: ListRegistrationsUseCase,
    private readonly recordAttendance: RecordAttendanceUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: GatheringResponse, description: 'Scheduled for the cohort of `programId`.' })
  @ApiBadRequestResponse({ description: 'Every bad field at once: e.g. `startsAt` not in the future, `capacity` below 1, `onlineUrl` not https, or not exactly one of `onlineUrl` and `place`.' })
  @ApiForbiddenResponse({ description: ORGANIZERS })
  @ApiNotFoundResponse({ description: OUTSIDER })
  @ApiConflictResponse({ description: 'The programme is closed.' })
  async create(@Body() body: CreateGatheringRequest, @CurrentUser() caller: AuthUser): Promise<GatheringResponse> {
    return toGatheringResponse(
      await this.createGathering.execute(caller, {
        programId: body.programId,
        kind: body.kind,
        title: body.title,
        description: body.description ?? '',
        startsAt: new Date(body.startsAt),
        durationMinutes: body.durationMinutes,
        capacity: body.capacity,
        onlineUrl: body.onlineUrl ?? null,
        place: body.place ?? null,
      }),
    );
  }

  @Get()
  @ApiOkResponse({ type: GatheringPageResponse, description: "A programme's gatherings in start order, with seats and your own registration." })
  @ApiBadRequestResponse({ description: '`programId` missing or not a UUID, or a bad `limit` or `cursor`.' })
  @ApiNotFoundResponse({ description: OUTSIDER })
  async list(@Query() query: ListGatheringsQuery, @CurrentUser() caller: AuthUser): Promise<GatheringPageResponse> {
    const page = await this.listGatherings.execute(caller, query.programId, { limit: query.limit ?? 20, cursor: query.cursor });
    return { items: page.items.map(toGatheringResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOkResponse({ type: GatheringResponse })
  @ApiBadRequestResponse({ description: '`id` is not a UUID.' })
  @ApiNotFoundResponse({ description: OUTSIDER })
  async get(@Param('id', uuidParam('id')) id: string, @CurrentUser() caller: AuthUser): Promise<GatheringResponse> {
    return toGatheringResponse(await this.getGathering.execute(caller, id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: GatheringResponse, description: 'Changed; a larger capacity moves the waitlist up (`gathering.registered` for each).' })
  @ApiBadRequestResponse({ description: 'No field, or bad ones (all listed).' })
  @ApiForbiddenResponse({ description: ORGANIZERS })
  @ApiNotFoundResponse({ description: OUTSIDER })
  @ApiConflictResponse({ description: 'Cancelled or started already, the programme is closed, or `capacity` below the confirmed seats.' })
  async update(@Param('id', uuidParam('id')) id: string, @Body() body: UpdateGatheringRequest, @CurrentUser() caller: AuthUser): Promise<GatheringResponse> {
    if (Object.values(body).every((value) => value === undefined)) throw invalidField('body', 'must change at least one field');
    const { startsAt, ...rest } = body;
    return toGatheringResponse(await this.updateGathering.execute(caller, id, { ...rest, ...(startsAt !== undefined ? { startsAt: new Date(startsAt) } : {}) }));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: GatheringResponse, description: 'Cancelled; every open registration too (`gathering.registration_cancelled` for each confirmed seat).' })
  @ApiBadRequestResponse({ description: 'A bad `reason`.' })
  @ApiForbiddenResponse({ description: ORGANIZERS })
  @ApiNotFoundResponse({ description: OUTSIDER })
  @ApiConflictResponse({ description: 'Cancelled or started already.' })
  async cancel(@Param('id', uuidParam('id')) id: string, @Body() body: CancelGatheringRequest, @CurrentUser() caller: AuthUser): Promise<GatheringResponse> {
    return toGatheringResponse(await this.cancelGathering.execute(caller, id, body.reason));
  }

  @Post(':id/registrations')
  @HttpCode(201)
  @ApiCreatedResponse({
    type: RegistrationResponse,
    description: '`confirmed` while seats remain (`gathering.registered` goes out), otherwise `waitlisted` with its `waitlistPosition`.',
  })
  @ApiBadRequestResponse({ description: 'A bad `waitlist`.' })
  @ApiForbiddenResponse({ description: 'Only a participant of the programme registers (organizers and integrators do not).' })
  @ApiNotFoundResponse({ description: OUTSIDER })
  @ApiConflictResponse({ description: 'Already registered, the gathering is cancelled or has started, the programme is closed, or it is full and `waitlist` is false.' })
  async register(@Param('id', uuidParam('id')) id: string, @Body() body: RegisterRequest, @CurrentUser() caller: AuthUser): Promise<RegistrationResponse> {
    return toRegistrationResponse(await this.registration.execute(caller, id, { waitlist: body.waitlist ?? true }));
  }

  @Delete(':id/registrations/me')
  @HttpCode(200)
  @ApiOkResponse({ type: RegistrationResponse, description: 'Cancelled; a freed seat goes to the first of the waitlist at once.' })
  @ApiBadRequestResponse({ description: '`id` is not a UUID.' })
  @ApiNotFoundResponse({ description: `${OUTSIDER} Or you have no open registration for it.` })
  @ApiConflictResponse({ description: 'The gathering has started or is cancelled.' })
  async unregister(@Param('id', uuidParam('id')) id: string, @CurrentUser() caller: AuthUser): Promise<RegistrationResponse> {
    return toRegistrationResponse(await this.cancelRegistration.execute(caller, id));
  }

  @Get(':id/registrations')
  @ApiOkResponse({ type: RegistrationPageResponse, description: 'In registration order, waitlist positions included.' })
  @ApiBadRequestResponse({ description: 'A bad `status`, `limit` or `cursor`.' })
  @ApiForbiddenResponse({ description: "Organizers and integrators only; a participant sees their own in the gathering's `myRegistration`." })
  @ApiNotFoundResponse({ description: OUTSIDER })
  async registrations(
    @Param('id', uuidParam('id')) id: string,
    @Query() query: ListRegistrationsQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<RegistrationPageResponse> {
    const page = await this.listRegistrations.execute(caller, id, { limit: query.limit ?? 50, cursor: query.cursor, status: query.status });
    return { items: page.items.map(toRegistrationResponse), nextCursor: page.nextCursor };
  }

  @Post(':id/attendance')
  @HttpCode(200)
  @ApiOkResponse({ type: AttendanceResponse, description: 'Recorded once per registrant (`gathering.attended`); repeating a name changes nothing.' })
  @ApiBadRequestResponse({ description: '`userIds` missing, empty, repeated or not UUIDs.' })
  @ApiForbiddenResponse({ description: ORGANIZERS })
  @ApiNotFoundResponse({ description: OUTSIDER })
  @ApiConflictResponse({ description: 'Not started yet or cancelled, or an entry that is not a confirmed registrant (each named as `userIds.<index>`); nothing recorded.' })
  async attendance(@Param('id', uuidParam('id')) id: string, @Body() body: RecordAttendanceRequest, @CurrentUser() caller: AuthUser): Promise<AttendanceResponse> {
    return this.recordAttendance.execute(caller, id, body.userIds);
  }
}

function toRegistrationResponse({ registration, waitlistPosition }: RegistrationView): RegistrationResponse {
  return {
    id: registration.id,
    gatheringId: registration.gatheringId,
    userId: registration.userId,
    status: registration.status,
    waitlistPosition,
    registeredAt: registration.registeredAt.toISOString(),
    confirmedAt: registration.confirmedAt?.toISOString() ?? null,
    cancelledAt: registration.cancelledAt?.toISOString() ?? null,
    cancelReason: registration.cancelReason,
    attended: registration.attendanceRecordedAt !== null,
    attendanceRecordedAt: registration.attendanceRecordedAt?.toISOString() ?? null,
  };
}

function toGatheringResponse({ gathering, seats, mine }: GatheringView): GatheringResponse {
  return {
    id: gathering.id,
    programId: gathering.programId,
    kind: gathering.kind,
    title: gathering.title,
    description: gathering.description,
    startsAt: gathering.startsAt.toISOString(),
    durationMinutes: gathering.durationMinutes,
    endsAt: new Date(gathering.startsAt.getTime() + gathering.durationMinutes * 60_000).toISOString(),
    capacity: gathering.capacity,
    onlineUrl: gathering.onlineUrl,
    place: gathering.place,
    status: gathering.status,
    confirmedCount: seats.confirmed,
    waitlistCount: seats.waitlisted,
    seatsLeft: gathering.status === 'scheduled' ? Math.max(0, gathering.capacity - seats.confirmed) : 0,
    myRegistration: mine ? toRegistrationResponse(mine) : null,
    cancelledAt: gathering.cancelledAt?.toISOString() ?? null,
    cancelReason: gathering.cancelReason,
    createdAt: gathering.createdAt.toISOString(),
    updatedAt: gathering.updatedAt.toISOString(),
  };
}
