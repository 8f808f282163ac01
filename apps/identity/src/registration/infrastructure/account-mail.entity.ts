import { QueuedMail } from '@passerelle/platform/mail';
import { Column, Entity } from 'typeorm';
import type { IdentityConfig } from '../../config';
import { PrivateKeyCipher } from '../../tokens/infrastructure/private-key-cipher';

/**
 * An account mail waiting for the SMTP server (the queue columns are the
 * platform's `QueuedMail`). Its body may hold a one-time link, so it is
 * stored encrypted (`accountMailCipher`, the row id as additional data: a
 * database copy alone yields no link) and the row is deleted once the mail
 * is handed over or given up.
 */
@Entity({ name: 'account_mails' })
export class AccountMailEntity extends QueuedMail {
  @Column('uuid', { name: 'network_id' }) networkId: string;
  @Column('text', { name: 'html_body', nullable: true }) htmlBody: string | null;
}

/** Seals the bodies of queued account mails with a key derived from TOKEN_SIGNING_SECRET. */
export function accountMailCipher(config: IdentityConfig): PrivateKeyCipher {
  return new PrivateKeyCipher(config.tokenSigningSecret, 'account-mail-encryption/v1');
}
