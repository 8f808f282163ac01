import { JWKS_REFETCH_COOLDOWN_MS } from '@passerelle/platform/auth';
import { exportJWK, generateKeyPair, type JWK, jwtVerify, type KeyLike, SignJWT } from 'jose';
import { localAccessTokenKeys } from './local-access-token-keys';

describe('localAccessTokenKeys', () => {
  async function key(kid: string) {
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' } as JWK };
  }
  const sign = (signer: { kid: string; privateKey: KeyLike }) =>
    new SignJWT({ sub: 'user-1' }).setProtectedHeader({ alg: 'EdDSA', kid: signer.kid }).setIssuedAt().setExpirationTime('5m').sign(signer.privateKey);

  /** The key table as the store publishes it, counting its reads. */
  function table(keys: JWK[]) {
    const store = { reads: 0, keys, signedWith: new Set<string>(), publishedKeys: async () => (store.reads++, [...store.keys]), hasSignedWith: (kid: string) => store.signedWith.has(kid) };
    return store;
  }

  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-03-01T12:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  it('reads the table at most once per cooldown however many unknown kids arrive, then picks up a new key', async () => {
    const current = await key('current');
    const store = table([current.jwk]);
    const keys = localAccessTokenKeys(store);
    await expect(jwtVerify(await sign(current), keys)).resolves.toMatchObject({ payload: { sub: 'user-1' } });
    expect(store.reads).toBe(1);

    // Made-up kids, all at once and one after another: refused, with no further read.
    const strangers = await Promise.all(Array.from({ length: 20 }, (_, index) => key(`made-up-${index}`)));
    const attempts = await Promise.allSettled(strangers.map(async (stranger) => jwtVerify(await sign(stranger), keys)));
    expect(attempts.map((attempt) => attempt.status)).toEqual(strangers.map(() => 'rejected'));
    jest.advanceTimersByTime(JWKS_REFETCH_COOLDOWN_MS - 1);
    await expect(jwtVerify(await sign(strangers[0]), keys)).rejects.toThrow();
    expect(store.reads).toBe(1);

    // A key published meanwhile: known once the cooldown has passed, with one read.
    const next = await key('next');
    store.keys = [current.jwk, next.jwk];
    jest.advanceTimersByTime(1);
    await expect(jwtVerify(await sign(next), keys)).resolves.toMatchObject({ payload: { sub: 'user-1' } });
    expect(store.reads).toBe(2);
    await Promise.allSettled(strangers.map(async (stranger) => jwtVerify(await sign(stranger), keys)));
    expect(store.reads).toBe(2);
  });

  it('reloads at once, once, for a key this process has itself signed with', async () => {
    const current = await key('current');
    const store = table([current.jwk]);
    const keys = localAccessTokenKeys(store);
    await jwtVerify(await sign(current), keys);
    const next = await key('next');
    store.keys = [current.jwk, next.jwk];
    store.signedWith.add('next');
    await expect(jwtVerify(await sign(next), keys)).resolves.toMatchObject({ payload: { sub: 'user-1' } });
    expect(store.reads).toBe(2);
    // Once known, no reason to read again; a signed-with kid that is no longer published is not a way around the cooldown.
    store.keys = [current.jwk];
    store.signedWith.add('retired');
    const retired = await key('retired');
    for (let attempt = 0; attempt < 3; attempt++) await expect(jwtVerify(await sign(retired), keys)).rejects.toThrow();
    expect(store.reads).toBe(3);
  });

  it('shares one read among requests that arrive together on a cold cache', async () => {
    const current = await key('current');
    const store = table([current.jwk]);
    const keys = localAccessTokenKeys(store);
    const token = await sign(current);
    await Promise.all(Array.from({ length: 10 }, () => jwtVerify(token, keys)));
    expect(store.reads).toBe(1);
  });
});
