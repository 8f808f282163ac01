import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { type AuthUser, CurrentUser, RequireRoles } from '@passerelle/platform/auth';
import { invalidField, uuidParam } from '@passerelle/platform/http';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CloseProgramUseCase } from '../application/close-program.use-case';
import { CreateProgramUseCase } from '../application/create-program.use-case';
import { PublishProgramUseCase } from '../application/publish-program.use-case';
import { GetProgramUseCase, ListProgramsUseCase } from '../application/read-programs.use-case';
import { UpdateProgramUseCase } from '../application/update-program.use-case';
import type { ProgramEntity } from '../infrastructure/program.entity';
import { CreateProgramRequest, ListProgramsQuery, ProgramPageResponse, ProgramResponse, UpdateProgramRequest } from './programs.dto';

const IF_MATCH = { name: 'If-Match', required: false, description: 'The version you read (e.g. `"3"`); a 409 if the programme changed since.' };

@ApiTags('programs')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid access token.' })
@Controller('v1/programs')
export class ProgramsController {
  constructor(
    private readonly createProgram: CreateProgramUseCase,
    private readonly listPrograms: ListProgramsUseCase,
    private readonly getProgram: GetProgramUseCase,
    private readonly updateProgram: UpdateProgramUseCase,
    private readonly publishProgram: PublishProgramUseCase,
    private readonly closeProgram: CloseProgramUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRoles('organizer', 'platform_admin')
  @ApiCreatedResponse({ type: ProgramResponse, description: 'A draft: nothing is published until `publish`.' })
  @ApiBadRequestResponse({ description: 'Invalid fields, all listed in `details`.' })
  @ApiForbiddenResponse({ description: 'Only an organizer of the network (or a platform_admin).' })
  async create(@Body() body: CreateProgramRequest, @CurrentUser() caller: AuthUser): Promise<ProgramResponse> {
    return toResponse(await this.createProgram.execute(caller, { description: '', charter: '', ...body }));
  }

  @Get()
  @ApiOkResponse({ type: ProgramPageResponse })
  @ApiBadRequestResponse({ description: 'Invalid `limit`, `cursor`, `networkId` or `status`.' })
  async list(@Query() query: ListProgramsQuery, @CurrentUser() caller: AuthUser): Promise<ProgramPageResponse> {
    const page = await this.listPrograms.execute(caller, { limit: query.limit ?? 20, cursor: query.cursor, networkId: query.networkId, status: query.status });
    return { items: page.items.map(toResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOkResponse({ type: ProgramResponse })
  @ApiNotFoundResponse({ description: 'No such programme, or not of your network.' })
  async get(@Param('id', uuidParam('id')) id: string, @CurrentUser() caller: AuthUser): Promise<ProgramResponse> {
    return toResponse(await this.getProgram.execute(caller, id));
  }

  @Patch(':id')
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ProgramResponse, description: 'A published programme\'s change is published as `program.updated`.' })
  @ApiBadRequestResponse({ description: 'Invalid fields, or a combination that breaks the rules, all listed in `details`.' })
  @ApiForbiddenResponse({ description: 'Only an organizer of the network (or a platform_admin).' })
  @ApiNotFoundResponse({ description: 'No such programme, or not of your network.' })
  @ApiConflictResponse({ description: 'The programme is closed, or changed since the version you sent.' })
  async update(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdateProgramRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() caller: AuthUser,
  ): Promise<ProgramResponse> {
    const { version, ...changes } = body;
    return toResponse(await this.updateProgram.execute(caller, id, changes, expectedVersion(ifMatch, version)));
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ProgramResponse, description: 'Published; `program.published` goes out.' })
  @ApiForbiddenResponse({ description: 'Only an organizer of the network (or a platform_admin).' })
  @ApiNotFoundResponse({ description: 'No such programme, or not of your network.' })
  @ApiConflictResponse({ description: 'Only a draft is published.' })
  async publish(
    @Param('id', uuidParam('id')) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() caller: AuthUser,
  ): Promise<ProgramResponse> {
    return toResponse(await this.publishProgram.execute(caller, id, expectedVersion(ifMatch)));
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ProgramResponse, description: 'Closed; `program.closed` goes out.' })
  @ApiForbiddenResponse({ description: 'Only an organizer of the network (or a platform_admin).' })
  @ApiNotFoundResponse({ description: 'No such programme, or not of your network.' })
  @ApiConflictResponse({ description: 'Only a published programme closes.' })
  async close(
    @Param('id', uuidParam('id')) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() caller: AuthUser,
  ): Promise<ProgramResponse> {
    return toResponse(await this.closeProgram.execute(caller, id, expectedVersion(ifMatch)));
  }
}

/** `If-Match: "3"` (or `W/"3"`, or `3`) and/or a body `version`; they must agree when both are sent. */
function expectedVersion(ifMatch: string | undefined, bodyVersion?: number): number | undefined {
  let fromHeader: number | undefined;
  if (ifMatch !== undefined && ifMatch.trim() !== '*') {
    const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
    if (!match) throw invalidField('If-Match', 'must be a programme version, e.g. "3"');
    fromHeader = Number(match[1]);
  }
  if (fromHeader !== undefined && bodyVersion !== undefined && fromHeader !== bodyVersion) {
    throw invalidField('version', 'must equal the If-Match version when both are sent');
  }
  return fromHeader ?? bodyVersion;
}

function toResponse(program: ProgramEntity): ProgramResponse {
  return {
    id: program.id,
    networkId: program.networkId,
    name: program.name,
    description: program.description,
    charter: program.charter,
    objectives: program.objectives,
    startsOn: program.startsOn,
    endsOn: program.endsOn,
    cadenceDays: program.cadenceDays,
    matchingModes: program.matchingModes,
    defaultMentorCapacity: program.defaultMentorCapacity,
    intakeOpensOn: program.intakeOpensOn,
    intakeClosesOn: program.intakeClosesOn,
    status: program.status,
    version: program.version,
    publishedAt: program.publishedAt?.toISOString() ?? null,
    closedAt: program.closedAt?.toISOString() ?? null,
    createdAt: program.createdAt.toISOString(),
    updatedAt: program.updatedAt.toISOString(),
  };
}
