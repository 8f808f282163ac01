import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AbsentRole, SessionMode, SessionStatus } from '../domain/session';

/** A session of a pair (issue 6, item 2). The pair's ids are repeated: they are what its events carry. */
@Entity({ name: 'sessions' })
export class SessionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'network_id' }) networkId: string;
  @Column('uuid', { name: 'program_id' }) programId: string;
  @Column('uuid', { name: 'match_id' }) matchId: string;
  @Column('uuid', { name: 'mentor_id', nullable: true }) mentorId: string | null;
  @Column('uuid', { name: 'mentee_id', nullable: true }) menteeId: string | null;
  @Column('text') status: SessionStatus;
  @Column('timestamptz', { name: 'starts_at' }) startsAt: Date;
  @Column('int', { name: 'duration_minutes' }) durationMinutes: number;
  @Column('text') mode: SessionMode;
  /** IANA zone the invitation is written in. */
  @Column('text', { name: 'time_zone' }) timeZone: string;
  @Column('text', { nullable: true }) agenda: string | null;
  @Column('text', { nullable: true }) location: string | null;
  /** Video sessions only. */
  @Column('text', { name: 'meeting_url', nullable: true }) meetingUrl: string | null;
  /** Who first proposed it: the invitation's organizer. */
  @Column('uuid', { name: 'created_by' }) createdBy: string;
  /** Who proposed the current time: the other participant confirms it. */
  @Column('uuid', { name: 'proposed_by' }) proposedBy: string;
  /** The invitation's SEQUENCE. */
  @Column('int') sequence: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  /** First confirmation: from then on, changes are mailed and published. */
  @Column('timestamptz', { name: 'scheduled_at', nullable: true }) scheduledAt: Date | null;
  @Column('uuid', { name: 'cancelled_by', nullable: true }) cancelledBy: string | null;
  @Column('text', { name: 'cancel_reason', nullable: true }) cancelReason: string | null;
  @Column('int', { name: 'actual_duration_minutes', nullable: true }) actualDurationMinutes: number | null;
  @Column('text', { name: 'absent_role', nullable: true }) absentRole: AbsentRole | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt: Date | null;
  /** When the reminder before a confirmed session went out; a new confirmation (after a move) clears it. */
  @Column('timestamptz', { name: 'reminded_at', nullable: true }) remindedAt: Date | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
