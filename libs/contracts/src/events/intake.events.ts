import type { FromSchema } from 'json-schema-to-ts';
import { defineEvent } from '../event-definition';
import {
  calendarDate,
  instant,
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
 * Enrolment events carry the intake answers matching scores on and the
 * baseline evaluation computes deltas from, and nothing else: no free text,
 * no location (the time zone is enough for the scheduling constraint).
 */
const capacity = {
  type: 'integer',
  minimum: 1,
  maximum: 10,
  description: 'Mentors only (required for them): how many mentees they take at once.',
} as const;
const enrollmentSnapshot = {
  enrollmentId: uuid,
  networkId,
  programId: uuid,
  userId: uuid,
  role: programRole,
  skillsOffered: tagList,
  skillsWanted: tagList,
  interests: tagList,
  industry: tag,
  languages: {
    type: 'array',
    items: { type: 'string', pattern: '^[a-z]{2}$', description: 'ISO 639-1 code.' },
    uniqueItems: true,
    minItems: 1,
    maxItems: 10,
    description: 'A common language is a hard matching constraint.',
  },
  availability: {
    type: 'array',
    items: { type: 'string', enum: ['weekday_morning', 'weekday_afternoon', 'weekday_evening', 'weekend'] },
    uniqueItems: true,
    minItems: 1,
  },
  timeZone: {
    type: 'string',
    pattern: '^[A-Za-z_]+(?:/[A-Za-z0-9_+-]+)*$',
    maxLength: 64,
    description: 'IANA time zone, e.g. Europe/Paris.',
  },
  capacity,
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
  'skillsOffered',
  'skillsWanted',
  'interests',
  'industry',
  'languages',
  'availability',
  'timeZone',
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
    skillsOffered: ['python'],
    skillsWanted: ['data-analysis', 'public-speaking'],
    interests: ['climate', 'fintech'],
    industry: 'financial-services',
    languages: ['fr', 'en'],
    availability: ['weekday_evening', 'weekend'],
    timeZone: 'Europe/Paris',
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
  description: 'A participant changed their intake answers. Carries the full new state; the baseline is not re-scored by evaluation.',
  example: {
    enrollmentId: '1c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e66',
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    programId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c33',
    userId: '6c9d2e4f-8a1b-4c3d-9e5f-7a8b9c0d1e02',
    role: 'mentor',
    skillsOffered: ['data-analysis', 'public-speaking', 'negotiation'],
    skillsWanted: [],
    interests: ['fintech'],
    industry: 'financial-services',
    languages: ['fr', 'en', 'es'],
    availability: ['weekday_evening'],
    timeZone: 'Europe/Paris',
    capacity: 2,
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

/* The goal's wording stays in intake (free text, personal); consumers only need its objective, due date and progress. */
const goalFields = { goalId: uuid, networkId, programId: uuid, enrollmentId: uuid, menteeId: uuid } as const;
const goalRequired = ['goalId', 'networkId', 'programId', 'enrollmentId', 'menteeId'] as const;

const goalSetSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...goalRequired, 'objective', 'dueOn', 'setAt'],
  properties: {
    ...goalFields,
    objective: { ...programObjective, description: 'The programme objective the goal is relevant to (the R of SMART).' },
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
  description: 'A mentee set (or revised) a goal that passed the SMART check. Evaluation tracks goal progress from it.',
  example: {
    goalId: '2d4e5f6a-7b8c-4d9e-9f0a-2b3c4d5e6f77',
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    programId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c33',
    enrollmentId: '8b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d44',
    menteeId: '0b7f7d3e-2c4a-4f5e-8d6c-1a2b3c4d5e01',
    objective: 'job_search',
    dueOn: '2025-06-30',
    setAt: '2025-02-03T18:00:00.000Z',
  },
});

const goalProgressedSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...goalRequired, 'progressPercent', 'status', 'progressedAt'],
  properties: {
    ...goalFields,
    progressPercent: { type: 'integer', minimum: 0, maximum: 100 },
    status: { type: 'string', enum: ['in_progress', 'achieved', 'abandoned'] },
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
  description: "A mentee recorded progress on a goal. Evaluation's goal-progress KPI and the at-risk rules read it.",
  example: {
    goalId: '2d4e5f6a-7b8c-4d9e-9f0a-2b3c4d5e6f77',
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    programId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c33',
    enrollmentId: '8b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d44',
    menteeId: '0b7f7d3e-2c4a-4f5e-8d6c-1a2b3c4d5e01',
    progressPercent: 40,
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
