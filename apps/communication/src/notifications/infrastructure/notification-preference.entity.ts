import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Language, OptionalCategory } from '../domain/templates';

/**
 * A person's notification settings. The row appears the first time they
 * change a setting or are sent optional mail (which needs the token of its
 * unsubscribe link); without it, every category is on and the language
 * follows the account's locale.
 */
@Entity({ name: 'notification_preferences' })
export class NotificationPreferenceEntity {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId: string;
  @Column('uuid', { name: 'network_id' }) networkId: string;
  @Column('text', { nullable: true }) language: Language | null;
  @Column('text', { name: 'muted_categories', array: true }) mutedCategories: OptionalCategory[];
  /** Capability token of the one-click unsubscribe links: it can only turn mail categories off. */
  @Column('text', { name: 'unsubscribe_token' }) unsubscribeToken: string;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
