import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A person who erased their account: nothing but the id, so an enrolment
 * event that arrives after the erasure (another topic) stays anonymous, and
 * a token issued before the erasure no longer opens the cohort's spaces.
 */
@Entity({ name: 'cohort_erased_users' })
export class ErasedUserEntity {
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('timestamptz', { name: 'erased_at' })
  erasedAt: Date;
}
