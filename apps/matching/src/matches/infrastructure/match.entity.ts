import type { MatchProposedData } from '@passerelle/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MatchOrigin, MatchStatus } from '../domain/match-lifecycle';

export type MatchScore = MatchProposedData['score'];

@Entity({ name: 'matches' })
export class MatchEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('uuid', { name: 'program_id' })
  programId: string;

  /** Null once that person erased their account; the match stays as an anonymous statistic. */
  @Column('uuid', { name: 'mentee_id', nullable: true })
  menteeId: string | null;

  @Column('uuid', { name: 'mentor_id', nullable: true })
  mentorId: string | null;

  @Column('uuid', { name: 'mentee_enrollment_id' })
  menteeEnrollmentId: string;

  @Column('uuid', { name: 'mentor_enrollment_id' })
  mentorEnrollmentId: string;

  @Column('text')
  status: MatchStatus;

  @Column('text')
  origin: MatchOrigin;

  @Column('uuid', { name: 'round_id', nullable: true })
  roundId: string | null;

  @Column('int', { nullable: true })
  rank: number | null;

  @Column('jsonb')
  score: MatchScore;

  /** An organizer's reason for creating, cancelling or ending a match by hand (for the organizers only). */
  @Column('text', { name: 'reason_note', nullable: true })
  reasonNote: string | null;

  @Column('timestamptz', { name: 'mentee_accepted_at', nullable: true })
  menteeAcceptedAt: Date | null;

  @Column('timestamptz', { name: 'mentor_accepted_at', nullable: true })
  mentorAcceptedAt: Date | null;

  @Column('timestamptz', { name: 'respond_by', nullable: true })
  respondBy: Date | null;

  @Column('timestamptz', { name: 'reminded_at', nullable: true })
  remindedAt: Date | null;

  @Column('text', { name: 'declined_by', nullable: true })
  declinedBy: string | null;

  @Column('text', { name: 'decline_reason', nullable: true })
  declineReason: string | null;

  @Column('text', { name: 'ended_by', nullable: true })
  endedBy: string | null;

  @Column('text', { name: 'end_reason', nullable: true })
  endReason: string | null;

  @Column('timestamptz', { name: 'proposed_at' })
  proposedAt: Date;

  @Column('timestamptz', { name: 'accepted_at', nullable: true })
  acceptedAt: Date | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Column('int')
  version: number;
}
