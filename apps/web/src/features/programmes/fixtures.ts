export const NETWORK_ID = '0190a3f0-0000-7000-8000-000000000001';
export const PROGRAM_ID = '0190a3f0-0000-7000-8000-0000000000a1';
export const USER_ID = '0190a3f0-0000-7000-8000-0000000000b1';
export const ENROLLMENT_ID = '0190a3f0-0000-7000-8000-0000000000c1';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A published programme whose intake is open today, as intake answers it. */
export function aProgramme(overrides: Record<string, unknown> = {}) {
  return {
    id: PROGRAM_ID,
    networkId: NETWORK_ID,
    name: 'Premiers pas',
    description: 'Des ancien·nes accompagnent les étudiant·es vers leur premier emploi.',
    charter: 'Nous nous retrouvons toutes les deux semaines et gardons pour nous ce qui se dit.',
    objectives: ['job_search', 'networking'],
    startsOn: day(30),
    endsOn: day(210),
    cadenceDays: 14,
    matchingModes: ['organizer_rounds'],
    defaultMentorCapacity: 2,
    intakeOpensOn: day(-1),
    intakeClosesOn: day(20),
    status: 'published',
    version: 2,
    publishedAt: new Date().toISOString(),
    closedAt: null,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    ...overrides,
  };
}

/** An active mentee enrolment of the signed-in person, as intake answers it. */
export function anEnrolment(overrides: Record<string, unknown> = {}) {
  return {
    id: ENROLLMENT_ID,
    networkId: NETWORK_ID,
    programId: PROGRAM_ID,
    userId: USER_ID,
    role: 'mentee',
    status: 'active',
    templateVersion: 1,
    answers: { languages: ['fr'] },
    capacity: null,
    baseline: { confidence: 2, communication: 3, leadership: 2, networkSize: 1 },
    excludedUserIds: [],
    features: {},
    version: 1,
    submittedAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    withdrawnAt: null,
    ...overrides,
  };
}

/** A SMART goal of that enrolment, in progress and not yet started, as intake answers it. */
export function aGoal(overrides: Record<string, unknown> = {}) {
  return {
    id: '0190a3f0-0000-7000-8000-0000000000d1',
    enrollmentId: ENROLLMENT_ID,
    programId: PROGRAM_ID,
    role: 'mentee',
    title: 'Obtenir trois entretiens',
    objective: 'job_search',
    metric: 'interviews_obtained',
    baselineValue: 0,
    targetValue: 3,
    dueOn: day(100),
    status: 'in_progress',
    valueReached: null,
    reachedOn: null,
    progressPercent: 0,
    version: 1,
    ...overrides,
  };
}

export { day };
