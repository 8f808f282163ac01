import type { AuthUser } from './auth-user';
import { VerifiedTokens } from './verified-tokens';

const user: AuthUser = { userId: 'u', networkId: 'n', roles: ['organizer'], kind: 'user' };
const now = 1_800_000_000_000;
const expiresIn = (seconds: number) => now / 1000 + seconds;

describe('VerifiedTokens', () => {
  it('finds a token only by its exact text', () => {
    const tokens = new VerifiedTokens();
    tokens.remember('a.b.c', user, expiresIn(900), now);
    expect(tokens.get('a.b.c', now + 1)).toBe(user);
    expect(tokens.get('a.b.d', now + 1)).toBeUndefined();
  });

  it('trusts a token for the trust period at most, then asks for it to be verified again', () => {
    const tokens = new VerifiedTokens(60_000);
    tokens.remember('t', user, expiresIn(900), now);
    expect(tokens.get('t', now + 59_999)).toBe(user);
    expect(tokens.get('t', now + 60_000)).toBeUndefined();
  });

  it('never outlives the token', () => {
    const tokens = new VerifiedTokens(60_000);
    tokens.remember('t', user, expiresIn(10), now);
    expect(tokens.get('t', now + 9_999)).toBe(user);
    expect(tokens.get('t', now + 10_000)).toBeUndefined();
    tokens.remember('expired', user, expiresIn(-1), now);
    expect(tokens.get('expired', now)).toBeUndefined();
  });

  it('keeps at most its capacity, dropping the oldest first', () => {
    const tokens = new VerifiedTokens(60_000, 2);
    for (const token of ['first', 'second', 'third']) tokens.remember(token, user, expiresIn(900), now);
    expect(['first', 'second', 'third'].map((token) => tokens.get(token, now) !== undefined)).toEqual([false, true, true]);
  });
});
