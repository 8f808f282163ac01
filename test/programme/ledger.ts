/**
 * What the end-to-end client did, written down as it did it (ids and times
 * from the answers it got), and the programme report those facts must give,
 * computed here from the definitions in the report's `definitions` — not
 * with the evaluation service's code.
 */
export type Role = 'mentor' | 'mentee';
export type Scales = { confidence: number; communication: number; leadership: number; networkSize: number };
export type Outcomes = { connectionsMade: number; interviews: number; offers: number };
export const OBJECTIVES = ['job_search', 'networking', 'skills'] as const;

export interface Ledger {
  cadenceDays: number;
  defaultCapacity: number;
  enrollments: Array<{ userId: string; role: Role; capacity: number | null; baseline: Scales; submittedAt: string }>;
  goals: Array<{ goalId: string; userId: string; objective: string; status: 'in_progress' | 'achieved' | 'abandoned'; progressPercent: number | null }>;
  rounds: number;
  matches: Array<{ matchId: string; mentorId: string; menteeId: string; acceptedAt: string | null; declined: boolean; ended: boolean }>;
  sessions: Array<{ sessionId: string; matchId: string; mentorId: string; menteeId: string; startsAt: string; outcome: 'held' | 'no_show' }>;
  messages: Array<{ matchId: string }>;
  feedback: Array<{
    respondentId: string;
    role: Role;
    form: 'session' | 'pulse' | 'exit';
    matchId: string | null;
    satisfaction: number;
    nps: number | null;
    scales: Scales | null;
    outcomes: Outcomes | null;
    submittedAt: string;
  }>;
  nudges: number;
  resources: Array<{ resourceId: string; kind: string; audience: 'mentor' | 'mentee' | 'all' }>;
  completions: Array<{ resourceId: string; userId: string; completedAt: string }>;
  gatherings: Array<{ userId: string; cancelled: boolean; attended: boolean }>;
}

export function emptyLedger(cadenceDays: number, defaultCapacity: number): Ledger {
  return {
    cadenceDays,
    defaultCapacity,
    enrollments: [],
    goals: [],
    rounds: 0,
    matches: [],
    sessions: [],
    messages: [],
    feedback: [],
    nudges: 0,
    resources: [],
    completions: [],
    gatherings: [],
  };
}

const DAY_MS = 86_400_000;
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY_MS;
const average = (values: number[], digits = 2): number | null => (values.length === 0 ? null : round(values.reduce((a, b) => a + b, 0) / values.length, digits));
const ratio = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : round(numerator / denominator, 4));
const nps = (scores: number[]): number | null =>
  scores.length === 0 ? null : round((100 * (scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length)) / scores.length, 1);
const SCALE_NAMES = ['confidence', 'communication', 'leadership', 'networkSize'] as const;

/** The default rules (evaluation's defaults, unchanged for this programme). */
export const RISK = { cadenceFactor: 2, noShowThreshold: 2, lowRating: 2.5, minRatings: 2 };

/** The pairs the rules call at risk at `asOf`, with their reason codes. */
export function pairsAtRisk(ledger: Ledger, asOf: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const match of ledger.matches.filter((m) => m.acceptedAt !== null && !m.ended)) {
    const sessions = ledger.sessions.filter((s) => s.matchId === match.matchId);
    const held = sessions.filter((s) => s.outcome === 'held').map((s) => s.startsAt);
    const ratings = ledger.feedback.filter((f) => f.form === 'session' && f.matchId === match.matchId).map((f) => f.satisfaction);
    const reasons: string[] = [];
    const since = held.length ? held.reduce((a, b) => (Date.parse(a) > Date.parse(b) ? a : b)) : (match.acceptedAt as string);
    if (round(days(since, asOf), 1) > RISK.cadenceFactor * ledger.cadenceDays) reasons.push(held.length ? 'cadence_slipped' : 'no_first_session');
    if (sessions.filter((s) => s.outcome === 'no_show').length >= RISK.noShowThreshold) reasons.push('repeated_no_show');
    if (ratings.length >= RISK.minRatings && ratings.reduce((a, b) => a + b, 0) / ratings.length <= RISK.lowRating) reasons.push('low_satisfaction');
    if (reasons.length) result.set(match.matchId, reasons);
  }
  return result;
}

export function expectedKpis(ledger: Ledger, asOf: string) {
  const mentors = ledger.enrollments.filter((e) => e.role === 'mentor');
  const mentees = ledger.enrollments.filter((e) => e.role === 'mentee');
  const accepted = ledger.matches.filter((m) => m.acceptedAt !== null);
  const active = accepted.filter((m) => !m.ended);
  const declined = ledger.matches.filter((m) => m.acceptedAt === null && m.declined);
  const held = ledger.sessions.filter((s) => s.outcome === 'held');
  const noShows = ledger.sessions.filter((s) => s.outcome === 'no_show');
  const capacity = mentors.reduce((sum, m) => sum + (m.capacity ?? ledger.defaultCapacity), 0);
  const firstAccepted = (menteeId: string) =>
    accepted.filter((m) => m.menteeId === menteeId).map((m) => m.acceptedAt as string).sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  const matched = mentees.filter((e) => firstAccepted(e.userId) !== undefined);
  const heldOf = (matchId: string) => held.filter((s) => s.matchId === matchId).map((s) => s.startsAt);
  // A pair counts its days from acceptance to the report, at least 30 (every pair of this run is minutes old).
  const pairMonths = accepted.reduce((sum, m) => sum + Math.max(1, days(m.acceptedAt as string, asOf)) / 30, 0);
  const keeping = active.filter((m) => {
    const last = [...heldOf(m.matchId), m.acceptedAt as string].reduce((a, b) => (Date.parse(a) > Date.parse(b) ? a : b));
    return days(last, asOf) <= ledger.cadenceDays;
  });
  const answers = (form: string) => ledger.feedback.filter((f) => f.form === form);
  const exits = answers('exit');
  const baselineOf = (userId: string, role: Role) => ledger.enrollments.find((e) => e.userId === userId && e.role === role)?.baseline;
  const deltas = exits.filter((f) => baselineOf(f.respondentId, f.role) && f.scales);
  const sum = (list: typeof exits, field: keyof Outcomes) => list.reduce((total, f) => total + (f.outcomes as Outcomes)[field], 0);
  const pursued = ledger.goals.filter((g) => g.status !== 'abandoned');
  const atRisk = pairsAtRisk(ledger, asOf);
  const seats = ledger.gatherings.filter((seat) => !seat.cancelled);

  return {
    participation: {
      mentorsEnrolled: mentors.length,
      menteesEnrolled: mentees.length,
      mentorCapacity: capacity,
      activePairs: active.length,
      mentorCapacityUsedRate: ratio(active.length, capacity),
      matchedMenteeRate: ratio(matched.length, mentees.length),
      matchesProposed: ledger.matches.length,
      matchesAccepted: accepted.length,
      matchesDeclined: declined.length,
      matchAcceptanceRate: ratio(accepted.length, accepted.length + declined.length),
      averageDaysEnrolmentToMatch: average(matched.map((e) => days(e.submittedAt, firstAccepted(e.userId)))),
      roundsCompleted: ledger.rounds,
    },
    engagement: {
      sessionsHeld: held.length,
      sessionsPerPair: ratio(held.length, accepted.length),
      sessionsPerPairPerMonth: pairMonths === 0 ? null : round(held.length / pairMonths, 2),
      averageDaysToFirstSession: average(
        accepted.flatMap((m) => {
          const starts = heldOf(m.matchId);
          return starts.length ? [days(m.acceptedAt as string, starts.sort((a, b) => Date.parse(a) - Date.parse(b))[0])] : [];
        }),
      ),
      pairsKeepingCadenceRate: ratio(keeping.length, active.length),
      noShowRate: ratio(noShows.length, noShows.length + held.length),
      messagesSent: ledger.messages.length,
      messagesPerPair: ratio(ledger.messages.length, accepted.length),
      gatheringRegistrations: seats.length,
      gatheringAttendances: seats.filter((seat) => seat.attended).length,
      gatheringAttendanceRate: ratio(seats.filter((seat) => seat.attended).length, seats.length),
      nudgesSent: ledger.nudges,
    },
    quality: {
      sessionRatings: answers('session').length,
      averageSessionRating: average(answers('session').map((f) => f.satisfaction)),
      pulseResponses: answers('pulse').length,
      pulseSatisfaction: average(answers('pulse').map((f) => f.satisfaction)),
      pulseNps: nps(answers('pulse').map((f) => f.nps as number)),
      exitResponses: exits.length,
      exitSatisfaction: average(exits.map((f) => f.satisfaction)),
      nps: nps(exits.map((f) => f.nps as number)),
    },
    outcomes: {
      goalsSet: ledger.goals.length,
      goalsAchieved: ledger.goals.filter((g) => g.status === 'achieved').length,
      averageGoalProgressPercent: average(pursued.map((g) => g.progressPercent ?? 0), 1),
      baselineToExit: {
        respondents: deltas.length,
        ...Object.fromEntries(
          SCALE_NAMES.map((scale) => [scale, average(deltas.map((f) => (f.scales as Scales)[scale] - (baselineOf(f.respondentId, f.role) as Scales)[scale]))]),
        ),
      },
      networking: {
        respondents: exits.length,
        connectionsMade: sum(exits, 'connectionsMade'),
        interviews: sum(exits, 'interviews'),
        offers: sum(exits, 'offers'),
        byObjective: Object.fromEntries(
          OBJECTIVES.map((objective) => {
            const pursuing = new Set(ledger.goals.filter((g) => g.objective === objective).map((g) => g.userId));
            const theirs = exits.filter((f) => pursuing.has(f.respondentId));
            return [objective, { respondents: theirs.length, connectionsMade: sum(theirs, 'connectionsMade'), interviews: sum(theirs, 'interviews'), offers: sum(theirs, 'offers') }];
          }),
        ),
      },
    },
    support: expectedSupport(ledger),
    pairHealth: { activePairs: active.length, pairsAtRisk: atRisk.size },
  };
}

/** Training: modules per role, who completed all of theirs, and whether before their first session held. */
function expectedSupport(ledger: Ledger) {
  const modulesFor = (role: Role) => ledger.resources.filter((r) => r.kind === 'training_module' && (r.audience === role || r.audience === 'all'));
  /** When the person completed the last of their modules; undefined while one is missing. */
  const trainedAt = (userId: string, role: Role): number | undefined => {
    const times = modulesFor(role).map((module) => ledger.completions.find((c) => c.resourceId === module.resourceId && c.userId === userId)?.completedAt);
    return times.some((time) => time === undefined) ? undefined : Math.max(...times.map((time) => Date.parse(time as string)));
  };
  const trainedRate = (role: Role) => {
    const people = ledger.enrollments.filter((e) => e.role === role);
    return modulesFor(role).length === 0 ? null : ratio(people.filter((e) => trainedAt(e.userId, role) !== undefined).length, people.length);
  };
  const withSession = ledger.enrollments.flatMap((e) => {
    const starts = ledger.sessions
      .filter((s) => s.outcome === 'held' && (e.role === 'mentor' ? s.mentorId : s.menteeId) === e.userId)
      .map((s) => Date.parse(s.startsAt));
    if (modulesFor(e.role).length === 0 || starts.length === 0) return [];
    const trained = trainedAt(e.userId, e.role);
    return [trained !== undefined && trained <= Math.min(...starts)];
  });
  return {
    trainingModulesForMentors: modulesFor('mentor').length,
    trainingModulesForMentees: modulesFor('mentee').length,
    mentorsTrainedRate: trainedRate('mentor'),
    menteesTrainedRate: trainedRate('mentee'),
    trainedBeforeFirstSessionRate: ratio(withSession.filter(Boolean).length, withSession.length),
  };
}

/** Totals of the weekly series over the whole programme, and the last week's cumulative matched mentees. */
export function expectedWeeklyTotals(ledger: Ledger) {
  const firstAcceptance = new Set(ledger.matches.filter((m) => m.acceptedAt !== null).map((m) => m.menteeId));
  return {
    enrolments: ledger.enrollments.length,
    matchesAccepted: ledger.matches.filter((m) => m.acceptedAt !== null).length,
    sessionsHeld: ledger.sessions.filter((s) => s.outcome === 'held').length,
    noShows: ledger.sessions.filter((s) => s.outcome === 'no_show').length,
    messagesSent: ledger.messages.length,
    feedbackResponses: ledger.feedback.length,
    lastWeekCumulativeMatchedMentees: firstAcceptance.size,
  };
}

