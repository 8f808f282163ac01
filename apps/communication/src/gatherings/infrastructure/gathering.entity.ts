import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { GatheringKind, GatheringStatus } from '../domain/gathering';

/** A webinar or networking event of one programme. Its row is the lock every seat change takes. */
@Entity({ name: 'gatherings' })
export class GatheringEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('uuid', { name: 'program_id' })
  programId: string;

  @Column('text')
  kind: GatheringKind;

  @Column('text')
  title: string;

  @Column('text')
  description: string;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt: Date;

  @Column('int', { name: 'duration_minutes' })
  durationMinutes: number;

  @Column('int')
  capacity: number;

  @Column('text', { name: 'online_url', nullable: true })
  onlineUrl: string | null;

  @Column('text', { nullable: true })
  place: string | null;

  @Column('text')
  status: GatheringStatus;

  /** Null once the organizer erased their account. */
  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('timestamptz', { name: 'cancelled_at', nullable: true })
  cancelledAt: Date | null;

  @Column('text', { name: 'cancel_reason', nullable: true })
  cancelReason: string | null;
}
