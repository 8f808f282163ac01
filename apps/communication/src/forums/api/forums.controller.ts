import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
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
import { CohortPageQuery } from '../../cohort/api/cohort-page.query';
import { DirectoryLookup } from '../../directory/application/directory-lookup';
import { AddPostUseCase, ListPostsUseCase, ModeratePostUseCase } from '../application/posts.use-cases';
import { GetThreadUseCase, ListThreadsUseCase, ModerateThreadUseCase, StartThreadUseCase } from '../application/threads.use-cases';
import type { ForumPostEntity } from '../infrastructure/forum-post.entity';
import type { ForumThreadEntity } from '../infrastructure/forum-thread.entity';
import {
  AddPostRequest,
  ModeratePostRequest,
  ModerateThreadRequest,
  PostPageResponse,
  PostResponse,
  StartThreadRequest,
  ThreadPageResponse,
  ThreadResponse,
} from './forums.dto';

const OUTSIDER = "No such programme, thread or post of yours: another network's, or a cohort you are not in (the same answer as for an id that does not exist).";
const CLOSED_OR_LOCKED = 'The programme is closed, or the thread is locked (`details` says which).';

@ApiTags('forums')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid access token.' })
@Controller('v1/forums')
export class ForumsController {
  constructor(
    private readonly listThreads: ListThreadsUseCase,
    private readonly startThread: StartThreadUseCase,
    private readonly getThread: GetThreadUseCase,
    private readonly threadModeration: ModerateThreadUseCase,
    private readonly listPosts: ListPostsUseCase,
    private readonly posting: AddPostUseCase,
    private readonly postModeration: ModeratePostUseCase,
    private readonly directory: DirectoryLookup,
  ) {}

  /** Authors' names as the directory has them now (a renamed member shows their new name; an erased one, none). */
  private authorNames(items: ReadonlyArray<{ authorId: string | null }>): Promise<Map<string, string>> {
    return this.directory.displayNames(items.flatMap((item) => (item.authorId ? [item.authorId] : [])));
  }

  @Get('programs/:programId/threads')
  @ApiOkResponse({ type: ThreadPageResponse, description: "The programme's threads, newest first. Members do not see hidden threads; organizers see them marked `hidden`." })
  @ApiBadRequestResponse({ description: 'A bad `programId`, `limit` or `cursor`.' })
  @ApiNotFoundResponse({ description: OUTSIDER })
  async threads(
    @Param('programId', uuidParam('programId')) programId: string,
    @Query() query: CohortPageQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<ThreadPageResponse> {
    const page = await this.listThreads.execute(caller, programId, { limit: query.limit ?? 20, cursor: query.cursor });
    const names = await this.authorNames(page.items);
    return { items: page.items.map((thread) => toThreadResponse(thread, names)), nextCursor: page.nextCursor };
  }

  @Post('programs/:programId/threads')
  @HttpCode(201)
  @ApiCreatedResponse({ type: ThreadResponse, description: 'A thread opened by a member of the cohort or an organizer.' })
  @ApiBadRequestResponse({ description: 'Every bad field at once (`title`, `body`). Nothing is saved.' })
  @ApiForbiddenResponse({ description: 'A service account only reads.' })
  @ApiNotFoundResponse({ description: OUTSIDER })
  @ApiConflictResponse({ description: 'The programme is closed.' })
  async start(
    @Param('programId', uuidParam('programId')) programId: string,
    @Body() body: StartThreadRequest,
    @CurrentUser() caller: AuthUser,
  ): Promise<ThreadResponse> {
    const thread = await this.startThread.execute(caller, programId, body);
    return toThreadResponse(thread, await this.authorNames([thread]));
  }

  @Get('threads/:threadId')
  @ApiOkResponse({ type: ThreadResponse })
  @ApiBadRequestResponse({ description: '`threadId` is not a UUID.' })
  @ApiNotFoundResponse({ description: `${OUTSIDER} A hidden thread is not found for members.` })
  async thread(@Param('threadId', uuidParam('threadId')) threadId: string, @CurrentUser() caller: AuthUser): Promise<ThreadResponse> {
    const thread = await this.getThread.execute(caller, threadId);
    return toThreadResponse(thread, await this.authorNames([thread]));
  }

  @Patch('threads/:threadId')
  @ApiOkResponse({ type: ThreadResponse, description: 'Moderated: `hidden` and/or `locked`; asking for the state in force changes nothing.' })
  @ApiBadRequestResponse({ description: 'Neither `hidden` nor `locked`, or not booleans.' })
  @ApiForbiddenResponse({ description: 'Only an organizer of the network moderates.' })
  @ApiNotFoundResponse({ description: OUTSIDER })
  async moderateThread(
    @Param('threadId', uuidParam('threadId')) threadId: string,
    @Body() body: ModerateThreadRequest,
    @CurrentUser() caller: AuthUser,
  ): Promise<ThreadResponse> {
    if (body.hidden === undefined && body.locked === undefined) throw invalidField('hidden', 'hidden or locked is required');
    const thread = await this.threadModeration.execute(caller, threadId, body);
    return toThreadResponse(thread, await this.authorNames([thread]));
  }

  @Get('threads/:threadId/posts')
  @ApiOkResponse({ type: PostPageResponse, description: "The thread's replies, oldest first. Members do not see hidden posts; organizers see them marked `hidden`." })
  @ApiBadRequestResponse({ description: 'A bad `threadId`, `limit` or `cursor`.' })
  @ApiNotFoundResponse({ description: OUTSIDER })
  async posts(
    @Param('threadId', uuidParam('threadId')) threadId: string,
    @Query() query: CohortPageQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<PostPageResponse> {
    const page = await this.listPosts.execute(caller, threadId, { limit: query.limit ?? 20, cursor: query.cursor });
    const names = await this.authorNames(page.items);
    return { items: page.items.map((post) => toPostResponse(post, names)), nextCursor: page.nextCursor };
  }

  @Post('threads/:threadId/posts')
  @HttpCode(201)
  @ApiCreatedResponse({ type: PostResponse })
  @ApiBadRequestResponse({ description: '`body` missing, blank or too long. Nothing is saved.' })
  @ApiForbiddenResponse({ description: 'A service account only reads.' })
  @ApiNotFoundResponse({ description: OUTSIDER })
  @ApiConflictResponse({ description: CLOSED_OR_LOCKED })
  async addPost(
    @Param('threadId', uuidParam('threadId')) threadId: string,
    @Body() body: AddPostRequest,
    @CurrentUser() caller: AuthUser,
  ): Promise<PostResponse> {
    const post = await this.posting.execute(caller, threadId, body);
    return toPostResponse(post, await this.authorNames([post]));
  }

  @Patch('posts/:postId')
  @ApiOkResponse({ type: PostResponse, description: 'Moderated: `hidden`; asking for the state in force changes nothing.' })
  @ApiBadRequestResponse({ description: '`hidden` missing or not a boolean.' })
  @ApiForbiddenResponse({ description: 'Only an organizer of the network moderates.' })
  @ApiNotFoundResponse({ description: OUTSIDER })
  async moderatePost(
    @Param('postId', uuidParam('postId')) postId: string,
    @Body() body: ModeratePostRequest,
    @CurrentUser() caller: AuthUser,
  ): Promise<PostResponse> {
    const post = await this.postModeration.execute(caller, postId, body);
    return toPostResponse(post, await this.authorNames([post]));
  }
}

function toThreadResponse(thread: ForumThreadEntity, names: Map<string, string>): ThreadResponse {
  return {
    id: thread.id,
    programId: thread.programId,
    authorId: thread.authorId,
    authorName: thread.authorId ? (names.get(thread.authorId) ?? null) : null,
    title: thread.title,
    body: thread.body,
    erased: thread.erasedAt !== null,
    locked: thread.lockedAt !== null,
    hidden: thread.hiddenAt !== null,
    createdAt: thread.createdAt.toISOString(),
    lastPostAt: thread.lastPostAt.toISOString(),
    lockedAt: thread.lockedAt?.toISOString() ?? null,
    hiddenAt: thread.hiddenAt?.toISOString() ?? null,
  };
}

function toPostResponse(post: ForumPostEntity, names: Map<string, string>): PostResponse {
  return {
    id: post.id,
    threadId: post.threadId,
    programId: post.programId,
    authorId: post.authorId,
    authorName: post.authorId ? (names.get(post.authorId) ?? null) : null,
    body: post.body,
    erased: post.erasedAt !== null,
    hidden: post.hiddenAt !== null,
    createdAt: post.createdAt.toISOString(),
    hiddenAt: post.hiddenAt?.toISOString() ?? null,
  };
}
