import { DataSource, type EntityTarget } from 'typeorm';
import { Column, PrimaryColumn } from 'typeorm';
import type { Logger } from 'pino';
import { inBatches, PeriodicSweep } from '../database/periodic-sweep';
import { type MailMessage, Mailer } from './mailer';

export type QueuedMailStatus = 'pending' | 'sent' | 'failed';

/**
 * The columns every mail queue table has: one mail to one recipient, written
 * in the transaction of the change it announces (the outbox pattern, for
 * SMTP) and handed to the SMTP server by a `MailQueueSender`, which records
 * the outcome. A service's entity extends it with what its mails carry.
 */
export abstract class QueuedMail {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'to_address' }) toAddress: string;
  /** The `template` label of the mail metrics: never personal data. */
  @Column('text') template: string;
  @Column('text') subject: string;
  @Column('text', { name: 'text_body' }) textBody: string;
  @Column('text') status: QueuedMailStatus;
  @Column('int') attempts: number;
  @Column('timestamptz', { name: 'next_attempt_at' }) nextAttemptAt: Date;
  @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt: Date | null;
}

/** The queue fields of a new mail, due now. */
export function pendingMail(now = new Date()): Pick<QueuedMail, 'status' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'createdAt' | 'sentAt'> {
  return { status: 'pending', attempts: 0, nextAttemptAt: now, lastError: null, createdAt: now, sentAt: null };
}

/** After this many refusals a mail is given up as failed (about 14.5 hours of back-off with the default first delay). */
export const MAX_MAIL_ATTEMPTS = 12;
export const DEFAULT_FIRST_RETRY_MS = 30_000;
const BATCH = 10;

/** `firstRetryMs`, then twice as long after each further refusal, capped at 6 h. */
export function retryDelayMs(attempts: number, firstRetryMs = DEFAULT_FIRST_RETRY_MS): number {
  return Math.min(6 * 3600_000, firstRetryMs * 2 ** Math.max(0, attempts - 1));
}

export interface MailQueueOptions {
  /** Names the sweep in the warning logged when a run fails. */
  readonly label: string;
  readonly pollIntervalMs: number;
  readonly firstRetryMs?: number;
  /**
   * Delete a row once it left the queue (sent, or given up) instead of
   * keeping it as a record: for mails whose body holds a one-time link or
   * whose recipient may never become a user.
   */
  readonly deleteFinished?: boolean;
}

/**
 * Hands a mail queue table to the SMTP server, as a `PeriodicSweep`. Each
 * row is claimed with `FOR UPDATE SKIP LOCKED` and kept locked while it is
 * sent, so two replicas never send the same row; it is marked sent (or
 * rescheduled with back-off, or failed after MAX_MAIL_ATTEMPTS) in that same
 * transaction. The one gap left is a crash between the server's acceptance
 * and the commit, which sends that mail again: SMTP offers nothing better.
 */
export abstract class MailQueueSender<T extends QueuedMail> extends PeriodicSweep {
  protected constructor(
    private readonly entity: EntityTarget<T>,
    protected readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly options: MailQueueOptions,
    logger: Logger,
  ) {
    super(options.label, options.pollIntervalMs, logger);
  }

  /** The message a row stands for. */
  protected abstract messageOf(mail: T): MailMessage;

  /** Sends everything due; returns how many rows it handled. */
  async sweep(): Promise<number> {
    return inBatches(BATCH, () => this.sendBatch());
  }

  private sendBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due = await manager
        .createQueryBuilder(this.entity, 'mail')
        .where(`mail.status = 'pending' AND mail.next_attempt_at <= now()`)
        .orderBy('mail.next_attempt_at', 'ASC')
        .limit(BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      for (const mail of due) {
        const attempts = mail.attempts + 1;
        let outcome: Partial<QueuedMail>;
        try {
          await this.mailer.send(this.messageOf(mail));
          outcome = { status: 'sent', attempts, sentAt: new Date(), lastError: null };
        } catch (error) {
          const gaveUp = attempts >= MAX_MAIL_ATTEMPTS;
          outcome = {
            status: gaveUp ? 'failed' : 'pending',
            attempts,
            nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts, this.options.firstRetryMs)),
            // The error's name and codes only: an SMTP answer may quote the address.
            lastError: describe(error),
          };
          if (gaveUp) this.logger.error({ mailId: mail.id, template: mail.template, attempts }, 'mail given up after repeated failures');
        }
        // The entity's own type is generic here; the columns used are the base class's.
        const row = { id: mail.id } as never;
        if (outcome.status !== 'pending' && this.options.deleteFinished) await manager.delete(this.entity, row);
        else await manager.update(this.entity, row, outcome as never);
      }
      return due.length;
    });
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  const { code, responseCode, command } = (cause ?? {}) as { code?: unknown; responseCode?: unknown; command?: unknown };
  return [`${(error as Error)?.name ?? 'Error'}`, code && `code=${String(code)}`, responseCode && `response=${String(responseCode)}`, command && `command=${String(command)}`]
    .filter(Boolean)
    .join(' ');
}
