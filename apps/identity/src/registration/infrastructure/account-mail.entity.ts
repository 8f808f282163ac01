import { QueuedMail } from '@passerelle/platform/mail';
import { Column, Entity } from 'typeorm';

/**
 * An account mail waiting for the SMTP server (the queue columns are the
 * platform's `QueuedMail`). Its body may hold a one-time link, so the row is
 * deleted once the mail is handed over or given up.
 */
@Entity({ name: 'account_mails' })
export class AccountMailEntity extends QueuedMail {
  @Column('uuid', { name: 'network_id' }) networkId: string;
  @Column('text', { name: 'html_body', nullable: true }) htmlBody: string | null;
}
