import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
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
import type { Response } from 'express';
import { CompleteResourceUseCase } from '../application/complete-resource.use-case';
import { ArchiveResourceUseCase, PublishResourceUseCase, UpdateResourceUseCase } from '../application/manage-resources.use-cases';
import { GetResourceUseCase, ListResourcesUseCase } from '../application/read-resources.use-cases';
import type { ResourceView } from '../application/resource-access';
import { isCompletable } from '../domain/resource';
import type { ResourceCompletionEntity } from '../infrastructure/resource-completion.entity';
import { CompletionResponse, ListResourcesQuery, PublishResourceRequest, ResourcePageResponse, ResourceResponse, UpdateResourceRequest } from './resources.dto';

const OUTSIDER =
  "No such resource or programme for you: another network's, a cohort you are not in, or material for another role (the same answer as for an id that does not exist).";
const ORGANIZERS = 'Only an organizer of the network.';

@ApiTags('resources')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid access token.' })
@Controller('v1/resources')
export class ResourcesController {
  constructor(
    private readonly publishResource: PublishResourceUseCase,
    private readonly listResources: ListResourcesUseCase,
    private readonly getResource: GetResourceUseCase,
    private readonly updateResource: UpdateResourceUseCase,
    private readonly archiveResource: ArchiveResourceUseCase,
    private readonly completeResource: CompleteResourceUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: ResourceResponse, description: 'Published for `audience` in the programme; `resource.published` goes out.' })
  @ApiBadRequestResponse({ description: 'Every bad field at once, e.g. an unknown `kind` or `audience`, a non-https `url`, or not exactly one of `url` and `body`.' })
  @ApiForbiddenResponse({ description: ORGANIZERS })
  @ApiNotFoundResponse({ description: OUTSIDER })
  @ApiConflictResponse({ description: 'The programme is closed.' })
  async publish(@Body() body: PublishResourceRequest, @CurrentUser() caller: AuthUser): Promise<ResourceResponse> {
    return toResourceResponse(
      await this.publishResource.execute(caller, {
        programId: body.programId,
        kind: body.kind,
        audience: body.audience,
        title: body.title,
        description: body.description ?? '',
        url: body.url ?? null,
        body: body.body ?? null,
      }),
    );
  }

  @Get()
  @ApiOkResponse({ type: ResourcePageResponse, description: "What applies to your role(s) in the programme, with your completions; organizers and integrators see everything." })
  @ApiBadRequestResponse({ description: '`programId` missing or not a UUID, or a bad `kind`, `limit` or `cursor`.' })
  @ApiNotFoundResponse({ description: OUTSIDER })
  async list(@Query() query: ListResourcesQuery, @CurrentUser() caller: AuthUser): Promise<ResourcePageResponse> {
    const page = await this.listResources.execute(caller, { programId: query.programId, kind: query.kind, limit: query.limit ?? 20, cursor: query.cursor });
    return { items: page.items.map(toResourceResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOkResponse({ type: ResourceResponse })
  @ApiBadRequestResponse({ description: '`id` is not a UUID.' })
  @ApiNotFoundResponse({ description: OUTSIDER })
  async get(@Param('id', uuidParam('id')) id: string, @CurrentUser() caller: AuthUser): Promise<ResourceResponse> {
    return toResourceResponse(await this.getResource.execute(caller, id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: ResourceResponse, description: 'The wording or the material changed; the kind and audience stay.' })
  @ApiBadRequestResponse({ description: 'No field, or bad ones (all listed).' })
  @ApiForbiddenResponse({ description: ORGANIZERS })
  @ApiNotFoundResponse({ description: OUTSIDER })
  @ApiConflictResponse({ description: 'The resource is archived.' })
  async update(@Param('id', uuidParam('id')) id: string, @Body() body: UpdateResourceRequest, @CurrentUser() caller: AuthUser): Promise<ResourceResponse> {
    if (Object.values(body).every((value) => value === undefined)) throw invalidField('body', 'must change at least one field (title, description, url or body)');
    return toResourceResponse(await this.updateResource.execute(caller, id, body));
  }

  @Post(':id/archive')
  @HttpCode(200)
  @ApiOkResponse({ type: ResourceResponse, description: 'Archived: participants no longer see it; completions stay. Archiving again changes nothing.' })
  @ApiBadRequestResponse({ description: '`id` is not a UUID.' })
  @ApiForbiddenResponse({ description: ORGANIZERS })
  @ApiNotFoundResponse({ description: OUTSIDER })
  async archive(@Param('id', uuidParam('id')) id: string, @CurrentUser() caller: AuthUser): Promise<ResourceResponse> {
    return toResourceResponse(await this.archiveResource.execute(caller, id));
  }

  @Post(':id/completion')
  @ApiCreatedResponse({ type: CompletionResponse, description: 'Completed now; `resource.completed` goes out with the role.' })
  @ApiOkResponse({ type: CompletionResponse, description: 'Completed before: the first completion, unchanged (idempotent).' })
  @ApiBadRequestResponse({ description: '`id` is not a UUID.' })
  @ApiForbiddenResponse({ description: 'Only a participant of the programme completes its training.' })
  @ApiNotFoundResponse({ description: OUTSIDER })
  @ApiConflictResponse({ description: 'Not a training module, or the programme is closed.' })
  async complete(@Param('id', uuidParam('id')) id: string, @CurrentUser() caller: AuthUser, @Res({ passthrough: true }) response: Response): Promise<CompletionResponse> {
    const { completion, created } = await this.completeResource.execute(caller, id);
    response.status(created ? 201 : 200);
    return toCompletionResponse(completion);
  }
}

function toCompletionResponse(completion: ResourceCompletionEntity): CompletionResponse {
  return { resourceId: completion.resourceId, role: completion.role, completedAt: completion.completedAt.toISOString() };
}

function toResourceResponse({ resource, myCompletion, completionCount }: ResourceView): ResourceResponse {
  return {
    id: resource.id,
    programId: resource.programId,
    kind: resource.kind,
    audience: resource.audience,
    title: resource.title,
    description: resource.description,
    url: resource.url,
    body: resource.body,
    status: resource.status,
    completable: isCompletable(resource.kind),
    myCompletion: myCompletion ? toCompletionResponse(myCompletion) : null,
    completionCount,
    publishedAt: resource.publishedAt.toISOString(),
    updatedAt: resource.updatedAt.toISOString(),
    archivedAt: resource.archivedAt?.toISOString() ?? null,
  };
}
