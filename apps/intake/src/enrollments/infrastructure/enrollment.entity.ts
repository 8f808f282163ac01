import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProgramRole } from '../../programs/domain/program';
import type { Baseline, EnrollmentStatus } from '../domain/enrollment';
import type { MatchingFeatures } from '../../surveys/domain/question';

@Entity({ name: 'enrollments' })
export class EnrollmentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('uuid', { name: 'program_id' })
  programId: string;

  /** Null once the person erased their account: the row stays for the statistics, anonymous. */
  @Column('uuid', { name: 'user_id', nullable: true })
  userId: string | null;

  @Column('text')
  role: ProgramRole;

  @Column('text')
  status: EnrollmentStatus;

  @Column('int', { name: 'template_version' })
  templateVersion: number;

  /** Answers keyed by question id, as validated against `templateVersion`. */
  @Column('jsonb')
  answers: Record<string, unknown>;

  @Column('jsonb')
  features: MatchingFeatures;

  @Column('int', { nullable: true })
  capacity: number | null;

  @Column('int', { name: 'baseline_confidence' })
  baselineConfidence: number;

  @Column('int', { name: 'baseline_communication' })
  baselineCommunication: number;

  @Column('int', { name: 'baseline_leadership' })
  baselineLeadership: number;

  @Column('int', { name: 'baseline_network_size' })
  baselineNetworkSize: number;

  @Column('uuid', { name: 'excluded_user_ids', array: true })
  excludedUserIds: string[];

  /** Optimistic concurrency: +1 on every change. */
  @Column('int')
  version: number;

  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('timestamptz', { name: 'withdrawn_at', nullable: true })
  withdrawnAt: Date | null;

  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt: Date | null;

  baseline(): Baseline {
    return {
      confidence: this.baselineConfidence,
      communication: this.baselineCommunication,
      leadership: this.baselineLeadership,
      networkSize: this.baselineNetworkSize,
    };
  }
}
