import ical, { ICalCalendarMethod, ICalAttendeeRole, ICalAttendeeStatus, ICalEventStatus } from 'ical-generator';

export interface InvitationPerson {
  readonly email: string;
  readonly name: string | null;
}

export interface InvitationInput {
  /** The session id: the UID stays the same across every version of the invitation. */
  readonly sessionId: string;
  readonly sequence: number;
  /** REQUEST and CANCEL go to the participants' mailboxes; PUBLISH is the copy a participant downloads into their own calendar. */
  readonly method: 'REQUEST' | 'CANCEL' | 'PUBLISH';
  /** A proposed (not yet confirmed) time is written as tentative. */
  readonly tentative?: boolean;
  /** PUBLISH only: the session was called off (a CANCEL always is). */
  readonly cancelled?: boolean;
  readonly startsAt: Date;
  readonly durationMinutes: number;
  /** IANA zone the participants see the time in (DTSTART;TZID=…). */
  readonly timeZone: string;
  readonly summary: string;
  readonly description: string;
  readonly url: string | null;
  readonly location: string | null;
  /** Null when no participant can be written to any more (an erased account): the copy then names no organizer. */
  readonly organizer: InvitationPerson | null;
  readonly attendees: readonly InvitationPerson[];
  /** DTSTAMP: when this version was made. */
  readonly stamp: Date;
}

/** The domain the UIDs live in, so they never collide with another producer's. */
const UID_DOMAIN = 'sessions.passerelle';

export function invitationUid(sessionId: string): string {
  return `${sessionId}@${UID_DOMAIN}`;
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  if (!timeZone || timeZone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The wall-clock time of `instant` in `timeZone`, as `YYYY-MM-DDTHH:mm:ss`
 * (no offset). ical-generator writes such a string as is after `TZID=`,
 * whereas a `Date` would be written in the *server's* zone: converting here
 * keeps the invitation right whatever TZ the process runs with.
 */
export function wallClock(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}`;
}

/**
 * The iCalendar (RFC 5545) invitation for one version of a session (issue 6,
 * item 2: "an iCalendar invitation (.ics, correct time zones,
 * updated/cancelled with the same UID)"): METHOD:REQUEST for a new or moved
 * session, METHOD:CANCEL when it is called off; calendars apply the version
 * with the highest SEQUENCE.
 */
export function buildInvitation(input: InvitationInput): string {
  const calendar = ical({
    prodId: { company: 'Passerelle', product: 'Sessions', language: 'EN' },
    method: ICalCalendarMethod[input.method],
  });
  const end = new Date(input.startsAt.getTime() + input.durationMinutes * 60_000);
  const status =
    input.method === 'CANCEL' || input.cancelled ? ICalEventStatus.CANCELLED : input.tentative ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED;
  calendar.createEvent({
    id: invitationUid(input.sessionId),
    sequence: input.sequence,
    stamp: input.stamp,
    start: wallClock(input.startsAt, input.timeZone),
    end: wallClock(end, input.timeZone),
    timezone: input.timeZone,
    summary: input.summary,
    description: input.description,
    status,
    url: input.url,
    location: input.location ?? input.url,
    organizer: input.organizer ? { name: input.organizer.name ?? input.organizer.email, email: input.organizer.email } : null,
    attendees: input.attendees.map((attendee) => ({
      email: attendee.email,
      name: attendee.name ?? undefined,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: input.method === 'REQUEST',
    })),
  });
  return calendar.toString();
}
