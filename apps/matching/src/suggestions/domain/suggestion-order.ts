/**
 * The order in which a mentee sees suggested mentors (issue 5, item 4:
 * "popular mentors not shown to everyone first — rotate ties"). Scores within
 * the same 2 % band of the best possible score count as a tie; ties are
 * ordered by a hash of (mentee, mentor), which differs from one mentee to the
 * next, so the same few mentors do not top every list and fill up first.
 * Pure and deterministic.
 */
export const TIE_BAND_SHARE = 0.02;

export interface Ranked {
  readonly mentorKey: string;
  readonly total: number;
}

/** FNV-1a, 32 bits: a cheap, stable hash (not for security). */
export function tieBreak(menteeKey: string, mentorKey: string): number {
  let hash = 0x811c9dc5;
  const text = `${menteeKey}|${mentorKey}`;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function orderSuggestions<T extends Ranked>(menteeKey: string, suggestions: readonly T[], maxTotal: number): T[] {
  const band = Math.max(1, Math.round(maxTotal * TIE_BAND_SHARE));
  return [...suggestions].sort(
    (a, b) =>
      Math.floor(b.total / band) - Math.floor(a.total / band) ||
      tieBreak(menteeKey, a.mentorKey) - tieBreak(menteeKey, b.mentorKey) ||
      (a.mentorKey < b.mentorKey ? -1 : a.mentorKey > b.mentorKey ? 1 : 0),
  );
}
