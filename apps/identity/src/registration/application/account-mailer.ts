import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@passerelle/platform';
import { pendingMail } from '@passerelle/platform/mail';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { IdentityConfig } from '../../config';
import type { PrivateKeyCipher } from '../../tokens/infrastructure/private-key-cipher';
import type { AccountMail, MailContext } from '../domain/account-mails';
import { accountMailCipher, AccountMailEntity } from '../infrastructure/account-mail.entity';

/**
 * Queues account mails in the caller's transaction; `AccountMailSender`
 * hands them to the SMTP server and retries while it refuses. No request
 * waits on SMTP: a registration or reset answers the same, in the same time,
 * whether or not a mail was written, and a mail server that is down delays
 * the mail instead of failing the request. The mail exists if and only if
 * the change it announces (token, invitation) does.
 */
@Injectable()
export class AccountMailer {
  private readonly cipher: PrivateKeyCipher;

  constructor(@Inject(APP_CONFIG) private readonly config: IdentityConfig) {
    this.cipher = accountMailCipher(config);
  }

  context(network: { name: string; slug: string }): MailContext {
    return { appUrl: this.config.publicAppUrl, networkName: network.name, networkSlug: network.slug };
  }

  async enqueue(manager: EntityManager, networkId: string, to: string, mail: AccountMail): Promise<void> {
    const id = uuidv7();
    await manager.insert(AccountMailEntity, {
      id,
      networkId,
      toAddress: to,
      template: mail.template,
      subject: mail.subject,
      textBody: this.cipher.encrypt(mail.text, id),
      htmlBody: this.cipher.encrypt(mail.html, id),
      ...pendingMail(),
    });
  }
}
