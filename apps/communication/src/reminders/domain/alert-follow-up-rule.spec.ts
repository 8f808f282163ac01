import { followsUpWithThePair } from './alert-follow-up-rule';

const reasons = (...codes: string[]) => codes.map((code) => ({ code, observed: 2, threshold: 2 }));

describe('followsUpWithThePair', () => {
  it('nudges the pair for what both participants witnessed', () => {
    for (const code of ['cadence_slipped', 'no_first_session', 'repeated_no_show', 'reschedule_declined', 'no_messages']) expect(followsUpWithThePair(reasons(code))).toBe(true);
    // A witnessed reason beside a private one: the nudge tells nothing the pair did not already know.
    expect(followsUpWithThePair(reasons('low_satisfaction', 'repeated_no_show'))).toBe(true);
  });

  it('keeps from the pair an alert drawn only from one participant’s answers, or from a reason it does not know', () => {
    expect(followsUpWithThePair(reasons('low_satisfaction'))).toBe(false);
    expect(followsUpWithThePair(reasons('goal_stalled', 'low_satisfaction'))).toBe(false);
    expect(followsUpWithThePair(reasons('mood_dropped'))).toBe(false);
    expect(followsUpWithThePair([])).toBe(false);
  });
});
