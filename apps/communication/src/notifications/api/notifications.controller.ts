import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Public } from '@passerelle/platform/auth';
import { uuidParam } from '@passerelle/platform/http';
import {
  GetPreferencesUseCase,
  ListNotificationsUseCase,
  MarkAllNotificationsReadUseCase,
  MarkNotificationReadUseCase,
  UnsubscribeUseCase,
  UpdatePreferencesUseCase,
} from '../application/notification-use-cases';
import {
  ListNotificationsQuery,
  MarkedResponse,
  NotificationPageResponse,
  NotificationResponse,
  PreferencesResponse,
  UnsubscribedResponse,
  UnsubscribeQuery,
  UpdatePreferencesRequest,
} from './notifications.dto';

@ApiTags('notifications')
@Controller('v1/notifications')
export class NotificationsController {
  constructor(
    private readonly list: ListNotificationsUseCase,
    private readonly markRead: MarkNotificationReadUseCase,
    private readonly markAllRead: MarkAllNotificationsReadUseCase,
    private readonly getPreferences: GetPreferencesUseCase,
    private readonly updatePreferences: UpdatePreferencesUseCase,
    private readonly unsubscribe: UnsubscribeUseCase,
  ) {}

  @Get()
  @ApiBearerAuth()
  @ApiUnauthorizedResponse({ description: 'No valid access token.' })
  @ApiOkResponse({ type: NotificationPageResponse, description: 'Your in-app notifications (session changes, reminders, match updates, alerts for organizers).' })
  @ApiBadRequestResponse({ description: 'A query parameter is invalid (named in `details`).' })
  listMine(@CurrentUser() caller: AuthUser, @Query() query: ListNotificationsQuery): Promise<NotificationPageResponse> {
    return this.list.execute(caller, { limit: query.limit ?? 20, cursor: query.cursor, unreadOnly: query.unreadOnly ?? false });
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiUnauthorizedResponse({ description: 'No valid access token.' })
  @ApiOkResponse({ type: MarkedResponse, description: 'How many of your notifications were unread and are now read.' })
  readAll(@CurrentUser() caller: AuthUser): Promise<MarkedResponse> {
    return this.markAllRead.execute(caller);
  }

  @Get('preferences')
  @ApiBearerAuth()
  @ApiUnauthorizedResponse({ description: 'No valid access token.' })
  @ApiOkResponse({ type: PreferencesResponse })
  preferences(@CurrentUser() caller: AuthUser): Promise<PreferencesResponse> {
    return this.getPreferences.execute(caller);
  }

  @Put('preferences')
  @ApiBearerAuth()
  @ApiUnauthorizedResponse({ description: 'No valid access token.' })
  @ApiOkResponse({ type: PreferencesResponse, description: 'Only what the request names changes.' })
  @ApiBadRequestResponse({ description: 'A field is invalid (named in `details`).' })
  changePreferences(@CurrentUser() caller: AuthUser, @Body() body: UpdatePreferencesRequest): Promise<PreferencesResponse> {
    return this.updatePreferences.execute(caller, { language: body.language, email: body.email });
  }

  @Post('unsubscribe')
  @Public()
  @HttpCode(200)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOkResponse({ type: UnsubscribedResponse, description: 'One-click unsubscribe (RFC 8058) from the link in an optional mail; no login needed.' })
  @ApiBadRequestResponse({ description: '`token` or `category` is malformed.' })
  @ApiNotFoundResponse({ description: 'No such token.' })
  unsubscribeOneClick(@Query() query: UnsubscribeQuery): Promise<UnsubscribedResponse> {
    return this.unsubscribe.execute(query.token, query.category);
  }

  /** A person following the mail's link in a browser gets a button: a GET never changes anything (link scanners follow links). */
  @Get('unsubscribe')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOkResponse({ schema: { type: 'string' }, description: 'A page with one button that unsubscribes (POST to the same address).' })
  @ApiBadRequestResponse({ description: '`token` or `category` is malformed.' })
  unsubscribePage(@Query() query: UnsubscribeQuery): string {
    // Both values are validated (43 URL-safe characters, a known category): nothing to escape.
    const action = `?token=${query.token}&amp;category=${query.category}`;
    return [
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Passerelle: unsubscribe</title></head><body>',
      `<p>Stop receiving <strong>${query.category.replace('_', ' ')}</strong> mail? / Ne plus recevoir ces messages ?</p>`,
      `<form method="post" action="${action}"><input type="hidden" name="List-Unsubscribe" value="One-Click">`,
      '<button type="submit">Unsubscribe / Se désabonner</button></form></body></html>',
    ].join('\n');
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiUnauthorizedResponse({ description: 'No valid access token.' })
  @ApiOkResponse({ type: NotificationResponse })
  @ApiBadRequestResponse({ description: '`id` is not a UUID.' })
  @ApiNotFoundResponse({ description: 'No such notification, or not yours.' })
  read(@CurrentUser() caller: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<NotificationResponse> {
    return this.markRead.execute(caller, id);
  }
}
