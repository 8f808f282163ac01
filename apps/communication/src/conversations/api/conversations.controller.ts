import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '@passerelle/platform/auth';
import { invalidField, uuidParam } from '@passerelle/platform/http';
import type { Request, Response } from 'express';
import { validate as isUuid } from 'uuid';
import { ConversationStreams } from '../application/conversation-streams';
import { MarkReadUseCase } from '../application/mark-read.use-case';
import { GetConversationUseCase, ListConversationsUseCase, ListMessagesUseCase } from '../application/read-conversations.use-cases';
import { SendMessageUseCase } from '../application/send-message.use-case';
import {
  ConversationPageResponse,
  ConversationResponse,
  ListConversationsQuery,
  ListMessagesQuery,
  MarkReadRequest,
  MessagePageResponse,
  MessageResponse,
  ReadReceiptResponse,
  SendMessageRequest,
  StreamQuery,
} from './conversations.dto';
import { accessTokenFacts } from './stream-token.middleware';

const NOT_YOURS = 'No such conversation, or not yours: only its mentor and mentee read it (organizers included, everyone else gets this 404).';

/** Registered before ConversationsController, so `stream` is not taken for a conversation id. */
@ApiTags('conversations')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid access token.' })
@Controller('v1/conversations')
export class ConversationStreamController {
  constructor(private readonly streams: ConversationStreams) {}

  @Get('stream')
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Set by EventSource on reconnection: messages after it are sent first.' })
  @ApiOkResponse({
    schema: { type: 'string' },
    description:
      'Server-Sent Events for all your conversations: `ready` (subscribed), `message` (a message view, `id` = message id), ' +
      '`read` ({conversationId, role, upTo, readAt}), `conversation` ({conversationId, status, reason}), and `token_expired` ' +
      'before the stream ends when your access token expires, or `access_revoked` when it is revoked (logout, password change, ' +
      'disabled account, revoked role...). A `: heartbeat` comment comes every 25 s. Reconnect with ' +
      '`Last-Event-ID` to get what you missed; de-duplicate messages by id.',
  })
  @ApiBadRequestResponse({ description: '`Last-Event-ID` is not an event id.' })
  @ApiTooManyRequestsResponse({ description: 'Too many open streams for you on this instance.' })
  @ApiServiceUnavailableResponse({ description: 'Live delivery is briefly unavailable (database listener reconnecting, or shutting down); retry.' })
  async stream(
    @Query() query: StreamQuery,
    @Headers('last-event-id') lastEventIdHeader: string | undefined,
    @CurrentUser() caller: AuthUser,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const lastEventId = lastEventIdHeader?.trim() || query.lastEventId;
    if (lastEventId && !isUuid(lastEventId)) throw invalidField('Last-Event-ID', 'must be an id this stream sent (a UUID)');
    await this.streams.open({ caller, response, lastEventId: lastEventId?.toLowerCase(), ...accessTokenFacts(request) });
  }
}

@ApiTags('conversations')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid access token.' })
@Controller('v1/conversations')
export class ConversationsController {
  constructor(
    private readonly listConversations: ListConversationsUseCase,
    private readonly getConversation: GetConversationUseCase,
    private readonly listMessages: ListMessagesUseCase,
    private readonly sendMessage: SendMessageUseCase,
    private readonly markRead: MarkReadUseCase,
  ) {}

  @Get()
  @ApiOkResponse({ type: ConversationPageResponse, description: 'Your conversations (one per accepted match), oldest first, with unread counts.' })
  @ApiBadRequestResponse({ description: 'A bad `limit`, `cursor` or `status`.' })
  async list(@Query() query: ListConversationsQuery, @CurrentUser() caller: AuthUser): Promise<ConversationPageResponse> {
    return this.listConversations.execute(caller, { ...query, limit: query.limit ?? 20 });
  }

  @Get(':id')
  @ApiOkResponse({ type: ConversationResponse })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  async get(@Param('id', uuidParam('id')) id: string, @CurrentUser() caller: AuthUser): Promise<ConversationResponse> {
    return this.getConversation.execute(caller, id);
  }

  @Get(':id/messages')
  @ApiOkResponse({ type: MessagePageResponse, description: 'Newest first; `nextCursor` continues with older messages. Closed conversations stay readable.' })
  @ApiBadRequestResponse({ description: 'A bad `limit` or `cursor`.' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  async messages(@Param('id', uuidParam('id')) id: string, @Query() query: ListMessagesQuery, @CurrentUser() caller: AuthUser): Promise<MessagePageResponse> {
    return this.listMessages.execute(caller, id, { ...query, limit: query.limit ?? 50 });
  }

  @Post(':id/messages')
  @HttpCode(201)
  @ApiCreatedResponse({ type: MessageResponse, description: 'Sent: delivered live to both participants; `message.sent` (metadata only) goes out.' })
  @ApiBadRequestResponse({ description: '`text` missing, empty once trimmed, or over 4000 characters; unknown fields.' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: 'The conversation is closed (the match ended): `status: is closed`.' })
  async send(@Param('id', uuidParam('id')) id: string, @Body() body: SendMessageRequest, @CurrentUser() caller: AuthUser): Promise<MessageResponse> {
    return this.sendMessage.execute(caller, id, body.text);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: ReadReceiptResponse, description: 'Read up to and including `upTo` (never moves back); the other participant sees it.' })
  @ApiBadRequestResponse({ description: '`upTo` is not a message of this conversation.' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  async read(@Param('id', uuidParam('id')) id: string, @Body() body: MarkReadRequest, @CurrentUser() caller: AuthUser): Promise<ReadReceiptResponse> {
    return this.markRead.execute(caller, id, body.upTo);
  }
}
