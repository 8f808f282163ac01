import type { RoundCompletedData } from '@passerelle/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type RoundStatistics = Omit<RoundCompletedData, 'roundId' | 'networkId' | 'programId' | 'startedBy' | 'startedAt' | 'completedAt'>;

@Entity({ name: 'rounds' })
export class RoundEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('uuid', { name: 'program_id' })
  programId: string;

  @Column('uuid', { name: 'started_by', nullable: true })
  startedBy: string | null;

  @Column('timestamptz', { name: 'started_at' })
  startedAt: Date;

  @Column('timestamptz', { name: 'completed_at' })
  completedAt: Date;

  /** The scoring model the round used, so its proposals can be explained later. */
  @Column('jsonb')
  model: unknown;

  @Column('jsonb')
  statistics: RoundStatistics;

  /**
   * The optimality certificate by enrolment id: a pair not proposed would
   * have needed `lexicographicWeight + score ≥ menteeValue + mentorPrice`.
   */
  @Column('jsonb')
  duals: RoundDuals;
}

export interface RoundDuals {
  readonly lexicographicWeight: number;
  readonly maxTotal: number;
  readonly menteeValue: Record<string, number>;
  readonly mentorPrice: Record<string, number>;
}
