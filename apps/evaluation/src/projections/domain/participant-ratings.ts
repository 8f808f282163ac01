/**
 * What a participant may see of the ratings others gave them (docs/privacy.md,
 * "Ratings a participant sees"). An exact count or a precise average lets the
 * rated person read each new rating off the difference between two views, and
 * with few raters tells whose rating it is. So the figure:
 *
 * - moves only in releases: a release takes in every rating given since the
 *   previous one once they come from at least `minRaters` distinct raters, so
 *   a single new rating never changes the view by itself, and a change always
 *   mixes the ratings of that many people;
 * - averages raters, not ratings: each rater's own mean first, so one rater's
 *   many sessions weigh as much as another's single one;
 * - is rounded to the nearest half point, and comes with no count at all.
 *
 * Before the first release (fewer than `minRaters` distinct raters) nothing is shown.
 */

export interface Rating {
  /** Who gave it: releases and the average count these. */
  readonly raterId: string;
  /** 1–5. */
  readonly value: number;
}

export type ParticipantRatings =
  | { readonly status: 'not_enough_raters'; readonly average: null; readonly minimumRaters: number }
  | { readonly status: 'shown'; readonly average: number; readonly minimumRaters: number };

/** The step the shown average is rounded to. */
export const RATING_STEP = 0.5;

/** Half-point rounding, half up; cut to 6 decimals first so that 4.25 computed as 4.2499999… still rounds up. */
export const toStep = (value: number): number => Math.round(Math.round(value * 1e6) / 1e6 / RATING_STEP) * RATING_STEP;

/** How many of `ratings` (oldest first) the latest release took in: 0 before the first. */
export function releasedCount(ratings: readonly Rating[], minRaters: number): number {
  let released = 0;
  let since = new Set<string>();
  ratings.forEach(({ raterId }, index) => {
    since.add(raterId);
    if (since.size >= minRaters) {
      released = index + 1;
      since = new Set();
    }
  });
  return released;
}

/** The view of `ratings`, given oldest first (by submission time). */
export function participantRatings(ratings: readonly Rating[], minRaters: number): ParticipantRatings {
  const released = ratings.slice(0, releasedCount(ratings, minRaters));
  if (released.length === 0) return { status: 'not_enough_raters', average: null, minimumRaters: minRaters };
  const byRater = new Map<string, number[]>();
  for (const { raterId, value } of released) byRater.set(raterId, [...(byRater.get(raterId) ?? []), value]);
  const raterMeans = [...byRater.values()].map((values) => values.reduce((sum, value) => sum + value, 0) / values.length);
  return { status: 'shown', average: toStep(raterMeans.reduce((sum, value) => sum + value, 0) / raterMeans.length), minimumRaters: minRaters };
}
