import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProgramRole } from '../domain/program-role';

export type CohortMemberStatus = 'active' | 'withdrawn' | 'erased';

/** Who takes part in which programme in which role, by enrolment id, kept from intake's `enrollment.*` events. */
@Entity({ name: 'cohort_members' })
export class CohortMemberEntity {
  @PrimaryColumn('uuid', { name: 'enrollment_id' })
  enrollmentId: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  /** No foreign key: an enrolment may arrive before its programme (another topic). */
  @Column('uuid', { name: 'program_id' })
  programId: string;

  /** Null once the person erased their account. */
  @Column('uuid', { name: 'user_id', nullable: true })
  userId: string | null;

  @Column('text')
  role: ProgramRole;

  @Column('text')
  status: CohortMemberStatus;

  @Column('timestamptz', { name: 'enrolled_at' })
  enrolledAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
