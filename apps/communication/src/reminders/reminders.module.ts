import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { AlertFollowUp } from './application/alert-follow-up';
import { Nudger } from './application/nudger';
import { AlertRaisedHandler, AlertRaisedV2Handler, AlertResolvedHandler } from './infrastructure/alert-events.handler';
import { ReminderScheduler } from './infrastructure/reminder.scheduler';

/** Regularity (issue 6, item 3): session reminders, cadence nudges and the follow-up of evaluation's alerts. */
@Module({
  imports: [DirectoryModule, NotificationsModule],
  providers: [Nudger, ReminderScheduler, AlertFollowUp, AlertRaisedHandler, AlertRaisedV2Handler, AlertResolvedHandler],
})
export class RemindersModule {}
