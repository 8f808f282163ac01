import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
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
import { uuidParam } from '@passerelle/platform/http';
import { GetEnrollmentUseCase, ListEnrollmentsUseCase } from '../application/read-enrollments.use-case';
import { ProgramStatisticsUseCase } from '../application/program-statistics.use-case';
import { SubmitEnrollmentUseCase } from '../application/submit-enrollment.use-case';
import { UpdateEnrollmentUseCase } from '../application/update-enrollment.use-case';
import { WithdrawEnrollmentUseCase } from '../application/withdraw-enrollment.use-case';
import type { EnrollmentEntity } from '../infrastructure/enrollment.entity';
import {
  EnrollmentPageResponse,
  EnrollmentResponse,
  ListEnrollmentsQuery,
  ProgramStatisticsResponse,
  SubmitEnrollmentRequest,
  UpdateEnrollmentRequest,
} from './enrollments.dto';

@ApiTags('enrollments')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid access token.' })
@Controller('v1/enrollments')
export class EnrollmentsController {
  constructor(
    private readonly submitEnrollment: SubmitEnrollmentUseCase,
    private readonly updateEnrollment: UpdateEnrollmentUseCase,
    private readonly withdrawEnrollment: WithdrawEnrollmentUseCase,
    private readonly getEnrollment: GetEnrollmentUseCase,
    private readonly listEnrollments: ListEnrollmentsUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: EnrollmentResponse, description: '`enrollment.submitted` goes out with the matching features.' })
  @ApiBadRequestResponse({ description: 'Every problem at once: fields, and each answer by `answers.<questionId>`. Nothing is saved.' })
  @ApiForbiddenResponse({ description: 'A service account does not enrol.' })
  @ApiNotFoundResponse({ description: 'No such programme in your network.' })
  @ApiConflictResponse({ description: 'Intake is not open (draft, not yet open, ended, programme closed), or you are already enrolled in this role.' })
  async submit(@Body() body: SubmitEnrollmentRequest, @CurrentUser() caller: AuthUser): Promise<EnrollmentResponse> {
    return toEnrollmentResponse(await this.submitEnrollment.execute(caller, { ...body, excludedUserIds: body.excludedUserIds ?? [] }));
  }

  @Get()
  @ApiOkResponse({ type: EnrollmentPageResponse, description: "Your own enrolments; an organizer or integrator sees the network's." })
  @ApiBadRequestResponse({ description: 'A bad filter, `limit` or `cursor`.' })
  async list(@Query() query: ListEnrollmentsQuery, @CurrentUser() caller: AuthUser): Promise<EnrollmentPageResponse> {
    const page = await this.listEnrollments.execute(caller, { ...query, limit: query.limit ?? 20 });
    return { items: page.items.map(toEnrollmentResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOkResponse({ type: EnrollmentResponse })
  @ApiNotFoundResponse({ description: 'No such enrolment, or not one you may read.' })
  async get(@Param('id', uuidParam('id')) id: string, @CurrentUser() caller: AuthUser): Promise<EnrollmentResponse> {
    return toEnrollmentResponse(await this.getEnrollment.execute(caller, id));
  }

  @Put(':id')
  @ApiOkResponse({ type: EnrollmentResponse, description: 'Answers replaced; `enrollment.updated` goes out.' })
  @ApiBadRequestResponse({ description: 'Every problem at once. Nothing is saved.' })
  @ApiNotFoundResponse({ description: 'No such enrolment of yours.' })
  @ApiConflictResponse({ description: 'Intake is no longer open, the enrolment is withdrawn, or it changed since the version you sent.' })
  async update(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdateEnrollmentRequest,
    @CurrentUser() caller: AuthUser,
  ): Promise<EnrollmentResponse> {
    const { version, ...input } = body;
    return toEnrollmentResponse(await this.updateEnrollment.execute(caller, id, { ...input, excludedUserIds: input.excludedUserIds ?? [] }, version));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ type: EnrollmentResponse, description: 'Withdrawn; `enrollment.withdrawn` goes out.' })
  @ApiNotFoundResponse({ description: 'No such enrolment of yours.' })
  @ApiConflictResponse({ description: 'Already withdrawn.' })
  async withdraw(@Param('id', uuidParam('id')) id: string, @CurrentUser() caller: AuthUser): Promise<EnrollmentResponse> {
    return toEnrollmentResponse(await this.withdrawEnrollment.execute(caller, id));
  }
}

@ApiTags('programs')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid access token.' })
@Controller('v1/programs/:programId/statistics')
export class ProgramStatisticsController {
  constructor(private readonly statistics: ProgramStatisticsUseCase) {}

  @Get()
  @ApiOkResponse({ type: ProgramStatisticsResponse, description: 'Enrolments and goals, counted; unchanged by erasures.' })
  @ApiForbiddenResponse({ description: "Only the network's organizers and integrators." })
  @ApiNotFoundResponse({ description: 'No such programme in your network.' })
  async get(@Param('programId', uuidParam('programId')) programId: string, @CurrentUser() caller: AuthUser): Promise<ProgramStatisticsResponse> {
    return this.statistics.execute(caller, programId);
  }
}

function toEnrollmentResponse(enrollment: EnrollmentEntity): EnrollmentResponse {
  return {
    id: enrollment.id,
    networkId: enrollment.networkId,
    programId: enrollment.programId,
    userId: enrollment.userId,
    role: enrollment.role,
    status: enrollment.status,
    templateVersion: enrollment.templateVersion,
    answers: enrollment.answers,
    capacity: enrollment.capacity,
    baseline: enrollment.baseline(),
    excludedUserIds: enrollment.excludedUserIds,
    features: enrollment.features,
    version: enrollment.version,
    submittedAt: enrollment.submittedAt.toISOString(),
    updatedAt: enrollment.updatedAt.toISOString(),
    withdrawnAt: enrollment.withdrawnAt?.toISOString() ?? null,
  };
}
