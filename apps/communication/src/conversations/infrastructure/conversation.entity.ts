import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConversationStatus, ProgramRole } from '../domain/conversation';

/** One per accepted match; participants are copied from the pair so access checks need no join. */
@Entity({ name: 'conversations' })
export class ConversationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'match_id' })
  matchId: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('uuid', { name: 'program_id' })
  programId: string;

  /** Null once the mentor erased their account. */
  @Column('uuid', { name: 'mentor_id', nullable: true })
  mentorId: string | null;

  @Column('uuid', { name: 'mentee_id', nullable: true })
  menteeId: string | null;

  @Column('text')
  status: ConversationStatus;

  @Column('timestamptz', { name: 'opened_at' })
  openedAt: Date;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  /** `match.ended`'s reason, or `participant_erased`. */
  @Column('text', { name: 'closed_reason', nullable: true })
  closedReason: string | null;

  @Column('uuid', { name: 'last_message_id', nullable: true })
  lastMessageId: string | null;

  @Column('timestamptz', { name: 'last_message_at', nullable: true })
  lastMessageAt: Date | null;

  @Column('uuid', { name: 'mentor_read_up_to', nullable: true })
  mentorReadUpTo: string | null;

  @Column('timestamptz', { name: 'mentor_read_at', nullable: true })
  mentorReadAt: Date | null;

  @Column('uuid', { name: 'mentee_read_up_to', nullable: true })
  menteeReadUpTo: string | null;

  @Column('timestamptz', { name: 'mentee_read_at', nullable: true })
  menteeReadAt: Date | null;
}

/** The read receipt of one side. */
export function readPointerOf(conversation: ConversationEntity, role: ProgramRole): { upTo: string | null; at: Date | null } {
  return role === 'mentor'
    ? { upTo: conversation.mentorReadUpTo, at: conversation.mentorReadAt }
    : { upTo: conversation.menteeReadUpTo, at: conversation.menteeReadAt };
}
