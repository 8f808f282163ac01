import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE, type AttemptLimit, accountThrottleKey, waitMs } from './attempt-throttle';

const start = Date.UTC(2025, 0, 1);
const at = (ms: number) => new Date(start + ms);
const seconds = (n: number) => n * 1000;

describe('backoff limit (login accounts)', () => {
  const accountWaitMs = (failures: Date[], now: Date) => waitMs(ACCOUNT_THROTTLE, failures, now);

  it('lets the first failures through without waiting', () => {
    const four = [0, 1, 2, 3].map((i) => at(seconds(i)));
    expect(accountWaitMs(four, at(seconds(4)))).toBe(0);
  });

  it('makes the attempt after the fifth failure wait 30 s from the last failure', () => {
    const five = [0, 1, 2, 3, 4].map((i) => at(seconds(i)));
    expect(accountWaitMs(five, at(seconds(4)))).toBe(30_000);
    expect(accountWaitMs(five, at(seconds(14)))).toBe(20_000);
    expect(accountWaitMs(five, at(seconds(34)))).toBe(0);
  });

  it('doubles the wait with each further failure, up to the cap', () => {
    const failures = (n: number) => Array.from({ length: n }, (_, i) => at(seconds(i)));
    expect(accountWaitMs(failures(6), at(seconds(5)))).toBe(60_000);
    expect(accountWaitMs(failures(7), at(seconds(6)))).toBe(120_000);
    expect(accountWaitMs(failures(20), at(seconds(19)))).toBe(ACCOUNT_THROTTLE.maxDelayMs);
  });

  it('forgets failures older than the window', () => {
    const old = [0, 1, 2, 3, 4].map((i) => at(seconds(i)));
    expect(accountWaitMs(old, at(ACCOUNT_THROTTLE.windowMs + seconds(4)))).toBe(0);
  });
});

describe('count limit', () => {
  const attempts = (n: number, everyMs: number) => Array.from({ length: n }, (_, i) => at(i * everyMs));
  const addressWaitMs = (failures: Date[], now: Date) => waitMs(ADDRESS_THROTTLE, failures, now);

  it('allows up to the limit within the window', () => {
    expect(addressWaitMs(attempts(ADDRESS_THROTTLE.max - 1, 1000), at(seconds(100)))).toBe(0);
  });

  it('at the limit, waits until the oldest attempt leaves the window', () => {
    const full = attempts(ADDRESS_THROTTLE.max, 1000);
    expect(addressWaitMs(full, at(seconds(100)))).toBe(ADDRESS_THROTTLE.windowMs - seconds(100));
    expect(addressWaitMs(full, at(ADDRESS_THROTTLE.windowMs))).toBe(0);
  });

  it('over the limit, waits until enough have left for one more attempt', () => {
    const over = attempts(ADDRESS_THROTTLE.max + 2, 1000);
    expect(addressWaitMs(over, at(seconds(102)))).toBe(ADDRESS_THROTTLE.windowMs + seconds(2) - seconds(102));
  });

  it('takes attempts in any order', () => {
    const limit: AttemptLimit = { kind: 'count', windowMs: 60_000, max: 2 };
    expect(waitMs(limit, [at(seconds(30)), at(seconds(10))], at(seconds(40)))).toBe(seconds(30));
  });
});

describe('account keys', () => {
  it('are a digest of the network and the normalised address, never the address', () => {
    const key = accountThrottleKey('alumni-sorbonne', ' Camille@Example.org ');
    expect(key).toBe(accountThrottleKey('alumni-sorbonne', 'camille@example.org'));
    expect(key).toMatch(/^user:[0-9a-f]{64}$/);
    expect(key).not.toBe(accountThrottleKey('alumni-lyon', 'camille@example.org'));
  });
});
