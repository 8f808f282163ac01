import { assessPair, daysBetween, mean, type PairVerdict, type RiskRules, round, type SessionFacts, sessionFactsOf } from './pair-health';

/**
 * Programme KPIs (PRODUCT.md step 5, issue 7 item 2) computed from the
 * projection's facts at read time. Computing from facts rather than keeping
 * counters is what makes the figures independent of arrival order and
 * identical after a rebuild. Every figure has its definition in
 * KPI_DEFINITIONS, served with the report.
 */

export type Scales = { confidence: number; communication: number; leadership: number; networkSize: number };
export type Outcomes = { connectionsMade: number; interviews: number; offers: number };
export const SCALES = ['confidence', 'communication', 'leadership', 'networkSize'] as const;

export interface ProgramFacts {
  readonly program: {
    readonly programId: string;
    readonly objectives: readonly string[];
    readonly cadenceDays: number | null;
    readonly defaultCapacity: number | null;
  };
  readonly enrollments: readonly {
    readonly userId: string;
    readonly role: string;
    readonly capacity: number | null;
    readonly baseline: Scales | null;
    readonly enrolledAt: string | null;
    readonly withdrawnAt: string | null;
  }[];
  readonly goals: readonly { readonly userId: string; readonly objective: string | null; readonly set: boolean; readonly progressPercent: number | null; readonly status: string | null }[];
  readonly matches: readonly {
    readonly matchId: string;
    readonly mentorId: string;
    readonly menteeId: string;
    readonly proposedAt: string | null;
    readonly acceptedAt: string | null;
    readonly declinedAt: string | null;
    readonly endedAt: string | null;
  }[];
  readonly sessions: readonly (SessionFacts & { readonly matchId: string; readonly mentorId: string; readonly menteeId: string })[];
  readonly messages: readonly { readonly matchId: string; readonly sentAt: string }[];
  readonly gatherings: readonly { readonly registeredAt: string | null; readonly cancelledAt: string | null; readonly attendedAt: string | null }[];
  readonly resources: readonly { readonly resourceId: string; readonly kind: string; readonly audience: string }[];
  readonly completions: readonly { readonly resourceId: string; readonly userId: string; readonly completedAt: string }[];
  readonly feedback: readonly {
    readonly matchId: string | null;
    readonly respondentId: string;
    readonly respondentRole: string;
    readonly form: string;
    readonly satisfaction: number;
    readonly nps: number | null;
    readonly scales: Scales | null;
    readonly outcomes: Outcomes | null;
    readonly submittedAt: string;
  }[];
  readonly nudges: number;
  readonly rounds: number;
}

export interface PairHealth extends PairVerdict {
  readonly matchId: string;
  readonly mentorId: string;
  readonly menteeId: string;
  readonly acceptedAt: string;
}

export interface WeekFigures {
  readonly weekStart: string;
  readonly enrolments: number;
  readonly matchesAccepted: number;
  readonly sessionsHeld: number;
  readonly noShows: number;
  readonly messagesSent: number;
  readonly feedbackResponses: number;
  readonly averageSessionRating: number | null;
  readonly cumulativeMatchedMentees: number;
}

const rate = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : round(numerator / denominator, 4));
const avg = (values: readonly number[], digits = 2): number | null => {
  const value = mean(values);
  return value === null ? null : round(value, digits);
};
const earliest = (values: readonly (string | null)[]): string | null =>
  values.reduce<string | null>((found, value) => (value !== null && (found === null || Date.parse(value) < Date.parse(found)) ? value : found), null);

/** NPS: % promoters (9–10) minus % detractors (0–6), one decimal. */
export function netPromoterScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const promoters = scores.filter((score) => score >= 9).length;
  const detractors = scores.filter((score) => score <= 6).length;
  return round((100 * (promoters - detractors)) / scores.length, 1);
}

export function computeKpis(facts: ProgramFacts, rules: RiskRules, asOf: string) {
  const enrolled = facts.enrollments.filter((enrollment) => enrollment.withdrawnAt === null);
  const mentors = enrolled.filter((enrollment) => enrollment.role === 'mentor');
  const mentees = enrolled.filter((enrollment) => enrollment.role === 'mentee');
  const accepted = facts.matches.filter((match) => match.acceptedAt !== null);
  const active = accepted.filter((match) => match.endedAt === null);
  const declined = facts.matches.filter((match) => match.acceptedAt === null && match.declinedAt !== null);
  const acceptedIds = new Set(accepted.map((match) => match.matchId));
  const held = facts.sessions.filter((session) => session.completedAt !== null);
  const heldOfPairs = held.filter((session) => acceptedIds.has(session.matchId));
  const noShows = facts.sessions.filter((session) => session.completedAt === null && session.noShowAt !== null);

  const firstAcceptance = new Map<string, string>();
  for (const match of accepted) {
    const known = firstAcceptance.get(match.menteeId);
    if (!known || Date.parse(match.acceptedAt as string) < Date.parse(known)) firstAcceptance.set(match.menteeId, match.acceptedAt as string);
  }
  const matchedMentees = mentees.filter((mentee) => firstAcceptance.has(mentee.userId));
  const mentorCapacity = mentors.reduce((sum, mentor) => sum + (mentor.capacity ?? facts.program.defaultCapacity ?? 0), 0);

  const pairMonths = accepted.reduce((sum, match) => sum + Math.max(1, daysBetween(match.acceptedAt as string, match.endedAt ?? asOf)) / 30, 0);
  const daysToFirstSession = accepted.flatMap((match) => {
    const first = earliest(heldOfPairs.filter((session) => session.matchId === match.matchId).map((session) => session.startsAt));
    return first === null ? [] : [daysBetween(match.acceptedAt as string, first)];
  });

  const pairs = pairHealth(facts, rules, asOf);
  const activePairs = pairs.filter((pair) => pair.active);
  const cadence = facts.program.cadenceDays;
  const keepingCadence = activePairs.filter((pair) => cadence !== null && daysBetween(pair.lastSessionAt ?? pair.acceptedAt, asOf) <= cadence);

  const liveRegistrations = facts.gatherings.filter((registration) => registration.registeredAt !== null && registration.cancelledAt === null);
  const attended = liveRegistrations.filter((registration) => registration.attendedAt !== null);

  const byForm = (form: string) => facts.feedback.filter((answer) => answer.form === form);
  const sessionAnswers = byForm('session');
  const pulse = byForm('pulse');
  const exit = byForm('exit');

  const setGoals = facts.goals.filter((goal) => goal.set);
  const pursued = setGoals.filter((goal) => goal.status !== 'abandoned');

  const baselineOf = new Map(enrolled.filter((enrollment) => enrollment.baseline).map((enrollment) => [`${enrollment.userId}:${enrollment.role}`, enrollment.baseline as Scales]));
  const deltas = exit.flatMap((answer) => {
    const baseline = baselineOf.get(`${answer.respondentId}:${answer.respondentRole}`);
    return baseline && answer.scales ? [{ baseline, exit: answer.scales }] : [];
  });
  const outcomeTotals = (answers: typeof exit): Outcomes =>
    answers.reduce(
      (sum, answer) => ({
        connectionsMade: sum.connectionsMade + (answer.outcomes?.connectionsMade ?? 0),
        interviews: sum.interviews + (answer.outcomes?.interviews ?? 0),
        offers: sum.offers + (answer.outcomes?.offers ?? 0),
      }),
      { connectionsMade: 0, interviews: 0, offers: 0 },
    );
  const byObjective = Object.fromEntries(
    facts.program.objectives.map((objective) => {
      const pursuing = new Set(setGoals.filter((goal) => goal.objective === objective).map((goal) => goal.userId));
      const answers = exit.filter((answer) => pursuing.has(answer.respondentId));
      return [objective, { respondents: answers.length, ...outcomeTotals(answers) }];
    }),
  );

  return {
    participation: {
      mentorsEnrolled: mentors.length,
      menteesEnrolled: mentees.length,
      mentorCapacity,
      activePairs: active.length,
      mentorCapacityUsedRate: rate(active.length, mentorCapacity),
      matchedMenteeRate: rate(matchedMentees.length, mentees.length),
      matchesProposed: facts.matches.length,
      matchesAccepted: accepted.length,
      matchesDeclined: declined.length,
      matchAcceptanceRate: rate(accepted.length, accepted.length + declined.length),
      averageDaysEnrolmentToMatch: avg(
        matchedMentees.flatMap((mentee) => (mentee.enrolledAt ? [daysBetween(mentee.enrolledAt, firstAcceptance.get(mentee.userId) as string)] : [])),
      ),
      roundsCompleted: facts.rounds,
    },
    engagement: {
      sessionsHeld: held.length,
      sessionsPerPair: rate(heldOfPairs.length, accepted.length),
      sessionsPerPairPerMonth: pairMonths === 0 ? null : round(heldOfPairs.length / pairMonths, 2),
      averageDaysToFirstSession: avg(daysToFirstSession),
      pairsKeepingCadenceRate: cadence === null ? null : rate(keepingCadence.length, activePairs.length),
      noShowRate: rate(noShows.length, noShows.length + held.length),
      messagesSent: facts.messages.length,
      messagesPerPair: rate(facts.messages.length, accepted.length),
      gatheringRegistrations: liveRegistrations.length,
      gatheringAttendances: attended.length,
      gatheringAttendanceRate: rate(attended.length, liveRegistrations.length),
      nudgesSent: facts.nudges,
    },
    quality: {
      sessionRatings: sessionAnswers.length,
      averageSessionRating: avg(sessionAnswers.map((answer) => answer.satisfaction)),
      pulseResponses: pulse.length,
      pulseSatisfaction: avg(pulse.map((answer) => answer.satisfaction)),
      pulseNps: netPromoterScore(pulse.flatMap((answer) => (answer.nps === null ? [] : [answer.nps]))),
      exitResponses: exit.length,
      exitSatisfaction: avg(exit.map((answer) => answer.satisfaction)),
      nps: netPromoterScore(exit.flatMap((answer) => (answer.nps === null ? [] : [answer.nps]))),
    },
    outcomes: {
      goalsSet: setGoals.length,
      goalsAchieved: setGoals.filter((goal) => goal.status === 'achieved').length,
      averageGoalProgressPercent: avg(pursued.map((goal) => goal.progressPercent ?? 0), 1),
      baselineToExit: {
        respondents: deltas.length,
        ...Object.fromEntries(SCALES.map((scale) => [scale, avg(deltas.map((delta) => delta.exit[scale] - delta.baseline[scale]))])),
      } as { respondents: number } & Record<(typeof SCALES)[number], number | null>,
      networking: { respondents: exit.length, ...outcomeTotals(exit), byObjective },
    },
    support: supportFigures(facts, enrolled, held),
    pairHealth: { activePairs: activePairs.length, pairsAtRisk: activePairs.filter((pair) => pair.atRisk).length },
  };
}

function supportFigures(facts: ProgramFacts, enrolled: ProgramFacts['enrollments'], held: ProgramFacts['sessions']) {
  const modulesFor = (role: string) =>
    facts.resources.filter((resource) => resource.kind === 'training_module' && (resource.audience === role || resource.audience === 'all')).map((resource) => resource.resourceId);
  const completedAt = new Map(facts.completions.map((completion) => [`${completion.resourceId}:${completion.userId}`, completion.completedAt]));
  /** When the participant completed the last of their modules; null when one is missing. */
  const trainedAt = (userId: string, modules: readonly string[]): string | null => {
    let last: string | null = null;
    for (const module of modules) {
      const at = completedAt.get(`${module}:${userId}`);
      if (!at) return null;
      if (last === null || Date.parse(at) > Date.parse(last)) last = at;
    }
    return last;
  };
  const trainedRate = (role: string) => {
    const modules = modulesFor(role);
    const people = enrolled.filter((enrollment) => enrollment.role === role);
    if (modules.length === 0) return null;
    return rate(people.filter((person) => trainedAt(person.userId, modules) !== null).length, people.length);
  };
  const beforeFirst = enrolled.flatMap((person) => {
    const modules = modulesFor(person.role);
    const first = earliest(held.filter((session) => (person.role === 'mentor' ? session.mentorId : session.menteeId) === person.userId).map((session) => session.startsAt));
    if (modules.length === 0 || first === null) return [];
    const at = trainedAt(person.userId, modules);
    return [at !== null && Date.parse(at) <= Date.parse(first)];
  });
  return {
    trainingModulesForMentors: modulesFor('mentor').length,
    trainingModulesForMentees: modulesFor('mentee').length,
    mentorsTrainedRate: trainedRate('mentor'),
    menteesTrainedRate: trainedRate('mentee'),
    trainedBeforeFirstSessionRate: rate(beforeFirst.filter(Boolean).length, beforeFirst.length),
  };
}

/** Every accepted pair, judged by the at-risk rules. */
export function pairHealth(facts: ProgramFacts, rules: RiskRules, asOf: string): PairHealth[] {
  return facts.matches
    .filter((match) => match.acceptedAt !== null)
    .map((match) => {
      const sessions = facts.sessions.filter((session) => session.matchId === match.matchId);
      const verdict = assessPair(
        {
          acceptedAt: match.acceptedAt,
          endedAt: match.endedAt,
          ...sessionFactsOf(sessions),
          ratings: facts.feedback.filter((answer) => answer.form === 'session' && answer.matchId === match.matchId).map((answer) => answer.satisfaction),
        },
        facts.program.cadenceDays,
        rules,
        asOf,
      );
      return { matchId: match.matchId, mentorId: match.mentorId, menteeId: match.menteeId, acceptedAt: match.acceptedAt as string, ...verdict };
    })
    .sort((a, b) => a.matchId.localeCompare(b.matchId));
}

const WEEK_MS = 7 * 86_400_000;
const MAX_WEEKS = 104;

/** Monday 00:00 UTC of the week holding `instant`. */
export function weekStart(instant: string): string {
  const date = new Date(instant);
  const day = (date.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day)).toISOString();
}

/** Figures per ISO week (Monday 00:00 UTC), from the week of the first dated fact to the week of `asOf` (at most 104 weeks, the latest). */
export function weeklySeries(facts: ProgramFacts, asOf: string): WeekFigures[] {
  const held = facts.sessions.filter((session) => session.completedAt !== null);
  const noShows = facts.sessions.filter((session) => session.completedAt === null && session.noShowAt !== null);
  const accepted = facts.matches.filter((match) => match.acceptedAt !== null);
  const sessionAnswers = facts.feedback.filter((answer) => answer.form === 'session');
  const first = earliest([
    ...facts.enrollments.map((enrollment) => enrollment.enrolledAt),
    ...accepted.map((match) => match.acceptedAt),
    ...held.map((session) => session.startsAt),
    ...facts.messages.map((message) => message.sentAt),
    ...facts.feedback.map((answer) => answer.submittedAt),
  ]);
  if (first === null || Date.parse(first) > Date.parse(asOf)) return [];
  const last = Date.parse(weekStart(asOf));
  const start = Math.max(Date.parse(weekStart(first)), last - (MAX_WEEKS - 1) * WEEK_MS);
  // Each fact is dated once and counted in its week: one pass over the facts, not one per week.
  const weekCount = Math.floor((last - start) / WEEK_MS) + 1;
  const weekOf = (at: string | null): number => {
    const offset = at === null ? NaN : Date.parse(at) - start;
    const week = offset >= 0 ? Math.floor(offset / WEEK_MS) : -1;
    return week < weekCount ? week : -1;
  };
  const perWeek = (dates: readonly (string | null)[]): number[] => {
    const counts = new Array<number>(weekCount).fill(0);
    for (const at of dates) {
      const week = weekOf(at);
      if (week >= 0) counts[week] += 1;
    }
    return counts;
  };
  const enrolments = perWeek(facts.enrollments.map((enrollment) => enrollment.enrolledAt));
  const matchesAccepted = perWeek(accepted.map((match) => match.acceptedAt));
  const sessionsHeld = perWeek(held.map((session) => session.startsAt));
  const noShowsPerWeek = perWeek(noShows.map((session) => session.startsAt));
  const messagesSent = perWeek(facts.messages.map((message) => message.sentAt));
  const feedbackResponses = perWeek(facts.feedback.map((answer) => answer.submittedAt));
  const ratings = Array.from({ length: weekCount }, () => [] as number[]);
  for (const answer of sessionAnswers) {
    const week = weekOf(answer.submittedAt);
    if (week >= 0) ratings[week].push(answer.satisfaction);
  }
  const firstAcceptance = new Map<string, number>();
  for (const match of accepted) {
    const at = Date.parse(match.acceptedAt as string);
    firstAcceptance.set(match.menteeId, Math.min(at, firstAcceptance.get(match.menteeId) ?? at));
  }
  const acceptances = [...firstAcceptance.values()].filter((at) => !Number.isNaN(at)).sort((a, b) => a - b);
  const weeks: WeekFigures[] = [];
  for (let week = 0, matched = 0; week < weekCount; week++) {
    const from = start + week * WEEK_MS;
    while (matched < acceptances.length && acceptances[matched] < from + WEEK_MS) matched += 1;
    weeks.push({
      weekStart: new Date(from).toISOString(),
      enrolments: enrolments[week],
      matchesAccepted: matchesAccepted[week],
      sessionsHeld: sessionsHeld[week],
      noShows: noShowsPerWeek[week],
      messagesSent: messagesSent[week],
      feedbackResponses: feedbackResponses[week],
      averageSessionRating: avg(ratings[week]),
      cumulativeMatchedMentees: matched,
    });
  }
  return weeks;
}
