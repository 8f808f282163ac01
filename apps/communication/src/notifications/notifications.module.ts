import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { NotificationsController } from './api/notifications.controller';
import {
  GetPreferencesUseCase,
  ListNotificationsUseCase,
  MarkAllNotificationsReadUseCase,
  MarkNotificationReadUseCase,
  UnsubscribeUseCase,
  UpdatePreferencesUseCase,
} from './application/notification-use-cases';
import { Notifier } from './application/notifier';
import { MailDeliverySender } from './infrastructure/mail-delivery.sender';
import { MailRetentionSweep } from './infrastructure/mail-retention.sweep';
import { MatchProposedNotificationHandler, MatchRequestExpiringNotificationHandler } from './infrastructure/match-notifications.handler';
import { NotificationUserErasedHandler } from './infrastructure/notification-erasure.handler';

/**
 * Notifications (issue 6, item 7): in-app and by mail, from templates in the
 * recipient's language, with preferences and one-click unsubscribe; mail goes
 * through `mail_deliveries`, retried and recorded as sent or failed.
 */
@Module({
  imports: [DirectoryModule],
  controllers: [NotificationsController],
  providers: [
    Notifier,
    MailDeliverySender,
    MailRetentionSweep,
    ListNotificationsUseCase,
    MarkNotificationReadUseCase,
    MarkAllNotificationsReadUseCase,
    GetPreferencesUseCase,
    UpdatePreferencesUseCase,
    UnsubscribeUseCase,
    MatchProposedNotificationHandler,
    MatchRequestExpiringNotificationHandler,
    NotificationUserErasedHandler,
  ],
  exports: [Notifier],
})
export class NotificationsModule {}
