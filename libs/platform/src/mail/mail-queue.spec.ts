import { DEFAULT_FIRST_RETRY_MS, MAX_MAIL_ATTEMPTS, pendingMail, retryDelayMs } from './mail-queue';

describe('mail queue back-off', () => {
  it('waits the first delay after the first refusal, then twice as long each time', () => {
    expect([1, 2, 3, 4].map((attempts) => retryDelayMs(attempts))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect([1, 2, 3].map((attempts) => retryDelayMs(attempts, 1_000))).toEqual([1_000, 2_000, 4_000]);
    expect(retryDelayMs(0)).toBe(DEFAULT_FIRST_RETRY_MS);
  });

  it('never waits more than 6 hours, and gives up after about 14.5 hours of tries', () => {
    expect(retryDelayMs(30)).toBe(6 * 3600_000);
    const total = Array.from({ length: MAX_MAIL_ATTEMPTS - 1 }, (_, i) => retryDelayMs(i + 1)).reduce((sum, ms) => sum + ms, 0);
    expect(total).toBe((14 * 60 + 31.5) * 60_000);
  });

  it('queues a new mail as due now, untried', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(pendingMail(now)).toEqual({ status: 'pending', attempts: 0, nextAttemptAt: now, lastError: null, createdAt: now, sentAt: null });
  });
});
