import { Module } from '@nestjs/common';
import { InvitationsController } from './api/invitations.controller';
import { PasswordController } from './api/password.controller';
import { RegistrationController } from './api/registration.controller';
import { AccountMailer } from './application/account-mailer';
import { ChangePasswordUseCase } from './application/change-password.use-case';
import { ConfirmPasswordResetUseCase } from './application/confirm-password-reset.use-case';
import { InviteMemberUseCase } from './application/invite-member.use-case';
import { RegisterAccountUseCase } from './application/register-account.use-case';
import { RequestPasswordResetUseCase } from './application/request-password-reset.use-case';
import { VerifyEmailUseCase } from './application/verify-email.use-case';
import { AccountMailSender } from './infrastructure/account-mail.sender';
import { ExpiredRecordsSweep } from './infrastructure/expired-records.sweep';
import { OneTimeTokenRepository } from './infrastructure/one-time-token.repository';
import { TokensModule } from '../tokens/tokens.module';

/**
 * Registration by invitation or by allowed domain, e-mail verification,
 * password reset and change. Mails are queued in `account_mails` and sent
 * by `AccountMailSender`; one-time tokens exist only in those mails (and
 * their queue row, until sent).
 */
@Module({
  imports: [TokensModule],
  controllers: [RegistrationController, PasswordController, InvitationsController],
  providers: [
    AccountMailer,
    AccountMailSender,
    ExpiredRecordsSweep,
    OneTimeTokenRepository,
    RegisterAccountUseCase,
    VerifyEmailUseCase,
    RequestPasswordResetUseCase,
    ConfirmPasswordResetUseCase,
    ChangePasswordUseCase,
    InviteMemberUseCase,
  ],
})
export class RegistrationModule {}
