import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProgramRole } from '../domain/conversation';

@Entity({ name: 'messages' })
export class MessageEntity {
  /** UUIDv7: the keyset cursor, and the time order of the conversation. */
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'conversation_id' })
  conversationId: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  /** Null once the sender erased their account. */
  @Column('uuid', { name: 'sender_id', nullable: true })
  senderId: string | null;

  /** Kept after erasure, so the thread still shows whose message was removed. */
  @Column('text', { name: 'sender_role' })
  senderRole: ProgramRole;

  /** Null once the sender erased their account ("message removed"). */
  @Column('text', { nullable: true })
  text: string | null;

  @Column('int')
  length: number;

  @Column('timestamptz', { name: 'sent_at' })
  sentAt: Date;

  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt: Date | null;
}
