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
import { type AuthUser, CurrentUser, RequireRoles } from '@passerelle/platform/auth';
import { uuidParam } from '@passerelle/platform/http';
import { GetScoringModelUseCase, type ModelView, SaveScoringModelUseCase } from '../../scoring/application/scoring-model.use-cases';
import { ListRoundsUseCase } from '../application/list-rounds.use-case';
import { RunRoundUseCase } from '../application/run-round.use-case';
import { WhatIfUseCase } from '../application/what-if.use-case';
import { WhyNotUseCase } from '../application/why-not.use-case';
import type { RoundEntity } from '../infrastructure/round.entity';
import {
  RoundResponse,
  RunRoundRequest,
  SaveScoringModelRequest,
  ScoringModelResponse,
  WhatIfRequest,
  WhatIfResponse,
  WhyNotQuery,
  WhyNotResponse,
} from './rounds.dto';

const ORGANIZERS = 'Only an organizer of the network (or a platform_admin).';
const NO_PROGRAMME = 'No such published programme in your network.';

@ApiTags('matching')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid access token.' })
@Controller('v1/matching/programs/:programId')
export class MatchingController {
  constructor(
    private readonly getModel: GetScoringModelUseCase,
    private readonly saveModel: SaveScoringModelUseCase,
    private readonly runRound: RunRoundUseCase,
    private readonly listRounds: ListRoundsUseCase,
    private readonly whatIf: WhatIfUseCase,
    private readonly whyNot: WhyNotUseCase,
  ) {}

  @Get('model')
  @ApiOkResponse({ type: ScoringModelResponse })
  @ApiNotFoundResponse({ description: NO_PROGRAMME })
  async model(@Param('programId', uuidParam('programId')) programId: string, @CurrentUser() caller: AuthUser): Promise<ScoringModelResponse> {
    return toModelResponse(await this.getModel.execute(caller, programId));
  }

  @Put('model')
  @RequireRoles('organizer', 'platform_admin')
  @ApiOkResponse({ type: ScoringModelResponse, description: 'Saved; the next round uses it.' })
  @ApiBadRequestResponse({ description: 'Every problem of the model (negative or unknown weights, bad constraints).' })
  @ApiForbiddenResponse({ description: ORGANIZERS })
  @ApiNotFoundResponse({ description: NO_PROGRAMME })
  @ApiConflictResponse({ description: 'The model changed since the version you sent.' })
  async save(
    @Param('programId', uuidParam('programId')) programId: string,
    @Body() body: SaveScoringModelRequest,
    @CurrentUser() caller: AuthUser,
  ): Promise<ScoringModelResponse> {
    return toModelResponse(await this.saveModel.execute(caller, programId, body.model, body.version));
  }

  @Post('rounds')
  @HttpCode(201)
  @RequireRoles('organizer', 'platform_admin')
  @ApiCreatedResponse({ type: RoundResponse, description: 'Proposals made (certified optimal); `match.proposed` per pair and `round.completed` go out.' })
  @ApiForbiddenResponse({ description: ORGANIZERS })
  @ApiNotFoundResponse({ description: NO_PROGRAMME })
  @ApiConflictResponse({ description: 'The programme is closed or has no organizer rounds.' })
  async run(
    @Param('programId', uuidParam('programId')) programId: string,
    @Body() body: RunRoundRequest,
    @CurrentUser() caller: AuthUser,
  ): Promise<RoundResponse> {
    const { round, matches } = await this.runRound.execute(caller, programId, { loadBalancing: body.loadBalancing ?? false });
    return { ...toRoundResponse(round), matchIds: matches.map((match) => match.id) };
  }

  @Get('rounds')
  @RequireRoles('organizer', 'platform_admin', 'integrator')
  @ApiOkResponse({ type: [RoundResponse], description: 'Newest first.' })
  @ApiNotFoundResponse({ description: NO_PROGRAMME })
  async rounds(@Param('programId', uuidParam('programId')) programId: string, @CurrentUser() caller: AuthUser): Promise<RoundResponse[]> {
    return (await this.listRounds.execute(caller, programId)).map(toRoundResponse);
  }

  @Post('what-if')
  @HttpCode(200)
  @RequireRoles('organizer', 'platform_admin')
  @ApiOkResponse({ type: WhatIfResponse, description: 'The round this model would give now. Nothing is stored or published.' })
  @ApiBadRequestResponse({ description: 'Every problem of the model tried.' })
  @ApiForbiddenResponse({ description: ORGANIZERS })
  @ApiNotFoundResponse({ description: NO_PROGRAMME })
  async tryModel(
    @Param('programId', uuidParam('programId')) programId: string,
    @Body() body: WhatIfRequest,
    @CurrentUser() caller: AuthUser,
  ): Promise<WhatIfResponse> {
    return this.whatIf.execute(caller, programId, { model: body.model, loadBalancing: body.loadBalancing ?? false });
  }

  @Get('why-not')
  @ApiOkResponse({
    type: WhyNotResponse,
    description:
      'Why these two were not matched. Organizers: the failed constraint, or the score they would have needed. The mentee asking about themselves: ' +
      'their match if they are matched together, otherwise "not available for this pairing" (`not_available`), never the reason.',
  })
  @ApiForbiddenResponse({ description: 'Neither an organizer of the network nor the mentee of the pair.' })
  @ApiNotFoundResponse({ description: 'No such programme or participant.' })
  async explain(
    @Param('programId', uuidParam('programId')) programId: string,
    @Query() query: WhyNotQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<WhyNotResponse> {
    return this.whyNot.execute(caller, programId, query.menteeEnrollmentId, query.mentorEnrollmentId);
  }
}

function toModelResponse(view: ModelView): ScoringModelResponse {
  return { programId: view.programId, model: view.model, isDefault: view.isDefault, version: view.version, updatedAt: view.updatedAt?.toISOString() ?? null };
}

function toRoundResponse(round: RoundEntity): RoundResponse {
  return {
    id: round.id,
    programId: round.programId,
    startedAt: round.startedAt.toISOString(),
    completedAt: round.completedAt.toISOString(),
    statistics: round.statistics,
    model: round.model as object,
  };
}
