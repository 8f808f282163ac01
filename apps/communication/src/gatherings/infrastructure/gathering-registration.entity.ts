import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CancelReason, RegistrationStatus } from '../domain/gathering';

/** One person's place at a gathering: confirmed, waitlisted (in id order) or cancelled, and their attendance. */
@Entity({ name: 'gathering_registrations' })
export class GatheringRegistrationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'gathering_id' })
  gatheringId: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('uuid', { name: 'program_id' })
  programId: string;

  /** Null once the person erased their account: the row stays so the counts do. */
  @Column('uuid', { name: 'user_id', nullable: true })
  userId: string | null;

  @Column('text')
  status: RegistrationStatus;

  @Column('timestamptz', { name: 'registered_at' })
  registeredAt: Date;

  @Column('timestamptz', { name: 'confirmed_at', nullable: true })
  confirmedAt: Date | null;

  @Column('timestamptz', { name: 'cancelled_at', nullable: true })
  cancelledAt: Date | null;

  @Column('text', { name: 'cancel_reason', nullable: true })
  cancelReason: CancelReason | null;

  @Column('timestamptz', { name: 'attendance_recorded_at', nullable: true })
  attendanceRecordedAt: Date | null;

  @Column('uuid', { name: 'attendance_recorded_by', nullable: true })
  attendanceRecordedBy: string | null;

  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt: Date | null;
}
