import { participantRatings, type Rating, releasedCount, toStep } from './participant-ratings';

const rated = (raterId: string, ...values: number[]): Rating[] => values.map((value) => ({ raterId, value }));
const NOTHING = { status: 'not_enough_raters', average: null, minimumRaters: 5 };

describe('participantRatings', () => {
  it('shows nothing, not even a count, below the threshold of distinct raters however many ratings they gave', () => {
    const fourRaters = [...rated('a', 5, 5, 5, 5, 5, 5), ...rated('b', 1), ...rated('c', 3), ...rated('d', 4)];
    expect(participantRatings(fourRaters, 5)).toEqual(NOTHING);
    expect(participantRatings([], 5)).toEqual(NOTHING);
    expect(participantRatings([], 1)).toEqual({ status: 'not_enough_raters', average: null, minimumRaters: 1 });
  });

  it('averages each rater’s own mean once enough raters rated, to the nearest half point', () => {
    // Rater means 5, 1, 3, 4, 2.5: 15.5 / 5 = 3.1 → 3. A mean over the ratings would say 3.8 → 4.
    const five = [...rated('a', 5, 5, 5, 5, 5, 5), ...rated('b', 1), ...rated('c', 3), ...rated('d', 4), ...rated('e', 2, 3)];
    expect(participantRatings(five, 5)).toEqual({ status: 'shown', average: 3, minimumRaters: 5 });
    expect(participantRatings([...rated('a', 4), ...rated('b', 5)], 2)).toEqual({ status: 'shown', average: 4.5, minimumRaters: 2 });
  });

  it('rounds half up, whatever floating point makes of the mean', () => {
    expect([1, 1.24, 1.25, 3.74, 3.75, 4.249999999, 4.75, 5].map(toStep)).toEqual([1, 1, 1.5, 3.5, 4, 4.5, 5, 5]);
  });

  it('releases the ratings given since the last release once they come from enough distinct raters', () => {
    const ratings = [...rated('a', 4, 4), ...rated('b', 4), ...rated('c', 4), ...rated('d', 4), ...rated('e', 4), ...rated('a', 1, 1), ...rated('b', 1)];
    expect(releasedCount(ratings.slice(0, 5), 5)).toBe(0);
    expect(releasedCount(ratings.slice(0, 6), 5)).toBe(6);
    // Three more ratings from two raters: still the first release.
    expect(releasedCount(ratings, 5)).toBe(6);
    expect(releasedCount([...ratings, ...rated('c', 1), ...rated('d', 1)], 5)).toBe(6);
    expect(releasedCount([...ratings, ...rated('c', 1), ...rated('d', 1), ...rated('e', 1)], 5)).toBe(12);
  });

  it('defeats the n → n+1 attack: the view after one more rating is the same whatever that rating was', () => {
    // Five mentees rated 4: the view a mentor read before the next rating…
    const before = [...rated('a', 4), ...rated('b', 4), ...rated('c', 4), ...rated('d', 4), ...rated('e', 4)];
    const seen = participantRatings(before, 5);
    expect(seen).toEqual({ status: 'shown', average: 4, minimumRaters: 5 });
    // …and after it, from any rater (one of them or a new one), for each value it could have had.
    for (const raterId of ['a', 'b', 'c', 'd', 'e', 'f']) {
      for (const value of [1, 2, 3, 4, 5]) expect(participantRatings([...before, ...rated(raterId, value)], 5)).toEqual(seen);
    }
    // Below the threshold, the view does not move either, and carries no count to difference.
    for (const value of [1, 2, 3, 4, 5]) expect(participantRatings([...rated('a', 4), ...rated('a', value)], 5)).toEqual(NOTHING);
  });

  it('changes only with a release, which mixes that many raters’ new ratings', () => {
    const first = [...rated('a', 4), ...rated('b', 4), ...rated('c', 4), ...rated('d', 4), ...rated('e', 4)];
    const next = (values: number[]) => participantRatings([...first, ...values.flatMap((value, index) => rated('abcde'[index], value))], 5).average;
    // The fifth rater of the batch completes the release: 1 or 5 from them, with the other four unknown, give the same view…
    expect(next([4, 4, 4, 4, 1])).toBe(next([4, 4, 1, 3, 5]));
    // …and the same change comes from different answers of different people.
    expect(next([1, 4, 4, 4, 4])).toBe(next([4, 4, 1, 4, 4]));
  });
});
