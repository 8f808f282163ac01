import { accessTokenClaims, authUserFromClaims, tokenEpochOf } from './access-token-claims';

describe('access token claims', () => {
  const user = { networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11', roles: ['organizer'] as const, kind: 'user' as const };

  it('writes the network, roles, kind and token epoch under the names of TOKEN_CLAIMS', () => {
    expect(accessTokenClaims(user, 4)).toEqual({ nid: user.networkId, roles: ['organizer'], typ: 'user', tep: 4 });
  });

  it('reads back what it wrote, with the subject as the user id', () => {
    const payload = { sub: 'b8a1', ...accessTokenClaims({ ...user, kind: 'service', roles: ['integrator'] }, 0) };
    expect(authUserFromClaims(payload)).toEqual({ userId: 'b8a1', networkId: user.networkId, roles: ['integrator'], kind: 'service' });
  });

  it.each([
    ['no subject', { nid: 'n', roles: [], typ: 'user' }],
    ['no network', { sub: 's', roles: [], typ: 'user' }],
    ['roles not a list', { sub: 's', nid: 'n', roles: 'platform_admin', typ: 'user' }],
    ['an unknown role', { sub: 's', nid: 'n', roles: ['root'], typ: 'user' }],
    ['an unknown kind', { sub: 's', nid: 'n', roles: [], typ: 'robot' }],
  ])('refuses a payload with %s', (_case, payload) => {
    expect(authUserFromClaims(payload)).toBeUndefined();
  });

  it('reads the token epoch back, a token from before epochs as 0', () => {
    expect(tokenEpochOf(accessTokenClaims(user, 7))).toBe(7);
    expect(tokenEpochOf({ sub: 's' })).toBe(0);
  });

  it.each([['negative', -1], ['fractional', 1.5], ['text', '3'], ['null', null]])('refuses a %s token epoch', (_case, tep) => {
    expect(tokenEpochOf({ sub: 's', tep })).toBeUndefined();
  });
});
