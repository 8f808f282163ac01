import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An integrator of one network (PRODUCT.md, Roles): it gets tokens by client credentials. */
@Entity({ name: 'service_accounts' })
export class ServiceAccountEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('text')
  name: string;

  @Column('text', { name: 'client_id' })
  clientId: string;

  /** Argon2id hash of the client secret, which is shown once, at creation. */
  @Column('text', { name: 'secret_hash' })
  secretHash: string;

  @Column('uuid', { name: 'created_by' })
  createdBy: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @Column('uuid', { name: 'revoked_by', nullable: true })
  revokedBy: string | null;

  /**
   * Written into every access token. Tokens got with the previous secret
   * carry `tokenEpoch - 1`, so the end of the overlap revokes exactly them.
   * Only the revoker's own UPDATE raises it: a save of a stale copy must never lower it.
   */
  @Column({ type: 'int', name: 'token_epoch', update: false })
  tokenEpoch: number;

  /** The secret a rotation replaced, accepted until `previousSecretUntil`. */
  @Column('text', { name: 'previous_secret_hash', nullable: true })
  previousSecretHash: string | null;

  @Column('timestamptz', { name: 'previous_secret_until', nullable: true })
  previousSecretUntil: Date | null;

  @Column('timestamptz', { name: 'rotated_at', nullable: true })
  rotatedAt: Date | null;
}
