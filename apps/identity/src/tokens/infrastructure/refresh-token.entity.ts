import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One refresh token of a family (one login). Only its SHA-256 is stored:
 * the token is 32 random bytes, so a fast hash is enough and lets it be
 * looked up directly.
 */
@Entity({ name: 'refresh_tokens' })
export class RefreshTokenEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'family_id' })
  familyId: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('bytea', { name: 'token_hash' })
  tokenHash: Buffer;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  /** When the family's first token was issued (the login): no refresh after REFRESH_FAMILY_LIFETIME_SECONDS from it. */
  @Column('timestamptz', { name: 'family_started_at' })
  familyStartedAt: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  /** Set when it was exchanged; presenting it again means it leaked. */
  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;
}
