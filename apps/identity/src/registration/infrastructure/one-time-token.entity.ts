import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TokenPurpose } from '../domain/one-time-token';

/**
 * A one-time token, by its SHA-256 only (the token itself exists only in the
 * mail). Reset tokens belong to a user; an invitation names the invited
 * address, the network and the role it grants; a verification link carries
 * the registration it confirms (address, name, password hash), since there
 * is no account before the address is proven.
 */
@Entity({ name: 'one_time_tokens' })
export class OneTimeTokenEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  purpose: TokenPurpose;

  @Column('text', { name: 'token_hash' })
  tokenHash: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('uuid', { name: 'user_id', nullable: true })
  userId: string | null;

  /**
   * Invitations and verification links: the address (personal data,
   * removed on erasure).
   */
  @Column('text', { nullable: true })
  email: string | null;

  /** Verification links: the name chosen at the registration the link confirms. */
  @Column('text', { name: 'display_name', nullable: true })
  displayName: string | null;

  /** Verification links: the Argon2id hash of the password chosen at that registration. */
  @Column('text', { name: 'password_hash', nullable: true })
  passwordHash: string | null;

  /** Invitations only: the account role the invitation grants, if any. */
  @Column('text', { nullable: true })
  role: string | null;

  /** Invitations only: the organizer or platform admin who invited. */
  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt: Date | null;
}
