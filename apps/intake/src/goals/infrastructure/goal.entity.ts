import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ProgramRole } from '../../programs/domain/program';
import type { ProgramObjective } from '../../programs/domain/program';

export const GOAL_STATUSES = ['in_progress', 'achieved', 'abandoned'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** Numbers are `double precision` so they come back as numbers, not strings. */
@Entity({ name: 'goals' })
export class GoalEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('uuid', { name: 'program_id' })
  programId: string;

  @Column('uuid', { name: 'enrollment_id' })
  enrollmentId: string;

  /** Null, like `title`, once the person erased their account. */
  @Column('uuid', { name: 'user_id', nullable: true })
  userId: string | null;

  @Column('text')
  role: ProgramRole;

  @Column('text', { nullable: true })
  title: string | null;

  @Column('text')
  objective: ProgramObjective;

  @Column('text')
  metric: string;

  @Column('double precision', { name: 'baseline_value' })
  baselineValue: number;

  @Column('double precision', { name: 'target_value' })
  targetValue: number;

  @Column('date', { name: 'due_on' })
  dueOn: string;

  @Column('text')
  status: GoalStatus;

  @Column('double precision', { name: 'value_reached', nullable: true })
  valueReached: number | null;

  @Column('date', { name: 'reached_on', nullable: true })
  reachedOn: string | null;

  @Column('int', { name: 'progress_percent' })
  progressPercent: number;

  @Column('int')
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
