import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ProgramRole } from '../../programs/domain/program';
import type { Question } from '../domain/question';

/** One saved version of a programme's survey for one role. Versions are never changed, only added. */
@Entity({ name: 'survey_templates' })
export class SurveyTemplateEntity {
  @PrimaryColumn('uuid', { name: 'program_id' })
  programId: string;

  @PrimaryColumn('text')
  role: ProgramRole;

  @PrimaryColumn('int')
  version: number;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('jsonb')
  questions: Question[];

  /** The organizer who saved it; null for the generated version saved when intake opened. */
  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
