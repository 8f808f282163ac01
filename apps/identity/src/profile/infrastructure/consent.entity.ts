import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConsentPurpose } from '../domain/consent-purpose';

/**
 * One decision (granted or withdrawn) per row; rows are only ever inserted,
 * so the history proves what the person had agreed to at any time (GDPR
 * art. 7(1)). The current state of a purpose is its latest row.
 */
@Entity({ name: 'consents' })
export class ConsentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('text')
  purpose: ConsentPurpose;

  @Column('boolean')
  granted: boolean;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;
}
