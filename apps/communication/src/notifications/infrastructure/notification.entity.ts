import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One in-app notification, rendered in the recipient's language when it was written. */
@Entity({ name: 'notifications' })
export class NotificationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'network_id' }) networkId: string;
  @Column('uuid', { name: 'recipient_id' }) recipientId: string;
  @Column('text') template: string;
  @Column('text') title: string;
  @Column('text') body: string;
  /** The ids the notification is about (matchId, sessionId, alertId…), for the client to link to. */
  @Column('jsonb') data: Record<string, string>;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'read_at', nullable: true }) readAt: Date | null;
}
