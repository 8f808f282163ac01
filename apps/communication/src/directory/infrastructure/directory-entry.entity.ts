import { Column, Entity, PrimaryColumn } from 'typeorm';

export type DirectoryStatus = 'active' | 'erased';

/**
 * Communication's copy of a recipient, from identity's `user.*` events: what
 * a notification needs (address, name, language) and nothing else. An erased
 * person leaves a tombstone with no personal data, so a late event about them
 * cannot bring the address back.
 */
@Entity({ name: 'directory_entries' })
export class DirectoryEntryEntity {
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  /** Null when erased, or when only a profile update was seen (the registration predates this service's copy). */
  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { name: 'display_name', nullable: true })
  displayName: string | null;

  /** BCP 47 tag to write notifications in, when identity sent one. */
  @Column('text', { nullable: true })
  locale: string | null;

  /** Network roles (identity's `roles`, then grants and revocations): organizers are told of pairs at risk. */
  @Column('text', { array: true })
  roles: string[];

  @Column('text')
  status: DirectoryStatus;

  @Column('timestamptz', { name: 'registered_at', nullable: true })
  registeredAt: Date | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt: Date | null;
}
