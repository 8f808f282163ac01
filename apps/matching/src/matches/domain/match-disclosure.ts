import type { Side } from './match-lifecycle';

/**
 * What a participant reads of their own match beyond its facts (docs/privacy.md,
 * "Matches"). Two things in a match are the other side's private answers: why
 * they declined the proposal (not_a_fit, no_availability, other), and a
 * conflict one side declared, which shows as a failed `not_excluded`
 * constraint when an organizer proposed the pair anyway. Organizers and
 * integrators read both; a participant reads that the other side declined,
 * not why, and their copy of the breakdown never lists `not_excluded` (held or
 * not, so its absence says nothing).
 */

export const ORGANIZERS_ONLY_CONSTRAINT = 'not_excluded';

interface Disclosable<S> {
  readonly declinedBy: string | null;
  readonly declineReason: string | null;
  readonly score: S;
}

export function participantDisclosure<S extends { readonly constraints: ReadonlyArray<{ readonly constraint: string }> }>(
  match: Disclosable<S>,
  side: Side,
): { readonly declineReason: string | null; readonly score: S } {
  const other: Side = side === 'mentor' ? 'mentee' : 'mentor';
  return {
    declineReason: match.declinedBy === other ? null : match.declineReason,
    score: { ...match.score, constraints: match.score.constraints.filter((check) => check.constraint !== ORGANIZERS_ONLY_CONSTRAINT) },
  };
}
