import { DEFAULT_RISK_RULES } from './pair-health';
import { computeKpis, netPromoterScore, type ProgramFacts, weeklySeries, weekStart } from './program-report';

const empty: ProgramFacts = {
  program: { programId: 'p', objectives: ['skills'], cadenceDays: 14, defaultCapacity: 2 },
  enrollments: [],
  goals: [],
  matches: [],
  sessions: [],
  messages: [],
  gatherings: [],
  resources: [],
  completions: [],
  feedback: [],
  nudges: 0,
  rounds: 0,
};
const asOf = '2026-06-17T12:00:00.000Z';

describe('computeKpis', () => {
  it('gives null, not 0 or NaN, for every rate and average without a denominator', () => {
    const kpis = computeKpis(empty, DEFAULT_RISK_RULES, asOf);
    expect(kpis.participation).toMatchObject({ mentorsEnrolled: 0, matchedMenteeRate: null, matchAcceptanceRate: null, mentorCapacityUsedRate: null, averageDaysEnrolmentToMatch: null });
    expect(kpis.engagement).toMatchObject({ sessionsHeld: 0, sessionsPerPair: null, sessionsPerPairPerMonth: null, pairsKeepingCadenceRate: null, noShowRate: null });
    expect(kpis.quality).toMatchObject({ averageSessionRating: null, nps: null, pulseNps: null });
    expect(kpis.outcomes.baselineToExit).toEqual({ respondents: 0, confidence: null, communication: null, leadership: null, networkSize: null });
    expect(kpis.outcomes.networking.byObjective).toEqual({ skills: { respondents: 0, connectionsMade: 0, interviews: 0, offers: 0 } });
    expect(kpis.support).toMatchObject({ mentorsTrainedRate: null, trainedBeforeFirstSessionRate: null });
    expect(JSON.stringify(kpis)).not.toMatch(/NaN|Infinity/);
  });

  it('uses the default capacity for a mentor who stated none, and leaves withdrawn participants out', () => {
    const enrollment = { baseline: null, enrolledAt: '2026-01-01T00:00:00.000Z', withdrawnAt: null };
    const kpis = computeKpis(
      {
        ...empty,
        enrollments: [
          { ...enrollment, userId: 'a', role: 'mentor', capacity: null },
          { ...enrollment, userId: 'b', role: 'mentor', capacity: 3, withdrawnAt: '2026-02-01T00:00:00.000Z' },
          { ...enrollment, userId: 'c', role: 'mentee', capacity: null },
        ],
      },
      DEFAULT_RISK_RULES,
      asOf,
    );
    expect(kpis.participation).toMatchObject({ mentorsEnrolled: 1, menteesEnrolled: 1, mentorCapacity: 2, matchedMenteeRate: 0 });
  });
});

describe('netPromoterScore', () => {
  it('is % promoters minus % detractors, one decimal', () => {
    expect(netPromoterScore([10, 9, 8, 7, 6, 0])).toBe(0);
    expect(netPromoterScore([10, 9, 6])).toBe(33.3);
    expect(netPromoterScore([])).toBeNull();
  });
});

describe('weeklySeries', () => {
  it('starts weeks on Monday 00:00 UTC', () => {
    expect(weekStart('2026-06-17T12:00:00.000Z')).toBe('2026-06-15T00:00:00.000Z');
    expect(weekStart('2026-06-14T23:59:59.000Z')).toBe('2026-06-08T00:00:00.000Z');
  });

  it('runs from the week of the first fact to the week of the report, empty weeks included', () => {
    const weeks = weeklySeries({ ...empty, messages: [{ matchId: 'm', sentAt: '2026-06-01T10:00:00.000Z' }] }, asOf);
    expect(weeks.map((week) => [week.weekStart, week.messagesSent])).toEqual([
      ['2026-06-01T00:00:00.000Z', 1],
      ['2026-06-08T00:00:00.000Z', 0],
      ['2026-06-15T00:00:00.000Z', 0],
    ]);
    expect(weeklySeries(empty, asOf)).toEqual([]);
  });
});
