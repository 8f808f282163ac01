import { type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { PlatformMetrics } from '../observability/metrics';

export interface MailAttachment {
  readonly filename: string;
  readonly content: string | Buffer;
  /** e.g. `text/calendar; method=REQUEST` for an invitation. */
  readonly contentType?: string;
}

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  readonly attachments?: readonly MailAttachment[];
  /** Extra headers, e.g. `List-Unsubscribe` (RFC 8058) on optional mail. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * What kind of mail this is (`verify_email`, `password_reset`, …): the
   * `template` label of `mail_sent_total`. Never personal data.
   */
  readonly template?: string;
}

export interface MailerOptions {
  /** `smtp://` or `smtps://` URL, credentials included if the relay needs them. */
  readonly smtpUrl: string;
  /** The From header, e.g. `Passerelle <no-reply@passerelle.local>`. */
  readonly from: string;
}

/** Sending failed: the SMTP server was unreachable, refused the message or timed out. */
export class MailDeliveryError extends Error {
  constructor(readonly template: string, options: { cause: unknown }) {
    super(`the ${template} mail could not be handed to the SMTP server`, options);
    this.name = 'MailDeliveryError';
  }
}

/**
 * The platform's outgoing mail (PRODUCT.md lifecycle step 4: notifications go
 * out through a real SMTP server). `send` resolves once the SMTP server has
 * accepted the message and throws a `MailDeliveryError` otherwise: the use
 * case decides what a failure means (e.g. roll back, answer 503).
 *
 * Nothing of a message is logged but its template and the server's message
 * id: recipients are personal data and bodies may hold one-time tokens.
 */
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(
    private readonly options: MailerOptions,
    private readonly metrics: PlatformMetrics,
    private readonly logger: Logger,
  ) {
    this.transport = createTransport({
      url: options.smtpUrl,
      // Bounded, so a request waiting on a mail fails in seconds rather than
      // nodemailer's defaults (minutes), and a stuck relay cannot pin the
      // database transaction some callers keep open while sending.
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 15_000,
      dnsTimeout: 5_000,
    });
  }

  async send(message: MailMessage): Promise<void> {
    const template = message.template ?? 'other';
    try {
      const info = await this.transport.sendMail({
        from: this.options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: message.headers ? { ...message.headers } : undefined,
        attachments: message.attachments?.map((attachment) => ({ ...attachment })),
      });
      this.metrics.mailSent.inc({ template, outcome: 'sent' });
      this.logger.debug({ template, messageId: info.messageId }, 'mail sent');
    } catch (error) {
      this.metrics.mailSent.inc({ template, outcome: 'failed' });
      // Only the error's codes: an SMTP answer may quote the recipient's address.
      const { code, responseCode, command } = (error ?? {}) as { code?: unknown; responseCode?: unknown; command?: unknown };
      this.logger.warn({ template, code, responseCode, command }, 'mail not sent');
      throw new MailDeliveryError(template, { cause: error });
    }
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
