import { assessPair, DEFAULT_RISK_RULES } from './pair-health';

const asOf = '2026-06-30T00:00:00.000Z';
const day = (n: number) => new Date(Date.parse(asOf) + n * 86_400_000).toISOString();
const pair = { acceptedAt: day(-60), endedAt: null, heldStarts: [day(-10)], noShows: 0, ratings: [4, 5] };

describe('assessPair', () => {
  it('finds a pair that meets within twice the cadence healthy', () => {
    expect(assessPair(pair, 14, DEFAULT_RISK_RULES, asOf)).toEqual({
      active: true,
      atRisk: false,
      severity: null,
      reasons: [],
      lastSessionAt: day(-10),
      sessionsHeld: 1,
      averageRating: 4.5,
    });
  });

  it('flags a slipped cadence with the days since the last session and the threshold', () => {
    const verdict = assessPair({ ...pair, heldStarts: [day(-40), day(-29)] }, 14, DEFAULT_RISK_RULES, asOf);
    expect(verdict).toMatchObject({ atRisk: true, severity: 'warning', reasons: [{ code: 'cadence_slipped', observed: 29, threshold: 28 }] });
  });

  it('counts from acceptance when no session was held yet', () => {
    expect(assessPair({ ...pair, heldStarts: [] }, 14, DEFAULT_RISK_RULES, asOf).reasons).toEqual([{ code: 'no_first_session', observed: 60, threshold: 28 }]);
    expect(assessPair({ ...pair, acceptedAt: day(-20), heldStarts: [] }, 14, DEFAULT_RISK_RULES, asOf).atRisk).toBe(false);
  });

  it('ignores sessions after the judging instant', () => {
    expect(assessPair({ ...pair, heldStarts: [day(-40), day(5)] }, 14, DEFAULT_RISK_RULES, asOf)).toMatchObject({ sessionsHeld: 1, reasons: [{ code: 'cadence_slipped' }] });
  });

  it('flags repeated no-shows and low ratings, critical when several rules fire', () => {
    const verdict = assessPair({ ...pair, noShows: 2, ratings: [2, 3] }, 14, DEFAULT_RISK_RULES, asOf);
    expect(verdict).toMatchObject({
      severity: 'critical',
      reasons: [
        { code: 'repeated_no_show', observed: 2, threshold: 2 },
        { code: 'low_satisfaction', observed: 2.5, threshold: 2.5 },
      ],
    });
    expect(assessPair({ ...pair, ratings: [1] }, 14, DEFAULT_RISK_RULES, asOf).atRisk).toBe(false);
    expect(assessPair({ ...pair, ratings: [1] }, 14, { ...DEFAULT_RISK_RULES, minRatings: 1 }, asOf).atRisk).toBe(true);
  });

  it('never flags a pair that ended or was not accepted', () => {
    expect(assessPair({ ...pair, endedAt: day(-1), heldStarts: [], noShows: 5 }, 14, DEFAULT_RISK_RULES, asOf)).toMatchObject({ active: false, atRisk: false });
    expect(assessPair({ ...pair, acceptedAt: null, heldStarts: [] }, 14, DEFAULT_RISK_RULES, asOf)).toMatchObject({ active: false, atRisk: false });
  });
});
