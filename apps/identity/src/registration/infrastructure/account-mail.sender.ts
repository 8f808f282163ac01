import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, PLATFORM_LOGGER } from '@passerelle/platform';
import { Mailer, type MailMessage, MailQueueSender } from '@passerelle/platform/mail';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { IdentityConfig } from '../../config';
import { AccountMailEntity } from './account-mail.entity';

/** Hands `account_mails` to the SMTP server, retrying with back-off (the platform's `MailQueueSender`). */
@Injectable()
export class AccountMailSender extends MailQueueSender<AccountMailEntity> {
  constructor(dataSource: DataSource, mailer: Mailer, @Inject(APP_CONFIG) config: IdentityConfig, @Inject(PLATFORM_LOGGER) logger: Logger) {
    super(
      AccountMailEntity,
      dataSource,
      mailer,
      { label: 'account mails', pollIntervalMs: config.mailPollIntervalMs, firstRetryMs: config.mailFirstRetrySeconds * 1000, deleteFinished: true },
      logger,
    );
  }

  protected messageOf(mail: AccountMailEntity): MailMessage {
    return { to: mail.toAddress, template: mail.template, subject: mail.subject, text: mail.textBody, html: mail.htmlBody ?? undefined };
  }
}
