import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@passerelle/platform';
import { pendingMail } from '@passerelle/platform/mail';
import { randomBytes, randomUUID } from 'crypto';
import type { EntityManager } from 'typeorm';
import type { CommunicationConfig } from '../../config';
import { DirectoryLookup } from '../../directory/application/directory-lookup';
import { categoryOf, languageOf, renderInApp, renderMail, type TemplateData, type TemplateName } from '../domain/templates';
import { MailDeliveryEntity } from '../infrastructure/mail-delivery.entity';
import { NotificationPreferenceEntity } from '../infrastructure/notification-preference.entity';
import { NotificationEntity } from '../infrastructure/notification.entity';

export interface Notice<T extends TemplateName> {
  readonly recipientId: string;
  readonly template: T;
  readonly data: TemplateData<T>;
  /** Ids the notice is about, shown to the client with the in-app notification. */
  readonly about?: Readonly<Record<string, string>>;
  /** An iCalendar invitation to attach to the mail. */
  readonly calendar?: { readonly content: string; readonly method: 'REQUEST' | 'CANCEL'; readonly sessionId: string };
}

/** What became of a notice: nothing (unknown or erased person), in-app only, or in-app and mailed. */
export type NoticeOutcome = 'skipped' | 'in_app' | 'mailed';

/** Where mail clients' one-click unsubscribe (List-Unsubscribe, RFC 8058) posts, under PUBLIC_API_URL. */
const ONE_CLICK_PATH = '/v1/notifications/unsubscribe';

/** The web app's page that says what will stop and confirms, under PUBLIC_APP_URL. */
const UNSUBSCRIBE_PAGE = '/unsubscribe';

/**
 * Writes a notification for one person in the caller's transaction: always in-app, and by mail unless the person has no address or
 * turned that optional category off. Texts are rendered in the person's
 * language now, so a later change of templates does not rewrite history.
 * Nobody erased or unknown to the directory gets anything.
 */
@Injectable()
export class Notifier {
  constructor(
    private readonly directory: DirectoryLookup,
    @Inject(APP_CONFIG) private readonly config: CommunicationConfig,
  ) {}

  async notify<T extends TemplateName>(manager: EntityManager, notice: Notice<T>): Promise<NoticeOutcome> {
    const person = await this.directory.recipient(notice.recipientId, manager);
    if (!person) return 'skipped';
    const preferences = await manager.findOneBy(NotificationPreferenceEntity, { userId: person.userId });
    const language = languageOf(preferences?.language ?? null, person.locale);
    const now = new Date();
    const inApp = renderInApp(notice.template, notice.data, language);
    await manager.insert(NotificationEntity, {
      id: randomUUID(),
      networkId: person.networkId,
      recipientId: person.userId,
      template: notice.template,
      title: inApp.title,
      body: inApp.body,
      data: { ...notice.about },
      createdAt: now,
      readAt: null,
    });

    const category = categoryOf(notice.template);
    if (!person.email || (category !== 'essential' && preferences?.mutedCategories.includes(category))) return 'in_app';
    const unsubscribe = category === 'essential' ? null : this.unsubscribeLinks(await this.unsubscribeToken(manager, person.userId, person.networkId), category);
    const mail = renderMail(notice.template, notice.data, language, { displayName: person.displayName, unsubscribeUrl: unsubscribe?.page ?? null });
    await manager.insert(MailDeliveryEntity, {
      id: randomUUID(),
      networkId: person.networkId,
      recipientId: person.userId,
      toAddress: person.email,
      template: notice.template,
      subject: mail.subject,
      textBody: mail.text,
      calendar: notice.calendar?.content ?? null,
      calendarMethod: notice.calendar?.method ?? null,
      sessionId: notice.calendar?.sessionId ?? null,
      unsubscribeUrl: unsubscribe?.oneClick ?? null,
      ...pendingMail(now),
    });
    return 'mailed';
  }

  /**
   * The mail's text links to the web app's page, which a person reads before
   * confirming; the token travels in the fragment there, so the page's server
   * and its logs never see it. The header's link is the API itself, which
   * mail clients post to without a page.
   */
  private unsubscribeLinks(token: string, category: string): { page: string; oneClick: string } {
    const base = (url: string) => url.replace(/\/+$/, '');
    return {
      page: `${base(this.config.publicAppUrl)}${UNSUBSCRIBE_PAGE}?category=${category}#token=${token}`,
      oneClick: `${base(this.config.publicApiUrl)}${ONE_CLICK_PATH}?token=${token}&category=${category}`,
    };
  }

  /** The person's unsubscribe token, created with their preferences row on first need. */
  private async unsubscribeToken(manager: EntityManager, userId: string, networkId: string): Promise<string> {
    const rows: Array<{ unsubscribe_token: string }> = await manager.query(
      `INSERT INTO notification_preferences (user_id, network_id, unsubscribe_token, updated_at)
       VALUES ($1, $2, $3, now())
       ON CONFLICT (user_id) DO UPDATE SET user_id = EXCLUDED.user_id
       RETURNING unsubscribe_token`,
      [userId, networkId, newUnsubscribeToken()],
    );
    return rows[0].unsubscribe_token;
  }
}

/** 256 random bits, URL-safe. */
export function newUnsubscribeToken(): string {
  return randomBytes(32).toString('base64url');
}
