import type { AccountRole } from '@passerelle/platform/auth';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type UserStatus = 'pending_verification' | 'active' | 'disabled' | 'erased';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  /** Stored lower-cased; unique within a network. */
  @Column('text')
  email: string;

  @Column('text', { name: 'display_name' })
  displayName: string;

  /** Argon2id hash (PRODUCT.md, Security); null until the person sets a password. */
  @Column('text', { name: 'password_hash', nullable: true })
  passwordHash: string | null;

  @Column('text')
  status: UserStatus;

  @Column('timestamptz', { name: 'email_verified_at', nullable: true })
  emailVerifiedAt: Date | null;

  @Column('text', { array: true })
  roles: AccountRole[];

  /**
   * Written into every access token; raising it revokes the tokens issued
   * before (tokens/infrastructure/refresh-token.revoker.ts). Only the
   * revoker's own UPDATE raises it: a save of a stale copy must never lower it.
   */
  @Column({ type: 'int', name: 'token_epoch', update: false })
  tokenEpoch: number;

  @Column('timestamptz', { name: 'registered_at' })
  registeredAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
