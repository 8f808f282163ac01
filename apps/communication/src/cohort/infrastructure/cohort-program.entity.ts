import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Communication's copy of a published programme, kept from intake's `program.*` events. */
@Entity({ name: 'cohort_programs' })
export class CohortProgramEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('text')
  name: string;

  @Column('date', { name: 'starts_on' })
  startsOn: string;

  @Column('date', { name: 'ends_on' })
  endsOn: string;

  /** Expected days between two sessions of a pair: the reminder scheduler nudges pairs that slip. */
  @Column('int', { name: 'cadence_days', nullable: true })
  cadenceDays: number | null;

  @Column('text')
  status: 'published' | 'closed';

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
