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
}
