import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Projection: accounts registered per network, fed by `passerelle.identity.user.registered`. */
@Entity({ name: 'network_registrations' })
export class NetworkRegistrationsEntity {
  @PrimaryColumn('uuid', { name: 'network_id' })
  networkId: string;

  @Column('integer', { name: 'registered_users' })
  registeredUsers: number;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
