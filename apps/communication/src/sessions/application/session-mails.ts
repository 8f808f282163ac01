import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import type { EntityManager } from 'typeorm';
import { DirectoryLookup, type Recipient } from '../../directory/application/directory-lookup';
import { buildInvitation } from '../domain/session-invitation';
import { MailDeliveryEntity } from '../infrastructure/mail-delivery.entity';
import type { SessionEntity } from '../infrastructure/session.entity';
import type { OpenPair } from './session-access';

export type SessionMailKind = 'confirmed' | 'rescheduled' | 'cancelled';

const MODE_LABEL = { video: 'Video call', phone: 'Phone call', in_person: 'In person' } as const;

/** The session's time as its participants read it, e.g. "Thursday 15 January 2026, 18:00 (Europe/Paris)". */
function when(session: SessionEntity, locale: string | null): string {
  const options: Intl.DateTimeFormatOptions = { timeZone: session.timeZone, dateStyle: 'full', timeStyle: 'short' };
  let formatted: string;
  try {
    formatted = new Intl.DateTimeFormat(locale ?? 'en-GB', options).format(session.startsAt);
  } catch {
    formatted = new Intl.DateTimeFormat('en-GB', options).format(session.startsAt);
  }
  return `${formatted} (${session.timeZone})`;
}

/**
 * Writes the invitation mails of a session change into `mail_deliveries`, in
 * the caller's transaction (issue 6, item 2: "Both receive an e-mail with an
 * iCalendar invitation"). Erased or unknown participants, and people the
 * directory has no address for, are skipped.
 */
@Injectable()
export class SessionMails {
  constructor(private readonly directory: DirectoryLookup) {}

  async enqueue(manager: EntityManager, session: SessionEntity, pair: OpenPair, kind: SessionMailKind): Promise<number> {
    const people = await Promise.all([pair.mentorId, pair.menteeId].map((userId) => this.directory.recipient(userId, manager)));
    const reachable = people.filter((person): person is Recipient & { email: string } => !!person?.email);
    if (reachable.length === 0) return 0;
    const organizerPerson = reachable.find((person) => person.userId === session.createdBy) ?? reachable[0];
    const now = new Date();
    const calendar = buildInvitation({
      sessionId: session.id,
      sequence: session.sequence,
      method: kind === 'cancelled' ? 'CANCEL' : 'REQUEST',
      tentative: session.status === 'proposed',
      startsAt: session.startsAt,
      durationMinutes: session.durationMinutes,
      timeZone: session.timeZone,
      summary: 'Mentoring session',
      description: this.details(session, kind),
      url: session.meetingUrl,
      location: session.mode === 'in_person' ? session.location : session.meetingUrl,
      organizer: { email: organizerPerson.email, name: organizerPerson.displayName },
      attendees: reachable.map((person) => ({ email: person.email, name: person.displayName })),
      stamp: now,
    });
    const rows = reachable.map((person) =>
      manager.create(MailDeliveryEntity, {
        id: randomUUID(),
        networkId: session.networkId,
        recipientId: person.userId,
        toAddress: person.email,
        template: `session_${kind}`,
        subject: this.subject(session, kind, person.locale),
        textBody: `${this.greeting(person)}\n\n${this.details(session, kind, person.locale)}\n\nThe attached invitation updates your calendar.\n`,
        calendar,
        calendarMethod: kind === 'cancelled' ? 'CANCEL' : 'REQUEST',
        sessionId: session.id,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        createdAt: now,
        sentAt: null,
      }),
    );
    await manager.insert(MailDeliveryEntity, rows);
    return rows.length;
  }

  private greeting(person: Recipient): string {
    return person.displayName ? `Hello ${person.displayName},` : 'Hello,';
  }

  private subject(session: SessionEntity, kind: SessionMailKind, locale: string | null): string {
    const title = { confirmed: 'Mentoring session confirmed', rescheduled: 'Mentoring session moved', cancelled: 'Mentoring session cancelled' }[kind];
    return `${title}: ${when(session, locale)}`;
  }

  private details(session: SessionEntity, kind: SessionMailKind, locale: string | null = null): string {
    const lines = [
      {
        confirmed: 'Your mentoring session is confirmed.',
        rescheduled: 'Your mentoring session was moved; the other participant still has to confirm the new time.',
        cancelled: 'Your mentoring session was cancelled.',
      }[kind],
      `When: ${when(session, locale)}, ${session.durationMinutes} minutes`,
      `How: ${MODE_LABEL[session.mode]}`,
    ];
    if (session.meetingUrl) lines.push(`Join: ${session.meetingUrl}`);
    if (session.location) lines.push(`Where: ${session.location}`);
    if (session.agenda) lines.push(`Agenda: ${session.agenda}`);
    if (kind === 'cancelled' && session.cancelReason) lines.push(`Reason: ${session.cancelReason}`);
    return lines.join('\n');
  }
}
