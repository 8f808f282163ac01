import { Column, Entity, PrimaryColumn } from 'typeorm';

export type PairStatus = 'active' | 'ended';

/**
 * An accepted match as communication knows it from matching's events: the
 * pair a conversation (and later sessions and reminders) belongs to.
 */
@Entity({ name: 'pairs' })
export class PairEntity {
  @PrimaryColumn('uuid', { name: 'match_id' })
  matchId: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('uuid', { name: 'program_id' })
  programId: string;

  /** Null once that person erased their account. */
  @Column('uuid', { name: 'mentor_id', nullable: true })
  mentorId: string | null;

  @Column('uuid', { name: 'mentee_id', nullable: true })
  menteeId: string | null;

  @Column('text')
  status: PairStatus;

  /** Null for a match this service only heard had ended. */
  @Column('timestamptz', { name: 'accepted_at', nullable: true })
  acceptedAt: Date | null;

  @Column('timestamptz', { name: 'ended_at', nullable: true })
  endedAt: Date | null;

  @Column('text', { name: 'end_reason', nullable: true })
  endReason: string | null;

  /** The last cadence nudge: the next one waits at least one cadence. */
  @Column('timestamptz', { name: 'cadence_nudged_at', nullable: true })
  cadenceNudgedAt: Date | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
