import { KEY_PUBLICATION_LEAD_MS, publishedKeysOf, shouldRotate, signingKeyOf } from './signing-key-schedule';

const minutes = (n: number) => n * 60_000;
const at = (ms: number) => new Date(Date.UTC(2025, 0, 1) + ms);

describe('signing key schedule', () => {
  it('rotates when there is no key, or the newest one is as old as the rotation period', () => {
    expect(shouldRotate(undefined, at(0), 30)).toBe(true);
    const key = { kid: 'a', createdAt: at(0) };
    expect(shouldRotate(key, at(29 * 86_400_000), 30)).toBe(false);
    expect(shouldRotate(key, at(30 * 86_400_000), 30)).toBe(true);
  });

  it('signs with the previous key until the new one has been published for the lead time', () => {
    const keys = [
      { kid: 'new', createdAt: at(minutes(100)) },
      { kid: 'old', createdAt: at(0) },
    ];
    expect(signingKeyOf(keys, at(minutes(100) + KEY_PUBLICATION_LEAD_MS - 1))?.kid).toBe('old');
    expect(signingKeyOf(keys, at(minutes(100) + KEY_PUBLICATION_LEAD_MS))?.kid).toBe('new');
  });

  it('signs with the only key at once on a first start', () => {
    expect(signingKeyOf([{ kid: 'first', createdAt: at(0) }], at(1))?.kid).toBe('first');
  });

  it('keeps a replaced key published until its last token has expired, then drops it', () => {
    const keys = [
      { kid: 'new', createdAt: at(minutes(100)) },
      { kid: 'old', createdAt: at(0) },
      { kid: 'older', createdAt: at(-minutes(100)) },
    ];
    // The old key's last token is signed at 100 + lead (2) and lives 15 minutes; one minute of clock skew.
    expect(publishedKeysOf(keys, at(minutes(117) + 59_999), 900).map((key) => key.kid)).toEqual(['new', 'old']);
    expect(publishedKeysOf(keys, at(minutes(118)), 900).map((key) => key.kid)).toEqual(['new']);
  });
});
