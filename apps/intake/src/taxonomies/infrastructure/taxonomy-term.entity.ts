import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { TaxonomyKind } from '../../surveys/domain/question';

/** One term of one taxonomy of one network; the id never changes once answers may refer to it. */
@Entity({ name: 'taxonomy_terms' })
export class TaxonomyTermEntity {
  @PrimaryColumn('uuid', { name: 'network_id' })
  networkId: string;

  @PrimaryColumn('text')
  kind: TaxonomyKind;

  @PrimaryColumn('text')
  id: string;

  @Column('text')
  label: string;

  /** Retired terms stay, so answers given before still read; new answers may not pick them. */
  @Column('timestamptz', { name: 'retired_at', nullable: true })
  retiredAt: Date | null;

  @Column('boolean', { name: 'is_default' })
  isDefault: boolean;

  /** The organizer who added it; null for a default. */
  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
