/** The reserved network the platform admin belongs to (its id is the admin's `nid`). */
export const PLATFORM_NETWORK_SLUG = 'platform';
