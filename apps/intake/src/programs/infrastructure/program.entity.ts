import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { MatchingMode, ProgramObjective, ProgramStatus } from '../domain/program';

@Entity({ name: 'programs' })
export class ProgramEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('text')
  name: string;

  @Column('text')
  description: string;

  @Column('text')
  charter: string;

  @Column('text', { array: true })
  objectives: ProgramObjective[];

  /** Calendar dates come back from PostgreSQL as YYYY-MM-DD strings. */
  @Column('date', { name: 'starts_on' })
  startsOn: string;

  @Column('date', { name: 'ends_on' })
  endsOn: string;

  @Column('int', { name: 'cadence_days' })
  cadenceDays: number;

  @Column('text', { name: 'matching_modes', array: true })
  matchingModes: MatchingMode[];

  @Column('int', { name: 'default_mentor_capacity' })
  defaultMentorCapacity: number;

  @Column('date', { name: 'intake_opens_on' })
  intakeOpensOn: string;

  @Column('date', { name: 'intake_closes_on' })
  intakeClosesOn: string;

  @Column('text')
  status: ProgramStatus;

  /** Optimistic concurrency: +1 on every change; a client may send the version it read. */
  @Column('int')
  version: number;

  @Column('uuid', { name: 'created_by' })
  createdBy: string;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
