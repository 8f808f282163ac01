import { Injectable, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { DataSource } from 'typeorm';
import { languageOf, type Language, OPTIONAL_CATEGORIES, type OptionalCategory } from '../domain/templates';
import { DirectoryLookup } from '../../directory/application/directory-lookup';
import { NotificationPreferenceEntity } from '../infrastructure/notification-preference.entity';
import { NotificationEntity } from '../infrastructure/notification.entity';
import { newUnsubscribeToken } from './notifier';

export interface NotificationView {
  readonly id: string;
  readonly template: string;
  readonly title: string;
  readonly body: string;
  readonly about: Record<string, string>;
  readonly createdAt: string;
  readonly readAt: string | null;
}

export interface PreferencesView {
  /** The language chosen, or null to follow the account's locale. */
  readonly language: Language | null;
  /** The language notifications are written in now. */
  readonly effectiveLanguage: Language;
  readonly email: Record<OptionalCategory, boolean>;
}

function toView(row: NotificationEntity): NotificationView {
  return {
    id: row.id,
    template: row.template,
    title: row.title,
    body: row.body,
    about: row.data,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

const notYours = () => new NotFoundException('No such notification, or not yours.');

/** Your in-app notifications, newest first (ids are UUIDv7, so the id is the keyset cursor). */
@Injectable()
export class ListNotificationsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, query: { limit: number; cursor?: string; unreadOnly: boolean }) {
    const builder = this.dataSource.getRepository(NotificationEntity).createQueryBuilder('n').where('n.recipient_id = :me', { me: caller.userId });
    if (query.cursor) builder.andWhere('n.id < :cursor', { cursor: query.cursor });
    if (query.unreadOnly) builder.andWhere('n.read_at IS NULL');
    const rows = await builder.orderBy('n.id', 'DESC').take(query.limit + 1).getMany();
    const page = rows.slice(0, query.limit);
    const [{ unread }]: Array<{ unread: number }> = await this.dataSource.query(
      'SELECT count(*)::int AS unread FROM notifications WHERE recipient_id = $1 AND read_at IS NULL',
      [caller.userId],
    );
    return { items: page.map(toView), nextCursor: rows.length > query.limit ? page[page.length - 1].id : null, unreadCount: unread };
  }
}

/** Marks one of your notifications read; marking it again keeps the first time. */
@Injectable()
export class MarkNotificationReadUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, id: string): Promise<NotificationView> {
    await this.dataSource.query('UPDATE notifications SET read_at = now() WHERE id = $1 AND recipient_id = $2 AND read_at IS NULL', [id, caller.userId]);
    const row = await this.dataSource.getRepository(NotificationEntity).findOneBy({ id, recipientId: caller.userId });
    if (!row) throw notYours();
    return toView(row);
  }
}

/** Marks all your notifications read; answers how many changed. */
@Injectable()
export class MarkAllNotificationsReadUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser): Promise<{ marked: number }> {
    const [, marked]: [unknown, number] = await this.dataSource.query(
      'UPDATE notifications SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL',
      [caller.userId],
    );
    return { marked };
  }
}

function toPreferencesView(row: NotificationPreferenceEntity | null, locale: string | null): PreferencesView {
  const muted = new Set(row?.mutedCategories ?? []);
  return {
    language: row?.language ?? null,
    effectiveLanguage: languageOf(row?.language ?? null, locale),
    email: Object.fromEntries(OPTIONAL_CATEGORIES.map((category) => [category, !muted.has(category)])) as Record<OptionalCategory, boolean>,
  };
}

/** Your notification settings; everything is on until you change it. */
@Injectable()
export class GetPreferencesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: DirectoryLookup,
  ) {}

  async execute(caller: AuthUser): Promise<PreferencesView> {
    const [row, person] = await Promise.all([
      this.dataSource.getRepository(NotificationPreferenceEntity).findOneBy({ userId: caller.userId }),
      this.directory.recipient(caller.userId),
    ]);
    return toPreferencesView(row, person?.locale ?? null);
  }
}

export interface PreferencesChange {
  /** Absent: unchanged; null: follow the account's locale. */
  readonly language?: Language | null;
  /** Categories absent from the object keep their setting. */
  readonly email?: Partial<Record<OptionalCategory, boolean>>;
}

/** Changes your settings (only what the request names). */
@Injectable()
export class UpdatePreferencesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: DirectoryLookup,
  ) {}

  async execute(caller: AuthUser, change: PreferencesChange): Promise<PreferencesView> {
    const muted = Object.entries(change.email ?? {}).flatMap(([category, on]) => (on === false ? [category] : []));
    const unmuted = Object.entries(change.email ?? {}).flatMap(([category, on]) => (on === true ? [category] : []));
    const rows: NotificationPreferenceEntity[] = await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO notification_preferences (user_id, network_id, unsubscribe_token, updated_at)
         VALUES ($1, $2, $3, now()) ON CONFLICT (user_id) DO NOTHING`,
        [caller.userId, caller.networkId, newUnsubscribeToken()],
      );
      await manager.query(
        `UPDATE notification_preferences
            SET language = CASE WHEN $2 THEN $3 ELSE language END,
                muted_categories = ARRAY(SELECT DISTINCT c FROM unnest(muted_categories || $4::text[]) AS c WHERE c <> ALL ($5::text[]) ORDER BY c),
                updated_at = now()
          WHERE user_id = $1`,
        [caller.userId, change.language !== undefined, change.language ?? null, muted, unmuted],
      );
      return manager.findBy(NotificationPreferenceEntity, { userId: caller.userId });
    });
    const person = await this.directory.recipient(caller.userId);
    return toPreferencesView(rows[0], person?.locale ?? null);
  }
}

/**
 * One-click unsubscribe (RFC 8058): the token of the mail's link turns one
 * optional category off, without logging in. It cannot do anything else.
 */
@Injectable()
export class UnsubscribeUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(token: string, category: OptionalCategory): Promise<{ category: OptionalCategory; email: false }> {
    const [, changed]: [unknown, number] = await this.dataSource.query(
      `UPDATE notification_preferences
          SET muted_categories = ARRAY(SELECT DISTINCT c FROM unnest(muted_categories || ARRAY[$2]::text[]) AS c ORDER BY c), updated_at = now()
        WHERE unsubscribe_token = $1`,
      [token, category],
    );
    if (changed === 0) throw new NotFoundException('This unsubscribe link is not valid (any longer): change your settings in the app instead.');
    return { category, email: false };
  }
}
