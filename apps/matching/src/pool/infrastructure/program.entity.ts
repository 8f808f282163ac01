import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ProgramObjective = 'job_search' | 'networking' | 'skills';
export type MatchingMode = 'organizer_rounds' | 'mentee_choice';

/** Matching's copy of a published programme, kept from `program.*` events, plus its scoring model. */
@Entity({ name: 'programs' })
export class MatchingProgramEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('text')
  name: string;

  @Column('text', { array: true })
  objectives: ProgramObjective[];

  @Column('text', { name: 'matching_modes', array: true })
  matchingModes: MatchingMode[];

  @Column('int', { name: 'default_mentor_capacity' })
  defaultMentorCapacity: number;

  @Column('date', { name: 'starts_on' })
  startsOn: string;

  @Column('date', { name: 'ends_on' })
  endsOn: string;

  @Column('text')
  status: 'published' | 'closed';

  /** The organizers' model; null means the default derived from the objectives. */
  @Column('jsonb', { name: 'scoring_model', nullable: true })
  scoringModel: unknown;

  @Column('int', { name: 'model_version' })
  modelVersion: number;

  @Column('uuid', { name: 'model_updated_by', nullable: true })
  modelUpdatedBy: string | null;

  @Column('timestamptz', { name: 'model_updated_at', nullable: true })
  modelUpdatedAt: Date | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
