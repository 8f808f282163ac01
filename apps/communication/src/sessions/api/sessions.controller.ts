import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '@passerelle/platform/auth';
import { uuidParam } from '@passerelle/platform/http';
import type { Response } from 'express';
import { ProposeSessionUseCase } from '../application/propose-session.use-case';
import { GetSessionUseCase, ListSessionsUseCase } from '../application/read-sessions.use-cases';
import { GetSessionCalendarUseCase } from '../application/session-calendar.use-case';
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
    private readonly calendar: GetSessionCalendarUseCase,
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

  @Get(':id/calendar.ics')
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    schema: { type: 'string' },
    description:
      'The session as an iCalendar file (METHOD:PUBLISH) to add to your calendar: same UID and SEQUENCE as the mailed invitation; ' +
      'a proposed time is TENTATIVE, a cancelled session CANCELLED.',
  })
  @ApiBadRequestResponse({ description: '`id` is not a UUID.' })
  async calendarFile(@Param('id', uuidParam('id')) id: string, @CurrentUser() caller: AuthUser, @Res({ passthrough: true }) response: Response): Promise<string> {
    const { fileName, content } = await this.calendar.execute(caller, id);
    response.setHeader('content-type', 'text/calendar; charset=utf-8');
    response.setHeader('content-disposition', `attachment; filename="${fileName}"`);
    // Personal data (the participants' addresses): never kept by a shared cache.
    response.setHeader('cache-control', 'private, no-store');
    return content;
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
