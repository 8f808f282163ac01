import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SessionsController } from './api/sessions.controller';
import { ProposeSessionUseCase } from './application/propose-session.use-case';
import { GetSessionUseCase, ListSessionsUseCase } from './application/read-sessions.use-cases';
import { GetSessionCalendarUseCase } from './application/session-calendar.use-case';
import { SessionMails } from './application/session-mails';
import {
  CancelSessionUseCase,
  CompleteSessionUseCase,
  ConfirmSessionUseCase,
  RecordNoShowUseCase,
  RescheduleSessionUseCase,
} from './application/session-transitions.use-cases';
import { SessionUserErasedHandler } from './infrastructure/session-erasure.handler';

/** Sessions of a pair (issue 6, item 2) and their calendar invitations, sent as notifications. */
@Module({
  imports: [DirectoryModule, NotificationsModule],
  controllers: [SessionsController],
  providers: [
    ProposeSessionUseCase,
    ListSessionsUseCase,
    GetSessionUseCase,
    ConfirmSessionUseCase,
    RescheduleSessionUseCase,
    CancelSessionUseCase,
    CompleteSessionUseCase,
    RecordNoShowUseCase,
    GetSessionCalendarUseCase,
    SessionMails,
    SessionUserErasedHandler,
  ],
})
export class SessionsModule {}
