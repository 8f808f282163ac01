import { QueuedMail } from '@passerelle/platform/mail';
import { Column, Entity } from 'typeorm';

/**
 * One mail to one participant (the queue columns are the platform's
 * `QueuedMail`), sent by `MailDeliverySender`.
 */
@Entity({ name: 'mail_deliveries' })
export class MailDeliveryEntity extends QueuedMail {
  @Column('uuid', { name: 'network_id' }) networkId: string;
  @Column('uuid', { name: 'recipient_id' }) recipientId: string;
  /** The .ics attached, if any. */
  @Column('text', { nullable: true }) calendar: string | null;
  @Column('text', { name: 'calendar_method', nullable: true }) calendarMethod: 'REQUEST' | 'CANCEL' | null;
  @Column('uuid', { name: 'session_id', nullable: true }) sessionId: string | null;
  /** One-click unsubscribe link of optional mail (List-Unsubscribe, RFC 8058); null for essential mail. */
  @Column('text', { name: 'unsubscribe_url', nullable: true }) unsubscribeUrl: string | null;
}
