import { cancel, checkSlot, complete, confirm, overlaps, recordNoShow, reschedule, type SessionState } from './session';
import { meetingLink } from './meeting-link';

const now = new Date('2026-01-10T09:00:00Z');
const mentor = 'mentor-id';
const mentee = 'mentee-id';
const proposed: SessionState = {
  status: 'proposed',
  startsAt: new Date('2026-01-15T17:00:00Z'),
  durationMinutes: 60,
  proposedBy: mentee,
  sequence: 0,
  scheduledAt: null,
};
const confirmed: SessionState = { ...proposed, status: 'confirmed', scheduledAt: now };
const started = new Date('2026-01-15T17:05:00Z');

describe('session rules', () => {
  it('accepts a future slot of 15 to 240 whole minutes and names what is wrong otherwise', () => {
    expect(checkSlot(new Date('2026-01-11T00:00:00Z'), 15, now)).toEqual({ ok: true });
    expect(checkSlot(new Date('2026-01-11T00:00:00Z'), 240, now)).toEqual({ ok: true });
    expect(checkSlot(now, 60, now)).toMatchObject({ ok: false, kind: 'invalid', path: 'startsAt' });
    for (const duration of [14, 241, 30.5]) {
      expect(checkSlot(new Date('2026-01-11T00:00:00Z'), duration, now)).toMatchObject({ ok: false, path: 'durationMinutes' });
    }
  });

  it('detects overlaps on half-open intervals', () => {
    const a = { startsAt: new Date('2026-01-15T17:00:00Z'), durationMinutes: 60 };
    expect(overlaps(a, { startsAt: new Date('2026-01-15T17:59:00Z'), durationMinutes: 15 })).toBe(true);
    expect(overlaps(a, { startsAt: new Date('2026-01-15T16:30:00Z'), durationMinutes: 240 })).toBe(true);
    expect(overlaps(a, { startsAt: new Date('2026-01-15T18:00:00Z'), durationMinutes: 15 })).toBe(false);
    expect(overlaps(a, { startsAt: new Date('2026-01-15T16:45:00Z'), durationMinutes: 15 })).toBe(false);
  });

  it('is confirmed by the other participant only, once', () => {
    expect(confirm(proposed, mentor)).toEqual({ ok: true, status: 'confirmed', firstTime: true });
    expect(confirm(proposed, mentee)).toMatchObject({ ok: false, kind: 'conflict', path: 'status', issue: expect.stringContaining('other participant') });
    expect(confirm(confirmed, mentor)).toMatchObject({ ok: false, kind: 'conflict', issue: expect.stringContaining('is confirmed') });
    expect(confirm({ ...proposed, scheduledAt: now }, mentor)).toMatchObject({ ok: true, firstTime: false });
  });

  it('goes back to proposed on reschedule, with the next SEQUENCE, announced once it was scheduled', () => {
    const slot = { startsAt: new Date('2026-01-16T17:00:00Z'), durationMinutes: 45 };
    expect(reschedule(confirmed, mentor, slot, now)).toEqual({ ok: true, status: 'proposed', proposedBy: mentor, sequence: 1, announce: true });
    expect(reschedule(proposed, mentee, slot, now)).toMatchObject({ ok: true, sequence: 1, announce: false });
    expect(reschedule(confirmed, mentor, { ...slot, startsAt: new Date('2026-01-01T00:00:00Z') }, now)).toMatchObject({ ok: false, path: 'startsAt' });
    expect(reschedule(confirmed, mentor, { startsAt: confirmed.startsAt, durationMinutes: 60 }, now)).toMatchObject({ ok: false, path: 'startsAt' });
    expect(reschedule({ ...confirmed, status: 'cancelled' }, mentor, slot, now)).toMatchObject({ ok: false, kind: 'conflict', issue: expect.stringContaining('is cancelled') });
  });

  it('cancels what has not taken place yet', () => {
    expect(cancel(confirmed)).toEqual({ ok: true, status: 'cancelled', sequence: 1, announce: true });
    expect(cancel(proposed)).toEqual({ ok: true, status: 'cancelled', sequence: 1, announce: false });
    expect(cancel({ ...confirmed, status: 'completed' })).toMatchObject({ ok: false, kind: 'conflict', path: 'status' });
  });

  it('completes or records a no-show only for a confirmed session that has started', () => {
    expect(complete(confirmed, 55, started)).toEqual({ ok: true, status: 'completed' });
    expect(complete(confirmed, 55, now)).toMatchObject({ ok: false, kind: 'conflict', path: 'startsAt' });
    expect(complete(proposed, 55, started)).toMatchObject({ ok: false, kind: 'conflict', issue: expect.stringContaining('is proposed') });
    expect(complete(confirmed, 0, started)).toMatchObject({ ok: false, kind: 'invalid', path: 'actualDurationMinutes' });
    expect(recordNoShow(confirmed, started)).toEqual({ ok: true, status: 'no_show' });
    expect(recordNoShow(confirmed, now)).toMatchObject({ ok: false, path: 'startsAt' });
    expect(recordNoShow({ ...confirmed, status: 'no_show' }, started)).toMatchObject({ ok: false, issue: expect.stringContaining('is no-show') });
  });

  it('fills the meeting link template with a 128-bit hex room id', () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, index) => index * 16 + 1);
    expect(meetingLink('https://meet.example.org/passerelle-{room}', bytes)).toBe('https://meet.example.org/passerelle-01112131415161718191a1b1c1d1e1f1');
    expect(() => meetingLink('https://x/{room}', new Uint8Array(8))).toThrow();
  });
});
