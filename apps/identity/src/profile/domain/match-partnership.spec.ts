import { nextPartnershipState, opensProfile } from './match-partnership';

describe('match partnership', () => {
  it('moves forward only, whatever order the events arrive in', () => {
    expect(nextPartnershipState(null, 'proposed')).toBe('proposed');
    expect(nextPartnershipState('proposed', 'active')).toBe('active');
    expect(nextPartnershipState('active', 'proposed')).toBe('active');
    expect(nextPartnershipState('ended', 'proposed')).toBe('ended');
    expect(nextPartnershipState('ended', 'active')).toBe('ended');
    expect(nextPartnershipState('declined', 'proposed')).toBe('declined');
    expect(nextPartnershipState('proposed', 'declined')).toBe('declined');
  });

  it('opens the profile to a proposed, active or past partner, not to one who declined', () => {
    expect(['proposed', 'active', 'ended', 'declined'].map((state) => opensProfile(state as never))).toEqual([true, true, true, false]);
  });
});
