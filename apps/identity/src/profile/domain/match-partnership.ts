/**
 * Who may read a member's public profile besides organizers: the other side
 * of a match they were proposed or matched in. Identity learns the pairs
 * from matching's match events, which may arrive in any order (an `ended`
 * before its `proposed`), so a pair's state only ever moves forward.
 */
export type PartnershipState = 'proposed' | 'active' | 'declined' | 'ended';

const RANK: Record<PartnershipState, number> = { proposed: 0, active: 1, declined: 2, ended: 2 };

/** The state a pair is in after `incoming` is seen, whatever was seen before (null: nothing yet). */
export function nextPartnershipState(current: PartnershipState | null, incoming: PartnershipState): PartnershipState {
  if (current === null) return incoming;
  return RANK[incoming] > RANK[current] ? incoming : current;
}

/**
 * A declined proposal no longer opens the profile: the two never worked
 * together. An ended match does: they did, and the person may want to know
 * who they met.
 */
export function opensProfile(state: PartnershipState): boolean {
  return state !== 'declined';
}
