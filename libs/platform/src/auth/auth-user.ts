/**
 * Who is calling, as the access token says (PRODUCT.md, Roles). Mentor and
 * mentee are programme roles owned by intake, so they are not account roles.
 */
export const ACCOUNT_ROLES = ['platform_admin', 'organizer', 'integrator'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export interface AuthUser {
  /** The account (`sub`); for an integrator, its service account id. */
  readonly userId: string;
  /** The network (tenant) the token is scoped to (`nid`). Every query is scoped by it. */
  readonly networkId: string;
  readonly roles: readonly AccountRole[];
  /** A person, or an integrator's service account (client credentials). */
  readonly kind: 'user' | 'service';
}

/**
 * Token claims the platform reads; identity writes exactly these. `tep` is
 * the account's token epoch when the token was issued: a token whose epoch
 * is below the one identity last revoked at is refused (token-revocations.ts).
 */
export const TOKEN_CLAIMS = { networkId: 'nid', roles: 'roles', kind: 'typ', tokenEpoch: 'tep' } as const;
