import { assessPair, DEFAULT_RISK_RULES, declinedAt, type SessionFacts, sessionFactsOf } from './pair-health';

const asOf = '2026-06-30T00:00:00.000Z';
const day = (n: number) => new Date(Date.parse(asOf) + n * 86_400_000).toISOString();
const pair = { acceptedAt: day(-60), endedAt: null, heldStarts: [day(-10)], noShows: 0, declinedReschedules: [], ratings: [4, 5] };

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

  it('flags a streak of declined reschedules since the last held session, a count against the threshold', () => {
    const verdict = assessPair({ ...pair, declinedReschedules: [day(-6), day(-3)] }, 14, DEFAULT_RISK_RULES, asOf);
    expect(verdict).toMatchObject({ atRisk: true, severity: 'warning', reasons: [{ code: 'reschedule_declined', observed: 2, threshold: 2 }] });
    expect(assessPair({ ...pair, declinedReschedules: [day(-3)] }, 14, DEFAULT_RISK_RULES, asOf).atRisk).toBe(false);
    expect(assessPair({ ...pair, declinedReschedules: [day(-3)] }, 14, { ...DEFAULT_RISK_RULES, declinedRescheduleThreshold: 1 }, asOf).reasons).toEqual([
      { code: 'reschedule_declined', observed: 1, threshold: 1 },
    ]);
    // Counted from acceptance while no session was held yet.
    expect(assessPair({ ...pair, acceptedAt: day(-20), heldStarts: [], declinedReschedules: [day(-15), day(-5)] }, 14, DEFAULT_RISK_RULES, asOf).reasons).toEqual([
      { code: 'reschedule_declined', observed: 2, threshold: 2 },
    ]);
  });

  it('ends the streak with a held session, and ignores declines after the judging instant', () => {
    expect(assessPair({ ...pair, declinedReschedules: [day(-20), day(-15)] }, 14, DEFAULT_RISK_RULES, asOf).atRisk).toBe(false);
    expect(assessPair({ ...pair, declinedReschedules: [day(-20), day(-15), day(-5)] }, 14, DEFAULT_RISK_RULES, asOf).reasons).toEqual([]);
    expect(assessPair({ ...pair, declinedReschedules: [day(-20), day(-5), day(-2)] }, 14, DEFAULT_RISK_RULES, asOf).reasons).toEqual([
      { code: 'reschedule_declined', observed: 2, threshold: 2 },
    ]);
    expect(assessPair({ ...pair, declinedReschedules: [day(-5), day(1)] }, 14, DEFAULT_RISK_RULES, asOf).atRisk).toBe(false);
  });
});

describe('declined reschedules', () => {
  const mentor = 'mentor-id';
  const mentee = 'mentee-id';
  const base: SessionFacts = { startsAt: day(-1), completedAt: null, noShowAt: null, cancelledAt: null, cancelledBy: null, rescheduledAt: null, rescheduledBy: null };
  const declined = (at: number): SessionFacts => ({ ...base, rescheduledAt: day(at - 1), rescheduledBy: mentor, cancelledAt: day(at), cancelledBy: mentee });

  it('is a session the other participant cancelled after its latest move', () => {
    expect(declinedAt(declined(-4))).toBe(day(-4));
    // Cancelled by whoever moved it: withdrawn, not declined.
    expect(declinedAt({ ...declined(-4), cancelledBy: mentor })).toBeNull();
    // Cancelled without a move, or before the (later) move that the projection kept as the latest.
    expect(declinedAt({ ...base, cancelledAt: day(-4), cancelledBy: mentee })).toBeNull();
    expect(declinedAt({ ...declined(-4), rescheduledAt: day(-3) })).toBeNull();
    // Moved and never cancelled.
    expect(declinedAt({ ...base, rescheduledAt: day(-4), rescheduledBy: mentor })).toBeNull();
  });

  it('reads the same facts from a pair\'s sessions in any order', () => {
    const sessions: SessionFacts[] = [
      { ...base, startsAt: day(-30), completedAt: day(-30) },
      declined(-20),
      { ...base, startsAt: day(-12), noShowAt: day(-12) },
      { ...declined(-9), cancelledBy: mentor },
      declined(-6),
      { ...base, startsAt: day(3), rescheduledAt: day(-2), rescheduledBy: mentee },
      declined(-1),
    ];
    const facts = sessionFactsOf(sessions);
    expect(facts).toEqual({ heldStarts: [day(-30)], noShows: 1, declinedReschedules: [day(-20), day(-6), day(-1)] });
    const verdict = assessPair({ ...pair, ...facts }, 14, DEFAULT_RISK_RULES, asOf);
    expect(verdict.reasons).toContainEqual({ code: 'reschedule_declined', observed: 3, threshold: 2 });
    for (const order of [[...sessions].reverse(), [sessions[4], sessions[0], sessions[6], sessions[1], sessions[5], sessions[3], sessions[2]]]) {
      expect(assessPair({ ...pair, ...sessionFactsOf(order) }, 14, DEFAULT_RISK_RULES, asOf)).toEqual(verdict);
    }
  });
});
