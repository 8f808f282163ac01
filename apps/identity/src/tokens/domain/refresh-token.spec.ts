import { refreshFamilyEnd } from './refresh-token';

describe('refreshFamilyEnd', () => {
  it('is the login time plus the lifetime, whatever happened in between', () => {
    expect(refreshFamilyEnd(new Date('2026-01-01T00:00:00.000Z'), 30 * 86_400).toISOString()).toBe('2026-01-31T00:00:00.000Z');
    expect(refreshFamilyEnd(new Date('2026-01-01T00:00:00.000Z'), 3).toISOString()).toBe('2026-01-01T00:00:03.000Z');
  });
});
