import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '@passerelle/platform/auth';
import { uuidParam } from '@passerelle/platform/http';
import { ProposeSessionUseCase } from '../application/propose-session.use-case';
import { GetSessionUseCase, ListSessionsUseCase } from '../application/read-sessions.use-cases';
import {
  CancelSessionUseCase,
  CompleteSessionUseCase,
  ConfirmSessionUseCase,
  RecordNoShowUseCase,
  RescheduleSessionUseCase,
} from '../application/session-transitions.use-cases';
import {
  CancelSessionRequest,
  CompleteSessionRequest,
  ListSessionsQuery,
  NoShowRequest,
  ProposeSessionRequest,
  RescheduleSessionRequest,
  SessionListResponse,
  SessionResponse,
} from './sessions.dto';

const NOT_YOURS = 'No such session (or pair), or not yours: only the pair’s mentor and mentee see and change its sessions; changes need the pair still open.';
const STATE = 'The session’s state does not allow it (`status: is …`), or the time is taken (`startsAt: overlaps …`).';

@ApiTags('sessions')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid access token.' })
@ApiNotFoundResponse({ description: NOT_YOURS })
@Controller('v1/sessions')
export class SessionsController {
  constructor(
    private readonly propose: ProposeSessionUseCase,
    private readonly list: ListSessionsUseCase,
    private readonly get: GetSessionUseCase,
    private readonly confirm: ConfirmSessionUseCase,
    private readonly reschedule: RescheduleSessionUseCase,
    private readonly cancel: CancelSessionUseCase,
    private readonly complete: CompleteSessionUseCase,
    private readonly noShow: RecordNoShowUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: SessionResponse, description: 'Proposed: the other participant confirms it.' })
  @ApiBadRequestResponse({ description: 'A field is missing or wrong: `startsAt` in the past, `durationMinutes`, `mode`, `timeZone`…' })
  @ApiConflictResponse({ description: STATE })
  async create(@Body() body: ProposeSessionRequest, @CurrentUser() caller: AuthUser): Promise<SessionResponse> {
    return this.propose.execute(caller, { ...body, startsAt: new Date(body.startsAt) });
  }

  @Get()
  @ApiOkResponse({ type: SessionListResponse })
  async index(@Query() query: ListSessionsQuery, @CurrentUser() caller: AuthUser): Promise<SessionListResponse> {
    return this.list.execute(caller, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: SessionResponse })
  async show(@Param('id', uuidParam('id')) id: string, @CurrentUser() caller: AuthUser): Promise<SessionResponse> {
    return this.get.execute(caller, id);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionResponse, description: 'Confirmed: both participants are mailed the invitation (.ics).' })
  @ApiConflictResponse({ description: STATE })
  async confirmSession(@Param('id', uuidParam('id')) id: string, @CurrentUser() caller: AuthUser): Promise<SessionResponse> {
    return this.confirm.execute(caller, id);
  }

  @Post(':id/reschedule')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionResponse, description: 'Back to proposed for the other to confirm; a scheduled session’s invitation is updated (same UID, next SEQUENCE).' })
  @ApiBadRequestResponse({ description: '`startsAt` in the past or unchanged, or a bad `durationMinutes`.' })
  @ApiConflictResponse({ description: STATE })
  async rescheduleSession(@Param('id', uuidParam('id')) id: string, @Body() body: RescheduleSessionRequest, @CurrentUser() caller: AuthUser): Promise<SessionResponse> {
    return this.reschedule.execute(caller, id, { startsAt: new Date(body.startsAt), durationMinutes: body.durationMinutes });
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionResponse, description: 'Cancelled: a scheduled session is withdrawn from both calendars (METHOD:CANCEL).' })
  @ApiConflictResponse({ description: STATE })
  async cancelSession(@Param('id', uuidParam('id')) id: string, @Body() body: CancelSessionRequest, @CurrentUser() caller: AuthUser): Promise<SessionResponse> {
    return this.cancel.execute(caller, id, body.reason.trim());
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionResponse })
  @ApiConflictResponse({ description: 'Not confirmed, or not started yet.' })
  async completeSession(@Param('id', uuidParam('id')) id: string, @Body() body: CompleteSessionRequest, @CurrentUser() caller: AuthUser): Promise<SessionResponse> {
    return this.complete.execute(caller, id, body.actualDurationMinutes);
  }

  @Post(':id/no-show')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionResponse })
  @ApiConflictResponse({ description: 'Not confirmed, or not started yet.' })
  async noShowSession(@Param('id', uuidParam('id')) id: string, @Body() body: NoShowRequest, @CurrentUser() caller: AuthUser): Promise<SessionResponse> {
    return this.noShow.execute(caller, id, body.absent);
  }
}
