import { wallClockOf, zonedInstant } from './zoned-time';

describe('a session’s time in its zone', () => {
  it('writes a wall-clock time with the zone’s offset at that date, summer and winter', () => {
    expect(zonedInstant('2027-01-15', '18:00', 'Europe/Paris')).toBe('2027-01-15T18:00:00+01:00');
    expect(zonedInstant('2027-07-15', '18:00', 'Europe/Paris')).toBe('2027-07-15T18:00:00+02:00');
    expect(zonedInstant('2027-01-15', '09:30', 'America/Montreal')).toBe('2027-01-15T09:30:00-05:00');
    expect(zonedInstant('2027-01-15', '09:30', 'Asia/Kolkata')).toBe('2027-01-15T09:30:00+05:30');
    expect(zonedInstant('2027-01-15', '09:30', 'UTC')).toBe('2027-01-15T09:30:00+00:00');
  });

  it('takes the offset after the daylight-saving change on its day', () => {
    // Paris moves to summer time at 02:00 on 28 March 2027.
    expect(zonedInstant('2027-03-28', '10:00', 'Europe/Paris')).toBe('2027-03-28T10:00:00+02:00');
    expect(zonedInstant('2027-03-27', '10:00', 'Europe/Paris')).toBe('2027-03-27T10:00:00+01:00');
  });

  it('reads an instant back on the zone’s clock', () => {
    expect(wallClockOf('2027-01-15T17:00:00.000Z', 'Europe/Paris')).toEqual({ date: '2027-01-15', time: '18:00' });
    expect(wallClockOf('2027-01-15T23:30:00.000Z', 'Asia/Tokyo')).toEqual({ date: '2027-01-16', time: '08:30' });
  });
});
