import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, PLATFORM_LOGGER } from '@passerelle/platform';
import { Mailer, type MailMessage, MailQueueSender } from '@passerelle/platform/mail';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { CommunicationConfig } from '../../config';
import { MailDeliveryEntity } from './mail-delivery.entity';

/**
 * Hands `mail_deliveries` to the SMTP server (claiming, retries and back-off
 * are the platform's `MailQueueSender`). A mail sent twice after a crash
 * changes nothing in a calendar: a repeated invitation has the same UID and
 * SEQUENCE.
 */
@Injectable()
export class MailDeliverySender extends MailQueueSender<MailDeliveryEntity> {
  constructor(dataSource: DataSource, mailer: Mailer, @Inject(APP_CONFIG) config: CommunicationConfig, @Inject(PLATFORM_LOGGER) logger: Logger) {
    super(MailDeliveryEntity, dataSource, mailer, { label: 'mail deliveries', pollIntervalMs: config.mailPollIntervalMs }, logger);
  }

  protected messageOf(mail: MailDeliveryEntity): MailMessage {
    return {
      to: mail.toAddress,
      subject: mail.subject,
      text: mail.textBody,
      template: mail.template,
      headers: mail.unsubscribeUrl
        ? { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
        : undefined,
      attachments: mail.calendar
        ? [{ filename: 'invite.ics', content: mail.calendar, contentType: `text/calendar; charset=utf-8; method=${mail.calendarMethod ?? 'REQUEST'}` }]
        : undefined,
    };
  }
}
