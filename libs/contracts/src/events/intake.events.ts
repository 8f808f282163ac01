import type { FromSchema } from 'json-schema-to-ts';
import { defineEvent } from '../event-definition';
import {
  calendarDate,
  instant,
  likert,
  networkId,
  programObjective,
  programRole,
  selfAssessment,
  tag,
  tagList,
  uuid,
  uuidList,
} from './common-fields.schema';

/*
 * Programme events carry the whole programme as it now is (not a diff):
 * matching, communication (reminder cadence) and evaluation (time-bound KPIs)
 * each keep a copy, and a full snapshot makes replaying them idempotent.
 */
const programSnapshot = {
  programId: uuid,
  networkId,
  name: { type: 'string', minLength: 1, maxLength: 200 },
  objectives: { type: 'array', items: programObjective, uniqueItems: true, minItems: 1, maxItems: 3 },
  startsOn: calendarDate,
  endsOn: calendarDate,
  cadenceDays: {
    type: 'integer',
    minimum: 1,
    maximum: 90,
    description: 'Expected days between two sessions of a pair; reminders and the "cadence kept" KPI use it.',
  },
  matchingModes: {
    type: 'array',
    items: { type: 'string', enum: ['organizer_rounds', 'mentee_choice'] },
    uniqueItems: true,
    minItems: 1,
    maxItems: 2,
    description: 'How mentees get a mentor: rounds the organisers run, ranked suggestions mentees pick from, or both.',
  },
  defaultMentorCapacity: {
    type: 'integer',
    minimum: 1,
    maximum: 5,
    description: 'Mentees per mentor unless a mentor states otherwise at enrolment.',
  },
  intakeOpensOn: calendarDate,
  intakeClosesOn: calendarDate,
} as const;
const programSnapshotRequired = [
  'programId',
  'networkId',
  'name',
  'objectives',
  'startsOn',
  'endsOn',
  'cadenceDays',
  'matchingModes',
  'defaultMentorCapacity',
  'intakeOpensOn',
  'intakeClosesOn',
] as const;

const programPublishedSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...programSnapshotRequired, 'publishedBy', 'publishedAt'],
  properties: { ...programSnapshot, publishedBy: uuid, publishedAt: instant },
} as const;
export type ProgramPublishedData = FromSchema<typeof programPublishedSchema>;
export const programPublished = defineEvent<ProgramPublishedData>({
  service: 'intake',
  aggregate: 'program',
  verb: 'published',
  version: 1,
  subjectField: 'programId',
  schema: programPublishedSchema,
  description: 'An organiser published a programme and opened its intake. Matching, communication and evaluation copy it.',
  example: {
    programId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c33',
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    name: 'Premiers pas 2025',
    objectives: ['job_search', 'networking'],
    startsOn: '2025-02-01',
    endsOn: '2025-07-31',
    cadenceDays: 14,
    matchingModes: ['organizer_rounds', 'mentee_choice'],
    defaultMentorCapacity: 2,
    intakeOpensOn: '2025-01-15',
    intakeClosesOn: '2025-01-31',
    publishedBy: '5e8a1c3b-7d2f-4b6a-9c1e-3f5a7b9d1c22',
    publishedAt: '2025-01-15T09:00:00.000Z',
  },
});

const programUpdatedSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...programSnapshotRequired, 'updatedBy', 'updatedAt'],
  properties: { ...programSnapshot, updatedBy: uuid, updatedAt: instant },
} as const;
export type ProgramUpdatedData = FromSchema<typeof programUpdatedSchema>;
export const programUpdated = defineEvent<ProgramUpdatedData>({
  service: 'intake',
  aggregate: 'program',
  verb: 'updated',
  version: 1,
  subjectField: 'programId',
  schema: programUpdatedSchema,
  description: 'A published programme changed (dates, cadence, objectives). Carries the full new state.',
  example: {
    programId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c33',
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    name: 'Premiers pas 2025',
    objectives: ['job_search', 'networking', 'skills'],
    startsOn: '2025-02-01',
    endsOn: '2025-08-31',
    cadenceDays: 21,
    matchingModes: ['organizer_rounds'],
    defaultMentorCapacity: 3,
    intakeOpensOn: '2025-01-15',
    intakeClosesOn: '2025-01-31',
    updatedBy: '5e8a1c3b-7d2f-4b6a-9c1e-3f5a7b9d1c22',
    updatedAt: '2025-03-01T10:00:00.000Z',
  },
});

const programClosedSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['programId', 'networkId', 'reason', 'closedBy', 'closedAt'],
  properties: {
    programId: uuid,
    networkId,
    reason: {
      type: 'string',
      enum: ['ended', 'cancelled'],
      description: 'ended: the programme ran its course; cancelled: stopped before its end date.',
    },
    closedBy: uuid,
    closedAt: instant,
  },
} as const;
export type ProgramClosedData = FromSchema<typeof programClosedSchema>;
export const programClosed = defineEvent<ProgramClosedData>({
  service: 'intake',
  aggregate: 'program',
  verb: 'closed',
  version: 1,
  subjectField: 'programId',
  schema: programClosedSchema,
  description: 'A programme closed. Matching ends its active matches; evaluation freezes its KPIs and sends exit surveys.',
  example: {
    programId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c33',
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    reason: 'ended',
    closedBy: '5e8a1c3b-7d2f-4b6a-9c1e-3f5a7b9d1c22',
    closedAt: '2025-08-31T18:00:00.000Z',
  },
});

/*
 * Enrolment events carry what matching scores on and the baseline evaluation
 * computes deltas from, normalised to taxonomy ids and numbers, and nothing
 * else: no free text, no employer name, no location beyond the time zone.
 */
const capacity = {
  type: 'integer',
  minimum: 1,
  maximum: 5,
  description: 'Mentors only (required for them): how many mentees they take at once.',
} as const;
const leveledTerms = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'level'],
    properties: { id: tag, level: { ...likert, description: '1 = beginner … 5 = expert (offered), or the level aimed at (wanted).' } },
  },
  maxItems: 50,
} as const;
const matchingFeatures = {
  type: 'object',
  additionalProperties: false,
  description: "The participant's answers as matching reads them: ids of the network's taxonomies, fixed option ids and numbers.",
  required: [
    'skillsOffered',
    'skillsWanted',
    'interests',
    'industries',
    'languages',
    'availability',
    'experienceYears',
    'employerKey',
    'targetRoles',
    'targetIndustries',
    'networkSize',
    'contactKinds',
  ],
  properties: {
    skillsOffered: leveledTerms,
    skillsWanted: leveledTerms,
    interests: tagList,
    industries: tagList,
    languages: {
      type: 'array',
      items: { type: 'string', pattern: '^[a-z]{2}$', description: 'ISO 639-1 code.' },
      uniqueItems: true,
      minItems: 1,
      maxItems: 10,
      description: 'A common language is a hard matching constraint.',
    },
    availability: {
      type: 'object',
      additionalProperties: false,
      required: ['timeZone', 'utcOffsetMinutes', 'weeklySlotsUtc'],
      properties: {
        timeZone: { type: 'string', maxLength: 64, description: 'IANA time zone, e.g. Europe/Paris.' },
        utcOffsetMinutes: { type: 'integer', minimum: -840, maximum: 840, description: "The zone's offset from UTC when the answer was given." },
        weeklySlotsUtc: {
          type: 'array',
          items: { type: 'integer', minimum: 0, maximum: 167 },
          uniqueItems: true,
          minItems: 1,
          maxItems: 168,
          description: 'One-hour weekly slots as hours of a UTC week: 0 = Monday 00:00–01:00 UTC … 167 = Sunday 23:00 UTC, ascending.',
        },
      },
    },
    experienceYears: { type: ['integer', 'null'], minimum: 0, maximum: 60, description: 'Years of professional experience (seniority gap).' },
    employerKey: {
      type: ['string', 'null'],
      pattern: '^[0-9a-f]{32}$',
      description: 'One-way key of the normalised employer name: equal keys mean the same employer; the name itself stays in intake.',
    },
    targetRoles: { ...tagList, description: 'job_search: role families aimed at (mentee) or advised on (mentor).' },
    targetIndustries: { ...tagList, description: 'job_search: industries aimed at (mentee) or known from the inside (mentor).' },
    networkSize: { type: ['integer', 'null'], minimum: 1, maximum: 5, description: 'networking: size of the professional network, 1–5.' },
    contactKinds: { ...tagList, description: 'networking: kinds of contact wanted (mentee) or that can be introduced (mentor).' },
  },
} as const;
const enrollmentSnapshot = {
  enrollmentId: uuid,
  networkId,
  programId: uuid,
  userId: uuid,
  role: programRole,
  templateVersion: { type: 'integer', minimum: 1, description: 'The version of the survey template the answers follow.' },
  capacity,
  features: matchingFeatures,
  excludedUserIds: {
    ...uuidList,
    description: 'People this participant must not be matched with (e.g. their own manager).',
  },
  baseline: selfAssessment,
} as const;
const enrollmentSnapshotRequired = [
  'enrollmentId',
  'networkId',
  'programId',
  'userId',
  'role',
  'templateVersion',
  'features',
  'excludedUserIds',
  'baseline',
] as const;
/**
 * A mentor without a capacity cannot be matched; the schema says so rather than each consumer.
 * `then` restates the property because Ajv's strictRequired only looks at properties in the same subschema.
 */
const mentorHasCapacity = {
  if: { properties: { role: { const: 'mentor' } } },
  then: { properties: { capacity }, required: ['capacity'] },
} as const;

const exampleFeatures = {
  skillsOffered: [{ id: 'python', level: 3 }],
  skillsWanted: [
    { id: 'data-analysis', level: 4 },
    { id: 'public-speaking', level: 3 },
  ],
  interests: ['climate', 'fintech'],
  industries: ['financial-services'],
  languages: ['en', 'fr'],
  availability: { timeZone: 'Europe/Paris', utcOffsetMinutes: 60, weeklySlotsUtc: [17, 18, 137, 138] },
  experienceYears: 0,
  employerKey: null,
  targetRoles: ['data_analytics'],
  targetIndustries: ['financial-services', 'consulting'],
  networkSize: 1,
  contactKinds: ['industry_professionals'],
};

const enrollmentSubmittedSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...enrollmentSnapshotRequired, 'submittedAt'],
  properties: { ...enrollmentSnapshot, submittedAt: instant },
  ...mentorHasCapacity,
} as const;
export type EnrollmentSubmittedData = FromSchema<typeof enrollmentSubmittedSchema>;
export const enrollmentSubmitted = defineEvent<EnrollmentSubmittedData>({
  service: 'intake',
  aggregate: 'enrollment',
  verb: 'submitted',
  version: 1,
  subjectField: 'enrollmentId',
  schema: enrollmentSubmittedSchema,
  description:
    'A mentor or mentee answered the intake survey of a programme. Matching builds candidate features from it; ' +
    'evaluation records the baseline self-assessment.',
  example: {
    enrollmentId: '8b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d44',
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    programId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c33',
    userId: '0b7f7d3e-2c4a-4f5e-8d6c-1a2b3c4d5e01',
    role: 'mentee',
    templateVersion: 1,
    features: exampleFeatures,
    excludedUserIds: [],
    baseline: { confidence: 2, communication: 3, leadership: 2, networkSize: 1 },
    submittedAt: '2025-01-20T19:45:00.000Z',
  },
});

const enrollmentUpdatedSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...enrollmentSnapshotRequired, 'updatedAt'],
  properties: { ...enrollmentSnapshot, updatedAt: instant },
  ...mentorHasCapacity,
} as const;
export type EnrollmentUpdatedData = FromSchema<typeof enrollmentUpdatedSchema>;
export const enrollmentUpdated = defineEvent<EnrollmentUpdatedData>({
  service: 'intake',
  aggregate: 'enrollment',
  verb: 'updated',
  version: 1,
  subjectField: 'enrollmentId',
  schema: enrollmentUpdatedSchema,
  description: 'A participant changed their intake answers while intake was open. Carries the full new state; evaluation keeps the first baseline.',
  example: {
    enrollmentId: '1c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e66',
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    programId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c33',
    userId: '6c9d2e4f-8a1b-4c3d-9e5f-7a8b9c0d1e02',
    role: 'mentor',
    templateVersion: 1,
    capacity: 2,
    features: {
      ...exampleFeatures,
      skillsOffered: [
        { id: 'data-analysis', level: 5 },
        { id: 'negotiation', level: 4 },
      ],
      skillsWanted: [],
      experienceYears: 12,
      employerKey: '9f86d081884c7d659a2feaa0c55ad015',
      networkSize: 5,
    },
    excludedUserIds: [],
    baseline: { confidence: 4, communication: 4, leadership: 4, networkSize: 5 },
    updatedAt: '2025-01-22T07:10:00.000Z',
  },
});

const enrollmentWithdrawnSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['enrollmentId', 'networkId', 'programId', 'userId', 'role', 'withdrawnAt'],
  properties: { enrollmentId: uuid, networkId, programId: uuid, userId: uuid, role: programRole, withdrawnAt: instant },
} as const;
export type EnrollmentWithdrawnData = FromSchema<typeof enrollmentWithdrawnSchema>;
export const enrollmentWithdrawn = defineEvent<EnrollmentWithdrawnData>({
  service: 'intake',
  aggregate: 'enrollment',
  verb: 'withdrawn',
  version: 1,
  subjectField: 'enrollmentId',
  schema: enrollmentWithdrawnSchema,
  description: 'A participant left the programme. Matching drops the candidate and ends their active matches.',
  example: {
    enrollmentId: '8b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d44',
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    programId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c33',
    userId: '0b7f7d3e-2c4a-4f5e-8d6c-1a2b3c4d5e01',
    role: 'mentee',
    withdrawnAt: '2025-04-02T16:00:00.000Z',
  },
});

/* The goal's wording stays in intake (free text, personal); consumers only need its objective, metric, due date and progress. */
const goalFields = {
  goalId: uuid,
  networkId,
  programId: uuid,
  enrollmentId: uuid,
  userId: { ...uuid, description: 'Who set the goal: a mentee, or a mentor who chose to.' },
  role: programRole,
  metric: { ...tag, description: 'What the goal counts (a metric of the catalogue, e.g. interviews_obtained): the M of SMART.' },
  targetValue: { type: 'number', description: 'The value that means the goal is achieved.' },
} as const;
const goalRequired = ['goalId', 'networkId', 'programId', 'enrollmentId', 'userId', 'role', 'metric', 'targetValue'] as const;

const goalSetSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...goalRequired, 'objective', 'baselineValue', 'dueOn', 'setAt'],
  properties: {
    ...goalFields,
    objective: { ...programObjective, description: 'The programme objective the goal is relevant to (the R of SMART).' },
    baselineValue: { type: 'number', description: 'Where the participant starts on the metric.' },
    dueOn: { ...calendarDate, description: 'Within the programme dates (the T of SMART).' },
    setAt: instant,
  },
} as const;
export type GoalSetData = FromSchema<typeof goalSetSchema>;
export const goalSet = defineEvent<GoalSetData>({
  service: 'intake',
  aggregate: 'goal',
  verb: 'set',
  version: 1,
  subjectField: 'goalId',
  schema: goalSetSchema,
  description: 'A participant set (or revised) a goal that passed the SMART check. Evaluation tracks goal progress from it.',
  example: {
    goalId: '2d4e5f6a-7b8c-4d9e-9f0a-2b3c4d5e6f77',
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    programId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c33',
    enrollmentId: '8b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d44',
    userId: '0b7f7d3e-2c4a-4f5e-8d6c-1a2b3c4d5e01',
    role: 'mentee',
    objective: 'job_search',
    metric: 'interviews_obtained',
    baselineValue: 0,
    targetValue: 3,
    dueOn: '2025-06-30',
    setAt: '2025-02-03T18:00:00.000Z',
  },
});

const goalProgressedSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...goalRequired, 'valueReached', 'reachedOn', 'progressPercent', 'status', 'progressedAt'],
  properties: {
    ...goalFields,
    valueReached: { type: 'number', description: 'The value of the metric on `reachedOn`.' },
    reachedOn: calendarDate,
    progressPercent: { type: 'integer', minimum: 0, maximum: 100, description: 'From the baseline (0) to the target (100), clamped.' },
    status: {
      type: 'string',
      enum: ['in_progress', 'achieved', 'abandoned'],
      description: 'abandoned: the participant removed the goal; its last progress stands.',
    },
    progressedAt: instant,
  },
} as const;
export type GoalProgressedData = FromSchema<typeof goalProgressedSchema>;
export const goalProgressed = defineEvent<GoalProgressedData>({
  service: 'intake',
  aggregate: 'goal',
  verb: 'progressed',
  version: 1,
  subjectField: 'goalId',
  schema: goalProgressedSchema,
  description: "A participant recorded progress on a goal, or abandoned it. Evaluation's goal-progress KPI and the at-risk rules read it.",
  example: {
    goalId: '2d4e5f6a-7b8c-4d9e-9f0a-2b3c4d5e6f77',
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    programId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c33',
    enrollmentId: '8b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d44',
    userId: '0b7f7d3e-2c4a-4f5e-8d6c-1a2b3c4d5e01',
    role: 'mentee',
    metric: 'interviews_obtained',
    targetValue: 3,
    valueReached: 1,
    reachedOn: '2025-03-15',
    progressPercent: 33,
    status: 'in_progress',
    progressedAt: '2025-03-15T20:00:00.000Z',
  },
});

export const INTAKE_EVENTS = [
  programPublished,
  programUpdated,
  programClosed,
  enrollmentSubmitted,
  enrollmentUpdated,
  enrollmentWithdrawn,
  goalSet,
  goalProgressed,
] as const;
