import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
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
import { type AuthUser, canManageNetwork, CurrentUser, RequireRoles } from '@passerelle/platform/auth';
import { invalidField, uuidParam } from '@passerelle/platform/http';
import { AcceptMatchUseCase, DeclineMatchUseCase } from '../application/answer-match.use-cases';
import { CancelMatchUseCase, EndMatchUseCase } from '../application/close-match.use-cases';
import { CreateMatchUseCase } from '../application/create-match.use-case';
import { GetMatchUseCase, ListMatchesUseCase } from '../application/read-matches.use-cases';
import { participantDisclosure } from '../domain/match-disclosure';
import type { MatchEntity } from '../infrastructure/match.entity';
import { CloseMatchRequest, CreateMatchRequest, DeclineMatchRequest, ListMatchesQuery, MatchPageResponse, MatchResponse } from './matches.dto';

const ILLEGAL = 'Not possible in the current state, named in `details` (e.g. `status: is declined`).';

@ApiTags('matches')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid access token.' })
@Controller('v1/matches')
export class MatchesController {
  constructor(
    private readonly listMatches: ListMatchesUseCase,
    private readonly getMatch: GetMatchUseCase,
    private readonly createMatch: CreateMatchUseCase,
    private readonly acceptMatch: AcceptMatchUseCase,
    private readonly declineMatch: DeclineMatchUseCase,
    private readonly endMatch: EndMatchUseCase,
    private readonly cancelMatch: CancelMatchUseCase,
  ) {}

  @Get()
  @ApiOkResponse({ type: MatchPageResponse, description: "Your own matches; organizers and integrators see the network's." })
  async list(@Query() query: ListMatchesQuery, @CurrentUser() caller: AuthUser): Promise<MatchPageResponse> {
    const page = await this.listMatches.execute(caller, { ...query, limit: query.limit ?? 20 });
    return { items: page.items.map((match) => toMatchResponse(match, caller)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOkResponse({ type: MatchResponse })
  @ApiNotFoundResponse({ description: 'No such match, or not one you may see.' })
  async get(@Param('id', uuidParam('id')) id: string, @CurrentUser() caller: AuthUser): Promise<MatchResponse> {
    return toMatchResponse(await this.getMatch.execute(caller, id), caller);
  }

  @Post()
  @HttpCode(201)
  @RequireRoles('organizer', 'platform_admin')
  @ApiCreatedResponse({ type: MatchResponse, description: 'Proposed by hand; `match.proposed` goes out with its score.' })
  @ApiBadRequestResponse({ description: 'Invalid fields.' })
  @ApiNotFoundResponse({ description: 'No such programme or participant.' })
  @ApiConflictResponse({ description: 'The mentee has an open match, the mentor is full, a hard constraint fails (without override), or the programme is closed.' })
  async create(@Body() body: CreateMatchRequest, @CurrentUser() caller: AuthUser): Promise<MatchResponse> {
    return toMatchResponse(await this.createMatch.execute(caller, { ...body, overrideConstraints: body.overrideConstraints ?? false }), caller);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: MatchResponse, description: 'Active once both sides accepted; `match.accepted` goes out then.' })
  @ApiForbiddenResponse({ description: 'Organizers do not answer for the pair.' })
  @ApiNotFoundResponse({ description: 'No such match of yours.' })
  @ApiConflictResponse({ description: ILLEGAL })
  async accept(@Param('id', uuidParam('id')) id: string, @CurrentUser() caller: AuthUser): Promise<MatchResponse> {
    return toMatchResponse(await this.acceptMatch.execute(caller, id), caller);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiOkResponse({ type: MatchResponse, description: 'Declined; the mentee returns to the pool and this pair is not proposed again.' })
  @ApiForbiddenResponse({ description: 'Organizers cancel instead.' })
  @ApiNotFoundResponse({ description: 'No such match of yours.' })
  @ApiConflictResponse({ description: ILLEGAL })
  async decline(@Param('id', uuidParam('id')) id: string, @Body() body: DeclineMatchRequest, @CurrentUser() caller: AuthUser): Promise<MatchResponse> {
    return toMatchResponse(await this.declineMatch.execute(caller, id, body.reason), caller);
  }

  @Post(':id/end')
  @HttpCode(200)
  @ApiOkResponse({ type: MatchResponse, description: 'Ended early; the mentee can be matched again.' })
  @ApiNotFoundResponse({ description: 'No such match of yours.' })
  @ApiConflictResponse({ description: ILLEGAL })
  async end(@Param('id', uuidParam('id')) id: string, @Body() body: CloseMatchRequest, @CurrentUser() caller: AuthUser): Promise<MatchResponse> {
    return toMatchResponse(await this.endMatch.execute(caller, id, body.reason ?? null), caller);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequireRoles('organizer', 'platform_admin')
  @ApiOkResponse({ type: MatchResponse, description: 'A proposal is declined, an active match ends (`organizer_decision`).' })
  @ApiBadRequestResponse({ description: 'No reason given.' })
  @ApiNotFoundResponse({ description: 'No such match in your network.' })
  @ApiConflictResponse({ description: ILLEGAL })
  async cancel(@Param('id', uuidParam('id')) id: string, @Body() body: CloseMatchRequest, @CurrentUser() caller: AuthUser): Promise<MatchResponse> {
    if (!body.reason) throw invalidField('reason', 'is required to cancel a match');
    return toMatchResponse(await this.cancelMatch.execute(caller, id, body.reason), caller);
  }
}

/** The match as `caller` may read it: in full for the network's organizers and integrators, as participantDisclosure says for the pair. */
export function toMatchResponse(match: MatchEntity, caller: AuthUser): MatchResponse {
  const side = caller.userId === match.mentorId ? 'mentor' : caller.userId === match.menteeId ? 'mentee' : null;
  const shown = side && !canManageNetwork(caller, match.networkId) ? participantDisclosure(match, side) : match;
  return {
    id: match.id,
    networkId: match.networkId,
    programId: match.programId,
    menteeId: match.menteeId,
    mentorId: match.mentorId,
    menteeEnrollmentId: match.menteeEnrollmentId,
    mentorEnrollmentId: match.mentorEnrollmentId,
    status: match.status,
    origin: match.origin,
    roundId: match.roundId,
    rank: match.rank,
    score: shown.score,
    menteeAcceptedAt: match.menteeAcceptedAt?.toISOString() ?? null,
    mentorAcceptedAt: match.mentorAcceptedAt?.toISOString() ?? null,
    respondBy: match.respondBy?.toISOString() ?? null,
    declinedBy: match.declinedBy,
    declineReason: shown.declineReason,
    endedBy: match.endedBy,
    endReason: match.endReason,
    proposedAt: match.proposedAt.toISOString(),
    acceptedAt: match.acceptedAt?.toISOString() ?? null,
    closedAt: match.closedAt?.toISOString() ?? null,
    version: match.version,
  };
}
