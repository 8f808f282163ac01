import { orderSuggestions, tieBreak } from './suggestion-order';

describe('suggestion order', () => {
  const mentors = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].map((mentorKey) => ({ mentorKey, total: 800 }));

  it('puts better bands first, whatever the tie-break', () => {
    const ordered = orderSuggestions('mentee-a', [{ mentorKey: 'low', total: 300 }, ...mentors.slice(0, 2), { mentorKey: 'top', total: 990 }], 1000);
    expect(ordered[0].mentorKey).toBe('top');
    expect(ordered[ordered.length - 1].mentorKey).toBe('low');
  });

  it('treats scores within 2 % of the maximum as a tie', () => {
    const keys = (menteeKey: string) => orderSuggestions(menteeKey, [{ mentorKey: 'x', total: 801 }, { mentorKey: 'y', total: 815 }], 1000).map((s) => s.mentorKey);
    const expected = tieBreak('mentee-a', 'x') < tieBreak('mentee-a', 'y') ? ['x', 'y'] : ['y', 'x'];
    expect(keys('mentee-a')).toEqual(expected);
  });

  it('rotates tied mentors between mentees, deterministically', () => {
    const firsts = new Set(Array.from({ length: 30 }, (_, index) => orderSuggestions(`mentee-${index}`, mentors, 1000)[0].mentorKey));
    expect(firsts.size).toBeGreaterThan(3);
    expect(orderSuggestions('mentee-7', mentors, 1000)).toEqual(orderSuggestions('mentee-7', [...mentors].reverse(), 1000));
  });
});
