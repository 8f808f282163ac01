import {
  createEnvelope,
  enrollmentSubmitted,
  enrollmentWithdrawn,
  type EventDefinition,
  feedbackSubmitted,
  gatheringAttended,
  gatheringRegistered,
  gatheringRegistrationCancelled,
  goalProgressed,
  goalSet,
  matchAccepted,
  matchDeclined,
  matchEnded,
  matchProposed,
  messageSent,
  nudgeSent,
  programPublished,
  resourceCompleted,
  resourcePublished,
  roundCompleted,
  sessionCancelled,
  sessionCompleted,
  sessionNoShow,
  sessionScheduled,
  toKafkaMessage,
} from '@passerelle/contracts';
import { MINIMAL_ENROLMENT_FEATURES, type RawProducer } from '@passerelle/testing';
import { randomUUID } from 'crypto';

/**
 * A scripted programme (issue 7, proof): its facts as plain data, the events
 * that announce them, and the report figures computed here from the same
 * facts, without the service's code. Times are days relative to `t0`.
 */

type Scales = { confidence: number; communication: number; leadership: number; networkSize: number };
type Outcomes = { connectionsMade: number; interviews: number; offers: number };

export interface Person {
  readonly key: string;
  readonly role: 'mentor' | 'mentee';
  readonly enrolledDay: number;
  readonly withdrawnDay?: number;
  readonly capacity?: number;
  readonly baseline: Scales;
}
export interface Pair {
  readonly key: string;
  readonly mentor: string;
  readonly mentee: string;
  readonly proposedDay: number;
  readonly acceptedDay?: number;
  readonly declinedDay?: number;
  readonly endedDay?: number;
}
export interface Session {
  readonly key: string;
  readonly pair: string;
  readonly day: number;
  readonly outcome: 'held' | 'no_show' | 'cancelled' | 'scheduled';
}
export interface Answer {
  readonly person: string;
  readonly form: 'session' | 'pulse' | 'exit';
  readonly session?: string;
  readonly satisfaction: number;
  readonly nps?: number;
  readonly scales?: Scales;
  readonly outcomes?: Outcomes;
  readonly day: number;
}

export const CADENCE_DAYS = 14;
export const OBJECTIVES = ['job_search', 'networking'] as const;
const DEFAULT_CAPACITY = 2;

export const PEOPLE: readonly Person[] = [
  { key: 'M1', role: 'mentor', enrolledDay: -110, capacity: 2, baseline: { confidence: 4, communication: 4, leadership: 4, networkSize: 5 } },
  { key: 'M2', role: 'mentor', enrolledDay: -109, capacity: 1, baseline: { confidence: 4, communication: 4, leadership: 4, networkSize: 5 } },
  { key: 'M3', role: 'mentor', enrolledDay: -108, capacity: 1, baseline: { confidence: 5, communication: 4, leadership: 4, networkSize: 4 } },
  { key: 'M4', role: 'mentor', enrolledDay: -107, withdrawnDay: -50, capacity: 3, baseline: { confidence: 3, communication: 3, leadership: 3, networkSize: 3 } },
  { key: 'E1', role: 'mentee', enrolledDay: -105, baseline: { confidence: 2, communication: 3, leadership: 2, networkSize: 1 } },
  { key: 'E2', role: 'mentee', enrolledDay: -104, baseline: { confidence: 3, communication: 3, leadership: 3, networkSize: 2 } },
  { key: 'E3', role: 'mentee', enrolledDay: -103, baseline: { confidence: 1, communication: 2, leadership: 2, networkSize: 1 } },
  { key: 'E4', role: 'mentee', enrolledDay: -102, baseline: { confidence: 2, communication: 2, leadership: 2, networkSize: 2 } },
  { key: 'E5', role: 'mentee', enrolledDay: -101, withdrawnDay: -60, baseline: { confidence: 2, communication: 2, leadership: 2, networkSize: 2 } },
];

export const PAIRS: readonly Pair[] = [
  { key: 'A', mentor: 'M1', mentee: 'E1', proposedDay: -95, acceptedDay: -94 },
  { key: 'B', mentor: 'M1', mentee: 'E2', proposedDay: -95, acceptedDay: -90 },
  { key: 'C', mentor: 'M2', mentee: 'E3', proposedDay: -95, acceptedDay: -93, endedDay: -40 },
  { key: 'D', mentor: 'M3', mentee: 'E4', proposedDay: -95, declinedDay: -94 },
];

export const SESSIONS: readonly Session[] = [
  ...[-80, -66, -52, -38, -24, -10].map((day, index) => ({ key: `A${index}`, pair: 'A', day, outcome: 'held' as const })),
  { key: 'Ax', pair: 'A', day: -5, outcome: 'cancelled' },
  { key: 'Af', pair: 'A', day: 4, outcome: 'scheduled' },
  { key: 'B0', pair: 'B', day: -70, outcome: 'held' },
  { key: 'B1', pair: 'B', day: -45, outcome: 'held' },
  { key: 'Bn1', pair: 'B', day: -30, outcome: 'no_show' },
  { key: 'Bn2', pair: 'B', day: -20, outcome: 'no_show' },
  { key: 'C0', pair: 'C', day: -85, outcome: 'held' },
  { key: 'C1', pair: 'C', day: -60, outcome: 'held' },
];

export const MESSAGES: readonly { pair: string; day: number }[] = [
  ...[-93, -80, -60, -30, -9].map((day) => ({ pair: 'A', day })),
  ...[-89, -44].map((day) => ({ pair: 'B', day })),
  ...[-92, -70, -50].map((day) => ({ pair: 'C', day })),
];

export const GATHERINGS: readonly { person: string; registeredDay: number; cancelledDay?: number; attendedDay?: number }[] = [
  { person: 'E1', registeredDay: -70, attendedDay: -56 },
  { person: 'E2', registeredDay: -70 },
  { person: 'M1', registeredDay: -69, attendedDay: -56 },
  { person: 'E3', registeredDay: -68, cancelledDay: -60 },
];

export const RESOURCES: readonly { key: string; kind: 'training_module' | 'guide'; audience: 'mentor' | 'mentee' | 'all' }[] = [
  { key: 'R1', kind: 'training_module', audience: 'mentor' },
  { key: 'R2', kind: 'training_module', audience: 'all' },
  { key: 'R3', kind: 'guide', audience: 'mentee' },
];
export const COMPLETIONS: readonly { resource: string; person: string; day: number }[] = [
  { resource: 'R1', person: 'M1', day: -100 },
  { resource: 'R2', person: 'M1', day: -99 },
  { resource: 'R1', person: 'M2', day: -90 },
  { resource: 'R2', person: 'E1', day: -100 },
  { resource: 'R2', person: 'E2', day: -50 },
  { resource: 'R3', person: 'E3', day: -50 },
];

export const GOALS: readonly { key: string; person: string; objective: (typeof OBJECTIVES)[number]; progress?: number; status?: 'in_progress' | 'achieved' | 'abandoned' }[] = [
  { key: 'g1', person: 'E1', objective: 'job_search', progress: 100, status: 'achieved' },
  { key: 'g2', person: 'E2', objective: 'networking', progress: 50, status: 'in_progress' },
  { key: 'g3', person: 'E3', objective: 'job_search', progress: 20, status: 'abandoned' },
  { key: 'g4', person: 'E1', objective: 'networking' },
];

export const ANSWERS: readonly Answer[] = [
  { person: 'E1', form: 'session', session: 'A0', satisfaction: 5, day: -79 },
  { person: 'M1', form: 'session', session: 'A0', satisfaction: 4, day: -79 },
  { person: 'E1', form: 'session', session: 'A1', satisfaction: 4, day: -65 },
  { person: 'E2', form: 'session', session: 'B0', satisfaction: 2, day: -69 },
  { person: 'M1', form: 'session', session: 'B0', satisfaction: 3, day: -69 },
  { person: 'E3', form: 'session', session: 'C0', satisfaction: 4, day: -84 },
  { person: 'E1', form: 'pulse', satisfaction: 4, nps: 9, day: -30 },
  { person: 'E2', form: 'pulse', satisfaction: 3, nps: 6, day: -30 },
  { person: 'M1', form: 'pulse', satisfaction: 5, nps: 10, day: -29 },
  { person: 'E1', form: 'exit', satisfaction: 5, nps: 10, scales: { confidence: 4, communication: 4, leadership: 3, networkSize: 3 }, outcomes: { connectionsMade: 6, interviews: 3, offers: 1 }, day: -2 },
  { person: 'E3', form: 'exit', satisfaction: 4, nps: 7, scales: { confidence: 2, communication: 3, leadership: 3, networkSize: 2 }, outcomes: { connectionsMade: 2, interviews: 1, offers: 0 }, day: -39 },
  { person: 'M2', form: 'exit', satisfaction: 3, nps: 5, scales: { confidence: 4, communication: 4, leadership: 4, networkSize: 5 }, outcomes: { connectionsMade: 1, interviews: 0, offers: 0 }, day: -39 },
];

export interface ScriptedEvent {
  readonly definition: EventDefinition<unknown>;
  readonly data: unknown;
}

export interface Script {
  readonly programId: string;
  readonly ids: Record<string, string>;
  readonly events: ScriptedEvent[];
}

/** The events of the scripted programme, in the order they happened (days), with fresh ids. */
export function scriptProgramme(networkId: string, t0: number): Script {
  const programId = randomUUID();
  const ids: Record<string, string> = {};
  const id = (key: string) => (ids[key] ??= randomUUID());
  const at = (day: number) => new Date(t0 + day * 86_400_000).toISOString();
  const date = (day: number) => at(day).slice(0, 10);
  const person = (key: string) => PEOPLE.find((candidate) => candidate.key === key) as Person;
  const pairOf = (key: string) => {
    const pair = PAIRS.find((candidate) => candidate.key === key) as Pair;
    return { networkId, programId, matchId: id(`match:${key}`), mentorId: id(pair.mentor), menteeId: id(pair.mentee) };
  };
  const timed: Array<{ day: number; event: ScriptedEvent }> = [];
  const add = <T>(day: number, definition: EventDefinition<T>, data: T) => timed.push({ day, event: { definition: definition as EventDefinition<unknown>, data } });

  add(-130, programPublished, {
    programId,
    networkId,
    name: 'Scripted programme',
    objectives: [...OBJECTIVES],
    startsOn: date(-120),
    endsOn: date(60),
    cadenceDays: CADENCE_DAYS,
    matchingModes: ['organizer_rounds'],
    defaultMentorCapacity: DEFAULT_CAPACITY,
    intakeOpensOn: date(-130),
    intakeClosesOn: date(-96),
    publishedBy: randomUUID(),
    publishedAt: at(-130),
  });
  for (const p of PEOPLE) {
    const enrollment = { enrollmentId: id(`enrollment:${p.key}`), networkId, programId, userId: id(p.key), role: p.role };
    add(p.enrolledDay, enrollmentSubmitted, {
      ...enrollment,
      templateVersion: 1,
      ...(p.capacity ? { capacity: p.capacity } : {}),
      features: MINIMAL_ENROLMENT_FEATURES,
      excludedUserIds: [],
      baseline: p.baseline,
      submittedAt: at(p.enrolledDay),
    });
    if (p.withdrawnDay !== undefined) add(p.withdrawnDay, enrollmentWithdrawn, { ...enrollment, withdrawnAt: at(p.withdrawnDay) });
  }
  add(-95, roundCompleted, {
    roundId: randomUUID(),
    networkId,
    programId,
    menteeCount: 4,
    mentorCount: 3,
    matchedCount: 4,
    unmatched: { noFeasibleMentor: 0, mentorsFull: 0 },
    totalScore: 2000,
    mentorLoad: { min: 1, max: 2, mean: 1.33 },
    solveMs: 5,
    startedBy: randomUUID(),
    startedAt: at(-95),
    completedAt: at(-95),
  });
  for (const pair of PAIRS) {
    const fields = pairOf(pair.key);
    add(pair.proposedDay, matchProposed, {
      ...fields,
      origin: 'organizer',
      score: { total: 500, maxTotal: 1000, breakdown: [], constraints: [] },
      proposedAt: at(pair.proposedDay),
    });
    if (pair.acceptedDay !== undefined) add(pair.acceptedDay, matchAccepted, { ...fields, acceptedAt: at(pair.acceptedDay) });
    if (pair.declinedDay !== undefined) add(pair.declinedDay, matchDeclined, { ...fields, declinedBy: 'mentee', reason: 'not_a_fit', declinedAt: at(pair.declinedDay) });
    if (pair.endedDay !== undefined) add(pair.endedDay, matchEnded, { ...fields, endedBy: 'mentee', reason: 'participant_request', early: true, endedAt: at(pair.endedDay) });
  }
  for (const session of SESSIONS) {
    const fields = { sessionId: id(`session:${session.key}`), ...pairOf(session.pair), startsAt: at(session.day) };
    add(session.day - 3, sessionScheduled, { ...fields, plannedDurationMinutes: 45, mode: 'video', scheduledBy: fields.menteeId, scheduledAt: at(session.day - 3) });
    const after = at(session.day + 0.05);
    if (session.outcome === 'held') add(session.day, sessionCompleted, { ...fields, actualDurationMinutes: 50, mode: 'video', completedAt: after });
    if (session.outcome === 'no_show') add(session.day, sessionNoShow, { ...fields, absentRole: 'mentee', recordedBy: fields.mentorId, recordedAt: after });
    if (session.outcome === 'cancelled') add(session.day - 1, sessionCancelled, { ...fields, cancelledBy: fields.mentorId, reason: 'participant_request', cancelledAt: at(session.day - 1) });
  }
  for (const message of MESSAGES) {
    const fields = pairOf(message.pair);
    add(message.day, messageSent, {
      messageId: randomUUID(),
      conversationId: id(`conversation:${message.pair}`),
      ...fields,
      senderId: fields.menteeId,
      senderRole: 'mentee',
      length: 40,
      sentAt: at(message.day),
    });
  }
  const gatheringId = randomUUID();
  for (const registration of GATHERINGS) {
    const fields = { gatheringId, registrationId: id(`registration:${registration.person}`), networkId, programId, userId: id(registration.person), kind: 'networking_event' as const, startsAt: at(-56) };
    add(registration.registeredDay, gatheringRegistered, { ...fields, registeredAt: at(registration.registeredDay) });
    if (registration.cancelledDay !== undefined) {
      add(registration.cancelledDay, gatheringRegistrationCancelled, { ...fields, reason: 'participant_cancelled', cancelledAt: at(registration.cancelledDay) });
    }
    if (registration.attendedDay !== undefined) add(registration.attendedDay, gatheringAttended, { ...fields, recordedAt: at(registration.attendedDay) });
  }
  for (const resource of RESOURCES) {
    add(-115, resourcePublished, { resourceId: id(resource.key), networkId, programId, kind: resource.kind, audience: resource.audience, publishedBy: randomUUID(), publishedAt: at(-115) });
  }
  for (const completion of COMPLETIONS) {
    add(completion.day, resourceCompleted, {
      resourceId: id(completion.resource),
      networkId,
      programId,
      userId: id(completion.person),
      role: person(completion.person).role,
      completedAt: at(completion.day),
    });
  }
  for (const goal of GOALS) {
    const fields = {
      goalId: id(goal.key),
      networkId,
      programId,
      enrollmentId: id(`enrollment:${goal.person}`),
      userId: id(goal.person),
      role: person(goal.person).role,
      metric: 'interviews_obtained',
      targetValue: 3,
    };
    add(-98, goalSet, { ...fields, objective: goal.objective, baselineValue: 0, dueOn: date(50), setAt: at(-98) });
    if (goal.progress !== undefined && goal.status) {
      add(-20, goalProgressed, { ...fields, valueReached: 1, reachedOn: date(-20), progressPercent: goal.progress, status: goal.status, progressedAt: at(-20) });
    }
  }
  add(-35, nudgeSent, { nudgeId: randomUUID(), networkId, programId, recipientId: id('E2'), matchId: pairOf('B').matchId, reason: 'cadence_slipped', channel: 'email', sentAt: at(-35) });
  add(-34, nudgeSent, { nudgeId: randomUUID(), networkId, programId, recipientId: id('M1'), matchId: pairOf('B').matchId, reason: 'cadence_slipped', channel: 'email', sentAt: at(-34) });
  for (const answer of ANSWERS) {
    const session = answer.session ? SESSIONS.find((candidate) => candidate.key === answer.session) : undefined;
    add(answer.day, feedbackSubmitted, {
      feedbackId: randomUUID(),
      networkId,
      programId,
      ...(session ? { matchId: pairOf(session.pair).matchId, sessionId: id(`session:${session.key}`) } : {}),
      respondentId: id(answer.person),
      respondentRole: person(answer.person).role,
      form: answer.form,
      satisfaction: answer.satisfaction,
      ...(answer.nps !== undefined ? { nps: answer.nps } : {}),
      ...(answer.scales ? { scales: answer.scales } : {}),
      ...(answer.outcomes ? { outcomes: answer.outcomes } : {}),
      submittedAt: at(answer.day),
    });
  }
  timed.sort((a, b) => a.day - b.day);
  return { programId, ids, events: timed.map((entry) => entry.event) };
}

/** Publishes events as given (order, duplicates) on their real topics, each as its own CloudEvent (fresh ce_id unless `sameIds`). */
export async function publish(producer: RawProducer, events: readonly ScriptedEvent[]): Promise<Array<{ topic: string; message: ReturnType<typeof toKafkaMessage> }>> {
  const sent = events.map((event) => ({ topic: event.definition.topic, message: toKafkaMessage(createEnvelope(event.definition, event.data)) }));
  for (const { topic, message } of sent) await producer.send(topic, [message]);
  return sent;
}

const r = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const meanOf = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** The figures the report must show at `t0`, computed from the script's tables. */
export function expectedFigures() {
  const enrolled = PEOPLE.filter((p) => p.withdrawnDay === undefined);
  const mentors = enrolled.filter((p) => p.role === 'mentor');
  const mentees = enrolled.filter((p) => p.role === 'mentee');
  const accepted = PAIRS.filter((pair) => pair.acceptedDay !== undefined);
  const active = accepted.filter((pair) => pair.endedDay === undefined);
  const declined = PAIRS.filter((pair) => pair.acceptedDay === undefined && pair.declinedDay !== undefined);
  const capacity = mentors.reduce((sum, mentor) => sum + (mentor.capacity ?? DEFAULT_CAPACITY), 0);
  const held = SESSIONS.filter((session) => session.outcome === 'held');
  const noShows = SESSIONS.filter((session) => session.outcome === 'no_show');
  const heldOf = (pair: string) => held.filter((session) => session.pair === pair).map((session) => session.day);
  const matchedMentees = mentees.filter((mentee) => accepted.some((pair) => pair.mentee === mentee.key));
  const firstAccepted = (mentee: string) => Math.min(...accepted.filter((pair) => pair.mentee === mentee).map((pair) => pair.acceptedDay as number));
  const pairMonths = accepted.reduce((sum, pair) => sum + Math.max(1, (pair.endedDay ?? 0) - (pair.acceptedDay as number)) / 30, 0);
  const keeping = active.filter((pair) => 0 - Math.max(...heldOf(pair.key), pair.acceptedDay as number) <= CADENCE_DAYS);
  const registrations = GATHERINGS.filter((registration) => registration.cancelledDay === undefined);
  const answers = (form: string) => ANSWERS.filter((answer) => answer.form === form);
  const nps = (scores: number[]) => r((100 * (scores.filter((score) => score >= 9).length - scores.filter((score) => score <= 6).length)) / scores.length, 1);
  const exits = answers('exit');
  const scale = (name: keyof Scales) => r(meanOf(exits.map((answer) => (answer.scales as Scales)[name] - PEOPLE.find((p) => p.key === answer.person)!.baseline[name])), 2);
  const sum = (list: readonly Answer[], field: keyof Outcomes) => list.reduce((total, answer) => total + (answer.outcomes as Outcomes)[field], 0);
  const withGoal = (objective: string) => exits.filter((answer) => GOALS.some((goal) => goal.person === answer.person && goal.objective === objective));
  const modules = (role: string) => RESOURCES.filter((resource) => resource.kind === 'training_module' && (resource.audience === role || resource.audience === 'all'));
  const trainedDay = (person: Person) => {
    const days = modules(person.role).map((module) => COMPLETIONS.find((c) => c.resource === module.key && c.person === person.key)?.day);
    return days.some((day) => day === undefined) ? undefined : Math.max(...(days as number[]));
  };
  const firstHeld = (person: Person) => {
    const days = held.filter((session) => {
      const pair = PAIRS.find((candidate) => candidate.key === session.pair) as Pair;
      return pair.mentor === person.key || pair.mentee === person.key;
    }).map((session) => session.day);
    return days.length ? Math.min(...days) : undefined;
  };
  const withSession = enrolled.filter((person) => firstHeld(person) !== undefined);
  const pursued = GOALS.filter((goal) => goal.status !== 'abandoned');
  const atRiskB = true; // B: last session day -45 (> 2 × 14), two no-shows, mean rating 2.5 over 2 answers.
  return {
    participation: {
      mentorsEnrolled: mentors.length,
      menteesEnrolled: mentees.length,
      mentorCapacity: capacity,
      activePairs: active.length,
      mentorCapacityUsedRate: r(active.length / capacity, 4),
      matchedMenteeRate: r(matchedMentees.length / mentees.length, 4),
      matchesProposed: PAIRS.length,
      matchesAccepted: accepted.length,
      matchesDeclined: declined.length,
      matchAcceptanceRate: r(accepted.length / (accepted.length + declined.length), 4),
      averageDaysEnrolmentToMatch: r(meanOf(matchedMentees.map((mentee) => firstAccepted(mentee.key) - mentee.enrolledDay)), 2),
      roundsCompleted: 1,
    },
    engagement: {
      sessionsHeld: held.length,
      sessionsPerPair: r(held.length / accepted.length, 4),
      sessionsPerPairPerMonth: r(held.length / pairMonths, 2),
      averageDaysToFirstSession: r(meanOf(accepted.map((pair) => Math.min(...heldOf(pair.key)) - (pair.acceptedDay as number))), 2),
      pairsKeepingCadenceRate: r(keeping.length / active.length, 4),
      noShowRate: r(noShows.length / (noShows.length + held.length), 4),
      messagesSent: MESSAGES.length,
      messagesPerPair: r(MESSAGES.length / accepted.length, 4),
      gatheringRegistrations: registrations.length,
      gatheringAttendances: registrations.filter((registration) => registration.attendedDay !== undefined).length,
      gatheringAttendanceRate: r(registrations.filter((registration) => registration.attendedDay !== undefined).length / registrations.length, 4),
      nudgesSent: 2,
    },
    quality: {
      sessionRatings: answers('session').length,
      averageSessionRating: r(meanOf(answers('session').map((answer) => answer.satisfaction)), 2),
      pulseResponses: answers('pulse').length,
      pulseSatisfaction: r(meanOf(answers('pulse').map((answer) => answer.satisfaction)), 2),
      pulseNps: nps(answers('pulse').map((answer) => answer.nps as number)),
      exitResponses: exits.length,
      exitSatisfaction: r(meanOf(exits.map((answer) => answer.satisfaction)), 2),
      nps: nps(exits.map((answer) => answer.nps as number)),
    },
    outcomes: {
      goalsSet: GOALS.length,
      goalsAchieved: GOALS.filter((goal) => goal.status === 'achieved').length,
      averageGoalProgressPercent: r(meanOf(pursued.map((goal) => goal.progress ?? 0)), 1),
      baselineToExit: {
        respondents: exits.length,
        confidence: scale('confidence'),
        communication: scale('communication'),
        leadership: scale('leadership'),
        networkSize: scale('networkSize'),
      },
      networking: {
        respondents: exits.length,
        connectionsMade: sum(exits, 'connectionsMade'),
        interviews: sum(exits, 'interviews'),
        offers: sum(exits, 'offers'),
        byObjective: Object.fromEntries(
          OBJECTIVES.map((objective) => [
            objective,
            { respondents: withGoal(objective).length, connectionsMade: sum(withGoal(objective), 'connectionsMade'), interviews: sum(withGoal(objective), 'interviews'), offers: sum(withGoal(objective), 'offers') },
          ]),
        ),
      },
    },
    support: {
      trainingModulesForMentors: modules('mentor').length,
      trainingModulesForMentees: modules('mentee').length,
      mentorsTrainedRate: r(mentors.filter((p) => trainedDay(p) !== undefined).length / mentors.length, 4),
      menteesTrainedRate: r(mentees.filter((p) => trainedDay(p) !== undefined).length / mentees.length, 4),
      trainedBeforeFirstSessionRate: r(
        withSession.filter((p) => trainedDay(p) !== undefined && (trainedDay(p) as number) <= (firstHeld(p) as number)).length / withSession.length,
        4,
      ),
    },
    pairHealth: { activePairs: active.length, pairsAtRisk: atRiskB ? 1 : 0 },
  };
}
