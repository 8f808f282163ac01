import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { APP_CONFIG } from '@passerelle/platform';
import { Mailer, MailDeliveryError } from '@passerelle/platform/mail';
import type { IdentityConfig } from '../../config';
import type { AccountMail, MailContext } from '../domain/account-mails';

/**
 * Sends account mails and turns a delivery failure into a 503 (with
 * `Retry-After`, from the shared error filter).
 *
 * Why the use cases send *inside* their transaction, before the commit: the
 * mail is the only way to the token, so a registration (or reset, or
 * invitation) whose mail was not accepted by the SMTP server must not exist.
 * Sending first and letting a failure roll everything back — user, token and
 * outbox event — means a client that gets a 503 simply retries the same
 * request, and there is never a pending account nobody can verify. The
 * opposite failure (mail accepted, then the commit fails) leaves a link to a
 * token that does not exist, which verification rejects as invalid: harmless.
 * The price, one transaction held open for one SMTP exchange, is bounded by
 * the mailer's timeouts.
 */
@Injectable()
export class AccountMailer {
  constructor(
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
  ) {}

  context(network: { name: string; slug: string }): MailContext {
    return { appUrl: this.config.publicAppUrl, networkName: network.name, networkSlug: network.slug };
  }

  async send(to: string, mail: AccountMail): Promise<void> {
    try {
      await this.mailer.send({ to, template: mail.template, subject: mail.subject, text: mail.text, html: mail.html });
    } catch (error) {
      if (error instanceof MailDeliveryError) {
        throw new ServiceUnavailableException({
          message: 'The e-mail could not be sent, so nothing was changed; retry shortly.',
          details: [],
        });
      }
      throw error;
    }
  }
}
