import type { EnrollmentSubmittedData } from '@passerelle/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type CandidateFeatures = EnrollmentSubmittedData['features'];
export type CandidateStatus = 'active' | 'withdrawn' | 'erased';

/** A mentor or mentee of a programme as matching sees them: the features of their enrolment, by enrolment id. */
@Entity({ name: 'candidates' })
export class CandidateEntity {
  @PrimaryColumn('uuid', { name: 'enrollment_id' })
  enrollmentId: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('uuid', { name: 'program_id' })
  programId: string;

  /** Null once the person erased their account. */
  @Column('uuid', { name: 'user_id', nullable: true })
  userId: string | null;

  @Column('text')
  role: 'mentor' | 'mentee';

  @Column('int', { nullable: true })
  capacity: number | null;

  /** Null once erased: matching keeps nothing of a person who left. */
  @Column('jsonb', { nullable: true })
  features: CandidateFeatures | null;

  @Column('uuid', { name: 'excluded_user_ids', array: true })
  excludedUserIds: string[];

  @Column('text')
  status: CandidateStatus;

  @Column('timestamptz', { name: 'enrolled_at' })
  enrolledAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
