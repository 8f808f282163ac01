import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PartnershipState } from '../domain/match-partnership';

/** A pair matching proposed, from its match events: what lets one side read the other's public profile. */
@Entity({ name: 'match_partners' })
export class MatchPartnerEntity {
  @PrimaryColumn('uuid', { name: 'match_id' })
  matchId: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('uuid', { name: 'mentor_id' })
  mentorId: string;

  @Column('uuid', { name: 'mentee_id' })
  menteeId: string;

  @Column('text')
  state: PartnershipState;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
