import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ResourceAudience, ResourceKind, ResourceStatus } from '../domain/resource';

/** Support material of one programme for one role (or all): a link or a text. */
@Entity({ name: 'resources' })
export class ResourceEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('uuid', { name: 'program_id' })
  programId: string;

  @Column('text')
  kind: ResourceKind;

  @Column('text')
  audience: ResourceAudience;

  @Column('text')
  title: string;

  @Column('text')
  description: string;

  @Column('text', { nullable: true })
  url: string | null;

  @Column('text', { nullable: true })
  body: string | null;

  @Column('text')
  status: ResourceStatus;

  /** Null once the organizer erased their account. */
  @Column('uuid', { name: 'published_by', nullable: true })
  publishedBy: string | null;

  @Column('timestamptz', { name: 'published_at' })
  publishedAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('timestamptz', { name: 'archived_at', nullable: true })
  archivedAt: Date | null;
}
