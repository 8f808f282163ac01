import type { AuthUser } from './auth-user';

/**
 * Who may see and run a network's data, in every service (PRODUCT.md: "a
 * network never sees another network's data ... not by guessing ids").
 * Callers outside the network get the same 404 as for an id that does not
 * exist, so ids cannot be probed.
 */
export function isPlatformAdmin(caller: AuthUser): boolean {
  return caller.roles.includes('platform_admin');
}

/** The platform admin, or anyone (person or integrator) of that network. */
export function canSeeNetwork(caller: AuthUser, networkId: string): boolean {
  return isPlatformAdmin(caller) || caller.networkId === networkId;
}

/** The platform admin, or an organizer of that network. */
export function canManageNetwork(caller: AuthUser, networkId: string): boolean {
  return isPlatformAdmin(caller) || (caller.networkId === networkId && caller.kind === 'user' && caller.roles.includes('organizer'));
}

/** An integrator: a service account of one network, with read access to its data (PRODUCT.md, Roles). */
export function isIntegrator(caller: AuthUser): boolean {
  return caller.kind === 'service' && caller.roles.includes('integrator');
}
