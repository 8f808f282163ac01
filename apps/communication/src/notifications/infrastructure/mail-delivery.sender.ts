import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, PLATFORM_LOGGER } from '@passerelle/platform';
import { Mailer } from '@passerelle/platform/mail';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { CommunicationConfig } from '../../config';
import { MailDeliveryEntity } from './mail-delivery.entity';

const BATCH = 10;
/** After this many refusals a mail is given up as failed (about a day of back-off). */
export const MAX_MAIL_ATTEMPTS = 12;

/** 30 s, 1 min, 2 min … capped at 6 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(6 * 3600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Hands `mail_deliveries` to the SMTP server. Each row is claimed with
 * `FOR UPDATE SKIP LOCKED` and kept locked while it is sent, so two replicas
 * never send the same row; it is marked sent (or rescheduled with back-off,
 * or failed after MAX_MAIL_ATTEMPTS) in that same transaction. The one gap
 * left is a crash between the server's acceptance and the commit, which
 * sends that mail again: SMTP offers nothing better, and a repeated
 * invitation with the same UID and SEQUENCE changes nothing in a calendar.
 */
@Injectable()
export class MailDeliverySender implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private running = false;
  private timer?: NodeJS.Timeout;
  private current?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: CommunicationConfig,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.current;
  }

  /** Sends what is due; returns how many rows it handled. Public for tests and shutdown drains. */
  async sendDue(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due = await manager
        .createQueryBuilder(MailDeliveryEntity, 'mail')
        .where(`mail.status = 'pending' AND mail.next_attempt_at <= now()`)
        .orderBy('mail.next_attempt_at', 'ASC')
        .limit(BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      for (const mail of due) {
        const attempts = mail.attempts + 1;
        try {
          await this.mailer.send({
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
          });
          await manager.update(MailDeliveryEntity, { id: mail.id }, { status: 'sent', attempts, sentAt: new Date(), lastError: null });
        } catch (error) {
          const gaveUp = attempts >= MAX_MAIL_ATTEMPTS;
          await manager.update(
            MailDeliveryEntity,
            { id: mail.id },
            {
              status: gaveUp ? 'failed' : 'pending',
              attempts,
              nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)),
              // The error's name and codes only: an SMTP answer may quote the address.
              lastError: describe(error),
            },
          );
          if (gaveUp) this.logger.error({ mailId: mail.id, template: mail.template, attempts }, 'mail given up after repeated failures');
        }
      }
      return due.length;
    });
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.current = this.tick().finally(() => (this.current = undefined));
    }, delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    let handled = 0;
    try {
      handled = await this.sendDue();
    } catch (error) {
      this.logger.warn({ err: error }, 'mail deliveries: polling failed; retrying');
    }
    // A full batch means more may be waiting: go on at once.
    this.schedule(handled === BATCH ? 0 : this.config.mailPollIntervalMs);
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  const { code, responseCode, command } = (cause ?? {}) as { code?: unknown; responseCode?: unknown; command?: unknown };
  return [`${(error as Error)?.name ?? 'Error'}`, code && `code=${String(code)}`, responseCode && `response=${String(responseCode)}`, command && `command=${String(command)}`]
    .filter(Boolean)
    .join(' ');
}
