import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { type AuthUser, CurrentUser, RequireRoles } from '@passerelle/platform/auth';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { TAXONOMY_KINDS, type TaxonomyKind } from '../../surveys/domain/question';
import { AddTermUseCase } from '../application/add-term.use-case';
import { ListTermsUseCase, SummarizeTaxonomiesUseCase } from '../application/read-taxonomies.use-case';
import { UpdateTermUseCase } from '../application/update-term.use-case';
import type { TaxonomyTermEntity } from '../infrastructure/taxonomy-term.entity';
import { AddTermRequest, ListTermsQuery, TaxonomiesResponse, TaxonomyScopeQuery, TermListResponse, TermResponse, UpdateTermRequest } from './taxonomies.dto';
import { TaxonomyKindPipe, TermIdPipe } from './taxonomy-params';

const KIND = { name: 'kind', enum: TAXONOMY_KINDS, description: 'Which taxonomy; a 400 naming `kind` for anything else.' };
const TERM_ID = { name: 'termId', description: 'The term’s id, e.g. `public-speaking` or (languages) `eu`.' };

@ApiTags('taxonomies')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid access token.' })
@Controller('v1/taxonomies')
export class TaxonomiesController {
  constructor(
    private readonly summarize: SummarizeTaxonomiesUseCase,
    private readonly listTerms: ListTermsUseCase,
    private readonly addTerm: AddTermUseCase,
    private readonly updateTerm: UpdateTermUseCase,
  ) {}

  @Get()
  @ApiOkResponse({ type: TaxonomiesResponse, description: 'The network’s taxonomies (skills, industries, interests, languages) with their sizes.' })
  @ApiBadRequestResponse({ description: 'Invalid `networkId`.' })
  async summary(@Query() query: TaxonomyScopeQuery, @CurrentUser() caller: AuthUser): Promise<TaxonomiesResponse> {
    return { items: await this.summarize.execute(caller, query.networkId) };
  }

  @Get(':kind')
  @ApiParam(KIND)
  @ApiOkResponse({ type: TermListResponse, description: 'Any member of the network, integrators included.' })
  @ApiBadRequestResponse({ description: 'Unknown `kind`, invalid `includeRetired` or `networkId`.' })
  async list(
    @Param('kind', TaxonomyKindPipe) kind: TaxonomyKind,
    @Query() query: ListTermsQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<TermListResponse> {
    const terms = await this.listTerms.execute(caller, kind, { includeRetired: query.includeRetired ?? false, networkId: query.networkId });
    return { kind, items: terms.map(toResponse) };
  }

  @Post(':kind')
  @HttpCode(201)
  @RequireRoles('organizer', 'platform_admin')
  @ApiParam(KIND)
  @ApiCreatedResponse({ type: TermResponse })
  @ApiBadRequestResponse({ description: 'Unknown `kind`, or invalid fields, all listed in `details`.' })
  @ApiForbiddenResponse({ description: 'Only an organizer of the network (or a platform_admin, naming `networkId`).' })
  @ApiConflictResponse({ description: 'The id or the label is already taken in this taxonomy (the message says by which term), or the taxonomy is full.' })
  async add(
    @Param('kind', TaxonomyKindPipe) kind: TaxonomyKind,
    @Query() query: TaxonomyScopeQuery,
    @Body() body: AddTermRequest,
    @CurrentUser() caller: AuthUser,
  ): Promise<TermResponse> {
    return toResponse(await this.addTerm.execute(caller, kind, body, query.networkId));
  }

  @Patch(':kind/:termId')
  @RequireRoles('organizer', 'platform_admin')
  @ApiParam(KIND)
  @ApiParam(TERM_ID)
  @ApiOkResponse({ type: TermResponse })
  @ApiBadRequestResponse({ description: 'Unknown `kind`, malformed `termId`, or invalid fields.' })
  @ApiForbiddenResponse({ description: 'Only an organizer of the network (or a platform_admin, naming `networkId`).' })
  @ApiNotFoundResponse({ description: 'No such term in your network.' })
  @ApiConflictResponse({ description: 'Another term already has that label.' })
  async update(
    @Param('kind', TaxonomyKindPipe) kind: TaxonomyKind,
    @Param('termId', TermIdPipe) termId: string,
    @Query() query: TaxonomyScopeQuery,
    @Body() body: UpdateTermRequest,
    @CurrentUser() caller: AuthUser,
  ): Promise<TermResponse> {
    return toResponse(await this.updateTerm.execute(caller, kind, termId, body, query.networkId));
  }
}

function toResponse(term: TaxonomyTermEntity): TermResponse {
  return { id: term.id, label: term.label, retired: term.retiredAt !== null, default: term.isDefault };
}
