import { attendanceClosedReason, planProblems, promotable, registrationClosedReason, seatFor } from './gathering';

const now = new Date('2026-05-01T12:00:00Z');
const later = new Date('2026-05-10T18:00:00Z');
const plan = { startsAt: later, durationMinutes: 60, capacity: 10, onlineUrl: 'https://meet.example.org/x', place: null };

describe('planProblems', () => {
  it('accepts a future gathering with exactly one location', () => {
    expect(planProblems(plan, now)).toEqual([]);
    expect(planProblems({ ...plan, onlineUrl: null, place: 'Salle 2, Lyon' }, now)).toEqual([]);
  });

  it('refuses a start now or in the past', () => {
    expect(planProblems({ ...plan, startsAt: now }, now)).toEqual([{ path: 'startsAt', issue: 'must be in the future' }]);
  });

  it('wants exactly one of an online link and a place, and says which field', () => {
    expect(planProblems({ ...plan, onlineUrl: null }, now)).toEqual([{ path: 'onlineUrl', issue: 'onlineUrl or place is required' }]);
    expect(planProblems({ ...plan, place: 'Lyon' }, now)).toEqual([
      { path: 'place', issue: 'must not be given with onlineUrl (exactly one of them)' },
    ]);
  });
});

describe('seats', () => {
  it('confirms while seats remain, then waitlists', () => {
    expect(seatFor(0, 1)).toBe('confirmed');
    expect(seatFor(1, 2)).toBe('confirmed');
    expect(seatFor(2, 2)).toBe('waitlisted');
    expect(seatFor(3, 2)).toBe('waitlisted');
  });

  it('promotes as many as there are free seats and people waiting', () => {
    expect(promotable(1, 2, 5)).toBe(1);
    expect(promotable(2, 2, 5)).toBe(0);
    expect(promotable(0, 5, 2)).toBe(2);
    // A capacity lowered below the confirmed count promotes nobody (and never a negative number).
    expect(promotable(4, 2, 3)).toBe(0);
  });
});

describe('when registrations and attendance are possible', () => {
  const scheduled = { status: 'scheduled' as const, startsAt: later };

  it('registrations close at the start, or when cancelled', () => {
    expect(registrationClosedReason(scheduled, now)).toBeNull();
    expect(registrationClosedReason(scheduled, later)).toMatchObject({ path: 'startsAt' });
    expect(registrationClosedReason({ ...scheduled, status: 'cancelled' }, now)).toEqual({ path: 'status', issue: 'is cancelled' });
  });

  it('attendance opens at the start of a gathering that was not cancelled', () => {
    expect(attendanceClosedReason(scheduled, now)).toMatchObject({ path: 'startsAt' });
    expect(attendanceClosedReason(scheduled, later)).toBeNull();
    expect(attendanceClosedReason({ ...scheduled, status: 'cancelled' }, later)).toEqual({ path: 'status', issue: 'is cancelled' });
  });
});
