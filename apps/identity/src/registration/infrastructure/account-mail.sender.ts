import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, PLATFORM_LOGGER } from '@passerelle/platform';
import { Mailer, type MailMessage, MailQueueSender } from '@passerelle/platform/mail';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { IdentityConfig } from '../../config';
import type { PrivateKeyCipher } from '../../tokens/infrastructure/private-key-cipher';
import { accountMailCipher, AccountMailEntity } from './account-mail.entity';

/** Hands `account_mails` to the SMTP server, retrying with back-off (the platform's `MailQueueSender`), their bodies unsealed as they go. */
@Injectable()
export class AccountMailSender extends MailQueueSender<AccountMailEntity> {
  private readonly cipher: PrivateKeyCipher;

  constructor(dataSource: DataSource, mailer: Mailer, @Inject(APP_CONFIG) config: IdentityConfig, @Inject(PLATFORM_LOGGER) logger: Logger) {
    super(
      AccountMailEntity,
      dataSource,
      mailer,
      { label: 'account mails', pollIntervalMs: config.mailPollIntervalMs, firstRetryMs: config.mailFirstRetrySeconds * 1000, deleteFinished: true },
      logger,
    );
    this.cipher = accountMailCipher(config);
  }

  protected messageOf(mail: AccountMailEntity): MailMessage {
    // A body the current secret cannot open (it changed since) fails like a refusal, and is given up in the end.
    const open = (sealed: string) => this.cipher.decrypt(sealed, mail.id);
    return { to: mail.toAddress, template: mail.template, subject: mail.subject, text: open(mail.textBody), html: mail.htmlBody ? open(mail.htmlBody) : undefined };
  }
}
