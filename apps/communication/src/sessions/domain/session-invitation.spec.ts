import { buildInvitation, type InvitationInput, invitationUid, isKnownTimeZone, wallClock } from './session-invitation';

const base: InvitationInput = {
  sessionId: '6a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9caa',
  sequence: 0,
  method: 'REQUEST',
  startsAt: new Date('2026-01-15T17:00:00Z'),
  durationMinutes: 45,
  timeZone: 'Europe/Paris',
  summary: 'Mentoring session',
  description: 'Agenda: CV review',
  url: 'https://meet.example.org/passerelle-0123456789abcdef0123456789abcdef',
  location: null,
  organizer: { email: 'camille@example.org', name: 'Camille' },
  attendees: [
    { email: 'camille@example.org', name: 'Camille' },
    { email: 'dominique@example.org', name: null },
  ],
  stamp: new Date('2026-01-10T09:00:00Z'),
};

/** Unfolded content lines (RFC 5545 folds long lines with CRLF + space). */
const lines = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split(/\r\n/);
const line = (ics: string, name: string) => lines(ics).find((entry) => entry.startsWith(`${name}:`) || entry.startsWith(`${name};`));

describe('session invitation (.ics)', () => {
  it('writes 18:00 Europe/Paris in winter as 17:00Z and in summer as 16:00Z', () => {
    expect(wallClock(new Date('2026-01-15T17:00:00Z'), 'Europe/Paris')).toBe('2026-01-15T18:00:00');
    expect(wallClock(new Date('2026-07-15T16:00:00Z'), 'Europe/Paris')).toBe('2026-07-15T18:00:00');
    expect(line(buildInvitation(base), 'DTSTART')).toBe('DTSTART;TZID=Europe/Paris:20260115T180000');
    expect(line(buildInvitation(base), 'DTEND')).toBe('DTEND;TZID=Europe/Paris:20260115T184500');
    const summer = buildInvitation({ ...base, startsAt: new Date('2026-07-15T16:00:00Z') });
    expect(line(summer, 'DTSTART')).toBe('DTSTART;TZID=Europe/Paris:20260715T180000');
  });

  it('crosses midnight and the daylight-saving change in the zone, not on the server', () => {
    // 2026-03-29 01:30Z: Paris has just jumped from 02:00 to 03:00.
    expect(wallClock(new Date('2026-03-29T01:30:00Z'), 'Europe/Paris')).toBe('2026-03-29T03:30:00');
    expect(wallClock(new Date('2026-01-15T23:30:00Z'), 'America/New_York')).toBe('2026-01-15T18:30:00');
    expect(wallClock(new Date('2026-01-15T23:30:00Z'), 'Asia/Tokyo')).toBe('2026-01-16T08:30:00');
  });

  it('keeps the UID across versions and carries the SEQUENCE given', () => {
    const first = buildInvitation(base);
    const moved = buildInvitation({ ...base, sequence: 1, startsAt: new Date('2026-01-16T17:00:00Z') });
    const cancelled = buildInvitation({ ...base, sequence: 2, method: 'CANCEL' });
    for (const ics of [first, moved, cancelled]) expect(line(ics, 'UID')).toBe(`UID:${invitationUid(base.sessionId)}`);
    expect([first, moved, cancelled].map((ics) => line(ics, 'SEQUENCE'))).toEqual(['SEQUENCE:0', 'SEQUENCE:1', 'SEQUENCE:2']);
    expect(line(first, 'METHOD')).toBe('METHOD:REQUEST');
    expect(line(cancelled, 'METHOD')).toBe('METHOD:CANCEL');
    expect(line(cancelled, 'STATUS')).toBe('STATUS:CANCELLED');
    expect(line(buildInvitation({ ...base, tentative: true }), 'STATUS')).toBe('STATUS:TENTATIVE');
  });

  it('publishes the copy a participant downloads: no RSVP asked, its status following the session', () => {
    const published = buildInvitation({ ...base, method: 'PUBLISH' });
    expect(line(published, 'METHOD')).toBe('METHOD:PUBLISH');
    expect(line(published, 'STATUS')).toBe('STATUS:CONFIRMED');
    expect(lines(published).filter((entry) => entry.startsWith('ATTENDEE')).every((entry) => !entry.includes('RSVP=TRUE'))).toBe(true);
    expect(line(buildInvitation({ ...base, method: 'PUBLISH', tentative: true }), 'STATUS')).toBe('STATUS:TENTATIVE');
    expect(line(buildInvitation({ ...base, method: 'PUBLISH', cancelled: true }), 'STATUS')).toBe('STATUS:CANCELLED');
    expect(line(buildInvitation({ ...base, method: 'PUBLISH', organizer: null }), 'ORGANIZER')).toBeUndefined();
  });

  it('names the organizer, both participants as attendees, and the meeting link', () => {
    const ics = buildInvitation(base);
    expect(line(ics, 'ORGANIZER')).toMatch(/mailto:camille@example\.org$/i);
    const attendees = lines(ics).filter((entry) => entry.startsWith('ATTENDEE'));
    expect(attendees.map((entry) => entry.replace(/^.*:mailto:/i, '').toLowerCase())).toEqual(['camille@example.org', 'dominique@example.org']);
    expect(attendees.every((entry) => entry.includes('RSVP=TRUE'))).toBe(true);
    expect(line(ics, 'URL')).toBe(`URL;VALUE=URI:${base.url}`);
    expect(line(ics, 'DTSTAMP')).toBe('DTSTAMP:20260110T090000Z');
  });

  it('knows IANA zones and refuses made-up ones', () => {
    expect(isKnownTimeZone('Europe/Paris')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
    expect(isKnownTimeZone('')).toBe(false);
  });
});
