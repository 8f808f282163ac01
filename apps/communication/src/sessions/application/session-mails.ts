import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DirectoryLookup, type Recipient } from '../../directory/application/directory-lookup';
import { Notifier } from '../../notifications/application/notifier';
import type { SessionFacts } from '../../notifications/domain/templates';
import { buildInvitation } from '../domain/session-invitation';
import type { SessionEntity } from '../infrastructure/session.entity';
import type { OpenPair } from './session-access';

export type SessionMailKind = 'confirmed' | 'rescheduled' | 'cancelled';

/** What the notification templates show of a session. */
export function sessionFacts(session: SessionEntity): SessionFacts {
  const { startsAt, timeZone, durationMinutes, mode, meetingUrl, location, agenda, cancelReason } = session;
  return { startsAt, timeZone, durationMinutes, mode, meetingUrl, location, agenda, cancelReason };
}

/**
 * Notifies both participants of a session change, in the caller's
 * transaction (issue 6, item 2: "Both receive an e-mail with an iCalendar
 * invitation"): one invitation, same UID and SEQUENCE for both, attached to
 * each one's mail in their language. Erased or unknown participants are
 * skipped, and the invitation lists only the people it reaches.
 */
@Injectable()
export class SessionMails {
  constructor(
    private readonly directory: DirectoryLookup,
    private readonly notifier: Notifier,
  ) {}

  async enqueue(manager: EntityManager, session: SessionEntity, pair: OpenPair, kind: SessionMailKind): Promise<void> {
    const people = await Promise.all([pair.mentorId, pair.menteeId].map((userId) => this.directory.recipient(userId, manager)));
    const reachable = people.filter((person): person is Recipient & { email: string } => !!person?.email);
    if (reachable.length === 0) return;
    const organizerPerson = reachable.find((person) => person.userId === session.createdBy) ?? reachable[0];
    const method = kind === 'cancelled' ? 'CANCEL' : 'REQUEST';
    const calendar = buildInvitation({
      sessionId: session.id,
      sequence: session.sequence,
      method,
      tentative: session.status === 'proposed',
      startsAt: session.startsAt,
      durationMinutes: session.durationMinutes,
      timeZone: session.timeZone,
      summary: 'Mentoring session',
      description: [session.agenda, session.meetingUrl].filter(Boolean).join('\n'),
      url: session.meetingUrl,
      location: session.mode === 'in_person' ? session.location : session.meetingUrl,
      organizer: { email: organizerPerson.email, name: organizerPerson.displayName },
      attendees: reachable.map((person) => ({ email: person.email, name: person.displayName })),
      stamp: new Date(),
    });
    for (const person of reachable) {
      await this.notifier.notify(manager, {
        recipientId: person.userId,
        template: `session_${kind}` as const,
        data: sessionFacts(session),
        about: { sessionId: session.id, matchId: pair.matchId },
        calendar: { content: calendar, method, sessionId: session.id },
      });
    }
  }
}
