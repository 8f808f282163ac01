import type { AuthUser } from './auth-user';
import { canManageNetwork, canSeeNetwork } from './network-access';

const A = 'network-a';
const B = 'network-b';
const caller = (roles: AuthUser['roles'], networkId = A, kind: AuthUser['kind'] = 'user'): AuthUser => ({ userId: 'u', networkId, roles, kind });

describe('network access', () => {
  it('lets the platform admin see and manage every network', () => {
    const admin = caller(['platform_admin'], 'platform');
    expect([canSeeNetwork(admin, B), canManageNetwork(admin, B)]).toEqual([true, true]);
  });

  it('lets members see only their own network', () => {
    expect(canSeeNetwork(caller([]), A)).toBe(true);
    expect(canSeeNetwork(caller(['integrator'], A, 'service'), A)).toBe(true);
    expect(canSeeNetwork(caller(['organizer']), B)).toBe(false);
  });

  it('lets only organizers of that network manage it', () => {
    expect(canManageNetwork(caller(['organizer']), A)).toBe(true);
    expect(canManageNetwork(caller(['organizer']), B)).toBe(false);
    expect(canManageNetwork(caller([]), A)).toBe(false);
    expect(canManageNetwork(caller(['integrator'], A, 'service'), A)).toBe(false);
  });
});
