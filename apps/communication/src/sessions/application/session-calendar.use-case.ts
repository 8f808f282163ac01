import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { DataSource } from 'typeorm';
import { DirectoryLookup, type Recipient } from '../../directory/application/directory-lookup';
import { buildInvitation } from '../domain/session-invitation';
import { loadOwnSession } from './session-access';

export interface SessionCalendar {
  readonly fileName: string;
  readonly content: string;
}

/**
 * The session as an iCalendar file a participant adds to their own calendar
 * (METHOD:PUBLISH): the same UID and SEQUENCE as the mailed invitation, so a
 * calendar that has both keeps one event, and the latest version wins.
 */
@Injectable()
export class GetSessionCalendarUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: DirectoryLookup,
  ) {}

  async execute(caller: AuthUser, id: string): Promise<SessionCalendar> {
    const { session } = await loadOwnSession(this.dataSource.manager, caller, id);
    const people = await Promise.all(
      [session.mentorId, session.menteeId].filter((userId): userId is string => userId !== null).map((userId) => this.directory.recipient(userId)),
    );
    const reachable = people.filter((person): person is Recipient & { email: string } => !!person?.email);
    const organizer = reachable.find((person) => person.userId === session.createdBy) ?? reachable[0] ?? null;
    const content = buildInvitation({
      sessionId: session.id,
      sequence: session.sequence,
      method: 'PUBLISH',
      tentative: session.status === 'proposed',
      cancelled: session.status === 'cancelled',
      startsAt: session.startsAt,
      durationMinutes: session.durationMinutes,
      timeZone: session.timeZone,
      summary: 'Mentoring session',
      description: [session.agenda, session.meetingUrl].filter(Boolean).join('\n'),
      url: session.meetingUrl,
      location: session.mode === 'in_person' ? session.location : session.meetingUrl,
      organizer: organizer && { email: organizer.email, name: organizer.displayName },
      attendees: reachable.map((person) => ({ email: person.email, name: person.displayName })),
      stamp: session.updatedAt,
    });
    return { fileName: `session-${session.id}.ics`, content };
  }
}
