import { Column, Entity, PrimaryColumn } from 'typeorm';

export type MailDeliveryStatus = 'pending' | 'sent' | 'failed';

/**
 * One mail to one recipient, written in the transaction of the change it
 * announces (the outbox pattern, for SMTP) and sent by `MailDeliverySender`,
 * which records the outcome: sent, or failed after its retries.
 */
@Entity({ name: 'mail_deliveries' })
export class MailDeliveryEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'network_id' }) networkId: string;
  @Column('uuid', { name: 'recipient_id' }) recipientId: string;
  @Column('text', { name: 'to_address' }) toAddress: string;
  /** The `template` label of the mail metrics: never personal data. */
  @Column('text') template: string;
  @Column('text') subject: string;
  @Column('text', { name: 'text_body' }) textBody: string;
  /** The .ics attached, if any. */
  @Column('text', { nullable: true }) calendar: string | null;
  @Column('text', { name: 'calendar_method', nullable: true }) calendarMethod: 'REQUEST' | 'CANCEL' | null;
  @Column('uuid', { name: 'session_id', nullable: true }) sessionId: string | null;
  /** One-click unsubscribe link of optional mail (List-Unsubscribe, RFC 8058); null for essential mail. */
  @Column('text', { name: 'unsubscribe_url', nullable: true }) unsubscribeUrl: string | null;
  @Column('text') status: MailDeliveryStatus;
  @Column('int') attempts: number;
  @Column('timestamptz', { name: 'next_attempt_at' }) nextAttemptAt: Date;
  @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt: Date | null;
}
