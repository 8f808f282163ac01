import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProgramRole } from '../../cohort/domain/program-role';

/** A participant completed a training module, once; kept without the person after an erasure, for the statistics. */
@Entity({ name: 'resource_completions' })
export class ResourceCompletionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'resource_id' })
  resourceId: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('uuid', { name: 'program_id' })
  programId: string;

  @Column('uuid', { name: 'user_id', nullable: true })
  userId: string | null;

  @Column('text')
  role: ProgramRole;

  @Column('timestamptz', { name: 'completed_at' })
  completedAt: Date;

  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt: Date | null;
}
