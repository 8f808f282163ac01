import type { FromSchema } from 'json-schema-to-ts';
import { defineEvent } from '../event-definition';
import { instant, networkId, pairFields, pairRequired, programRole, uuid } from './common-fields.schema';

/* Sessions repeat the pair so evaluation can attribute one that arrives before its match.accepted (PRODUCT.md, Order). */
const sessionFields = {
  sessionId: uuid,
  ...pairFields,
  startsAt: { ...instant, description: 'When the session takes (or took) place.' },
} as const;
const sessionRequired = ['sessionId', ...pairRequired, 'startsAt'] as const;
const plannedDurationMinutes = { type: 'integer', minimum: 5, maximum: 480 } as const;
const mode = { type: 'string', enum: ['video', 'phone', 'in_person'] } as const;

const pair = {
  sessionId: '6a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9caa',
  networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
  programId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c33',
  matchId: '4e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a88',
  mentorId: '6c9d2e4f-8a1b-4c3d-9e5f-7a8b9c0d1e02',
  menteeId: '0b7f7d3e-2c4a-4f5e-8d6c-1a2b3c4d5e01',
} as const;

const sessionScheduledSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...sessionRequired, 'plannedDurationMinutes', 'mode', 'scheduledBy', 'scheduledAt'],
  properties: {
    ...sessionFields,
    plannedDurationMinutes,
    mode,
    scheduledBy: uuid,
    scheduledAt: { ...instant, description: 'When the booking was made.' },
  },
} as const;
export type SessionScheduledData = FromSchema<typeof sessionScheduledSchema>;
export const sessionScheduled = defineEvent<SessionScheduledData>({
  service: 'communication',
  aggregate: 'session',
  verb: 'scheduled',
  version: 1,
  subjectField: 'sessionId',
  schema: sessionScheduledSchema,
  description: "A pair booked a session (a calendar invitation was sent). Evaluation's time-to-first-session and cadence read it.",
  example: {
    ...pair,
    startsAt: '2025-02-12T18:00:00.000Z',
    plannedDurationMinutes: 45,
    mode: 'video',
    scheduledBy: '0b7f7d3e-2c4a-4f5e-8d6c-1a2b3c4d5e01',
    scheduledAt: '2025-02-07T12:00:00.000Z',
  },
});

const sessionRescheduledSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...sessionRequired, 'previousStartsAt', 'plannedDurationMinutes', 'mode', 'rescheduledBy', 'rescheduledAt'],
  properties: {
    ...sessionFields,
    previousStartsAt: instant,
    plannedDurationMinutes,
    mode,
    rescheduledBy: uuid,
    rescheduledAt: instant,
  },
} as const;
export type SessionRescheduledData = FromSchema<typeof sessionRescheduledSchema>;
export const sessionRescheduled = defineEvent<SessionRescheduledData>({
  service: 'communication',
  aggregate: 'session',
  verb: 'rescheduled',
  version: 1,
  subjectField: 'sessionId',
  schema: sessionRescheduledSchema,
  description: 'A scheduled session moved (an updated invitation was sent). Reminders and cadence use the new start.',
  example: {
    ...pair,
    startsAt: '2025-02-13T18:00:00.000Z',
    previousStartsAt: '2025-02-12T18:00:00.000Z',
    plannedDurationMinutes: 60,
    mode: 'in_person',
    rescheduledBy: '6c9d2e4f-8a1b-4c3d-9e5f-7a8b9c0d1e02',
    rescheduledAt: '2025-02-10T09:30:00.000Z',
  },
});

const sessionCompletedSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...sessionRequired, 'actualDurationMinutes', 'mode', 'completedAt'],
  properties: {
    ...sessionFields,
    actualDurationMinutes: { type: 'integer', minimum: 1, maximum: 720 },
    mode,
    completedAt: instant,
  },
} as const;
export type SessionCompletedData = FromSchema<typeof sessionCompletedSchema>;
export const sessionCompleted = defineEvent<SessionCompletedData>({
  service: 'communication',
  aggregate: 'session',
  verb: 'completed',
  version: 1,
  subjectField: 'sessionId',
  schema: sessionCompletedSchema,
  description: 'A session took place. Evaluation counts sessions per pair and cadence kept, and asks both sides for feedback.',
  example: {
    ...pair,
    startsAt: '2025-02-13T18:00:00.000Z',
    actualDurationMinutes: 55,
    mode: 'in_person',
    completedAt: '2025-02-13T18:55:00.000Z',
  },
});

const sessionCancelledSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...sessionRequired, 'cancelledBy', 'cancelledAt'],
  properties: {
    ...sessionFields,
    cancelledBy: { ...uuid, description: 'A participant, or an organiser.' },
    reason: { type: 'string', enum: ['participant_request', 'match_ended', 'organizer_decision'] },
    cancelledAt: instant,
  },
} as const;
export type SessionCancelledData = FromSchema<typeof sessionCancelledSchema>;
export const sessionCancelled = defineEvent<SessionCancelledData>({
  service: 'communication',
  aggregate: 'session',
  verb: 'cancelled',
  version: 1,
  subjectField: 'sessionId',
  schema: sessionCancelledSchema,
  description: 'A scheduled session was called off. Evaluation removes it from the cadence; reminders stop.',
  example: {
    ...pair,
    startsAt: '2025-03-01T18:00:00.000Z',
    cancelledBy: '6c9d2e4f-8a1b-4c3d-9e5f-7a8b9c0d1e02',
    reason: 'participant_request',
    cancelledAt: '2025-02-28T08:00:00.000Z',
  },
});

const sessionNoShowSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...sessionRequired, 'absentRole', 'recordedBy', 'recordedAt'],
  properties: {
    ...sessionFields,
    absentRole: { type: 'string', enum: ['mentor', 'mentee', 'both'] },
    recordedBy: { ...uuid, description: 'Who reported the absence.' },
    recordedAt: instant,
  },
} as const;
export type SessionNoShowData = FromSchema<typeof sessionNoShowSchema>;
export const sessionNoShow = defineEvent<SessionNoShowData>({
  service: 'communication',
  aggregate: 'session',
  verb: 'no_show',
  version: 1,
  subjectField: 'sessionId',
  schema: sessionNoShowSchema,
  description: 'A participant did not turn up. Evaluation feeds the repeated-no-show at-risk rule with it.',
  example: {
    ...pair,
    startsAt: '2025-03-15T18:00:00.000Z',
    absentRole: 'mentee',
    recordedBy: '6c9d2e4f-8a1b-4c3d-9e5f-7a8b9c0d1e02',
    recordedAt: '2025-03-15T18:30:00.000Z',
  },
});

/* Metadata only: PRODUCT.md forbids the text, and the length is enough for engagement KPIs. */
const messageSentSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['messageId', 'conversationId', ...pairRequired, 'senderId', 'senderRole', 'length', 'sentAt'],
  properties: {
    messageId: uuid,
    conversationId: uuid,
    ...pairFields,
    senderId: uuid,
    senderRole: programRole,
    length: { type: 'integer', minimum: 1, maximum: 20000, description: 'Characters in the message text.' },
    sentAt: instant,
  },
} as const;
export type MessageSentData = FromSchema<typeof messageSentSchema>;
export const messageSent = defineEvent<MessageSentData>({
  service: 'communication',
  aggregate: 'message',
  verb: 'sent',
  version: 1,
  // Keyed by conversation, not message: a conversation's messages then share a partition and stay in order.
  subjectField: 'conversationId',
  schema: messageSentSchema,
  description:
    "A participant sent a message in a pair's private conversation (metadata only, never the text). " +
    'Evaluation uses it for pair activity; the subject and record key are the conversation id.',
  example: {
    messageId: '8c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1ecc',
    conversationId: '7b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0dbb',
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    programId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c33',
    matchId: '4e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a88',
    mentorId: '6c9d2e4f-8a1b-4c3d-9e5f-7a8b9c0d1e02',
    menteeId: '0b7f7d3e-2c4a-4f5e-8d6c-1a2b3c4d5e01',
    senderId: '0b7f7d3e-2c4a-4f5e-8d6c-1a2b3c4d5e01',
    senderRole: 'mentee',
    length: 312,
    sentAt: '2025-02-06T20:12:00.000Z',
  },
});

/*
 * Gathering events are keyed by the gathering, so one gathering's registrations, cancellations and
 * attendance stay in order on one partition. `registered` means a confirmed seat: a waitlisted
 * participant is announced only when promoted, so attendance rates divide by seats actually held.
 */
const gatheringKind = { type: 'string', enum: ['webinar', 'networking_event'] } as const;
const gatheringFields = {
  gatheringId: uuid,
  registrationId: uuid,
  networkId,
  programId: uuid,
  userId: uuid,
  kind: gatheringKind,
  startsAt: { ...instant, description: 'When the gathering starts.' },
} as const;
const gatheringRequired = ['gatheringId', 'registrationId', 'networkId', 'programId', 'userId', 'kind', 'startsAt'] as const;
const gatheringExample = {
  gatheringId: '9d1e2f3a-4b5c-4d6e-9f7a-8b9c0d1e2fdd',
  registrationId: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d',
  networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
  programId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c33',
  userId: '0b7f7d3e-2c4a-4f5e-8d6c-1a2b3c4d5e01',
  kind: 'networking_event',
  startsAt: '2025-04-10T17:30:00.000Z',
} as const;

const gatheringRegisteredSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...gatheringRequired, 'registeredAt'],
  properties: {
    ...gatheringFields,
    registeredAt: { ...instant, description: 'When the seat was confirmed.' },
    waitlistedAt: { ...instant, description: 'Only for a participant promoted from the waitlist: when they joined it.' },
  },
} as const;
export type GatheringRegisteredData = FromSchema<typeof gatheringRegisteredSchema>;
export const gatheringRegistered = defineEvent<GatheringRegisteredData>({
  service: 'communication',
  aggregate: 'gathering',
  verb: 'registered',
  version: 1,
  subjectField: 'gatheringId',
  schema: gatheringRegisteredSchema,
  description:
    'A cohort member holds a confirmed seat at a programme-wide gathering: at registration while seats remain, or ' +
    'when promoted from the waitlist. Evaluation computes attendance against it (networking KPIs).',
  example: { ...gatheringExample, registeredAt: '2025-03-22T08:00:00.000Z', waitlistedAt: '2025-03-20T11:00:00.000Z' },
});

const gatheringRegistrationCancelledSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...gatheringRequired, 'reason', 'cancelledAt'],
  properties: {
    ...gatheringFields,
    reason: {
      type: 'string',
      enum: ['participant_cancelled', 'participant_withdrew', 'gathering_cancelled', 'participant_erased'],
      description:
        'The participant gave up their seat, left the programme (withdrew their enrolment), the organizers called the ' +
        'gathering off, or the participant erased their account.',
    },
    cancelledAt: instant,
  },
} as const;
export type GatheringRegistrationCancelledData = FromSchema<typeof gatheringRegistrationCancelledSchema>;
export const gatheringRegistrationCancelled = defineEvent<GatheringRegistrationCancelledData>({
  service: 'communication',
  aggregate: 'gathering',
  verb: 'registration_cancelled',
  version: 1,
  subjectField: 'gatheringId',
  schema: gatheringRegistrationCancelledSchema,
  description:
    'A confirmed seat was given up before the gathering started (waitlisted places, never announced, are not). ' +
    'Evaluation takes the registration out of the attendance denominator.',
  example: { ...gatheringExample, reason: 'participant_cancelled', cancelledAt: '2025-04-01T09:15:00.000Z' },
});

const gatheringAttendedSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...gatheringRequired, 'recordedAt'],
  properties: { ...gatheringFields, recordedAt: { ...instant, description: 'When an organizer recorded the attendance.' } },
} as const;
export type GatheringAttendedData = FromSchema<typeof gatheringAttendedSchema>;
export const gatheringAttended = defineEvent<GatheringAttendedData>({
  service: 'communication',
  aggregate: 'gathering',
  verb: 'attended',
  version: 1,
  subjectField: 'gatheringId',
  schema: gatheringAttendedSchema,
  description:
    'An organizer recorded that a confirmed registrant attended a gathering (once per registration). Evaluation ' +
    'feeds the networking-outcome KPIs with it.',
  example: { ...gatheringExample, recordedAt: '2025-04-10T19:45:00.000Z' },
});

const alertId = { ...uuid, description: 'The alert this nudge acts on, when reason is alert_follow_up.' } as const;
const nudgeSentSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['nudgeId', 'networkId', 'programId', 'recipientId', 'reason', 'channel', 'sentAt'],
  properties: {
    nudgeId: uuid,
    networkId,
    programId: uuid,
    recipientId: { ...uuid, description: 'The user reminded.' },
    matchId: { ...uuid, description: 'The pair concerned, for pair-level reminders.' },
    alertId,
    reason: {
      type: 'string',
      enum: ['cadence_slipped', 'session_upcoming', 'feedback_due', 'survey_due', 'goal_check_in', 'alert_follow_up'],
    },
    channel: { type: 'string', enum: ['email'] },
    sentAt: instant,
  },
  if: { properties: { reason: { const: 'alert_follow_up' } } },
  // `then` restates the property for Ajv's strictRequired, which only looks within one subschema.
  then: { properties: { alertId }, required: ['alertId'] },
} as const;
export type NudgeSentData = FromSchema<typeof nudgeSentSchema>;
export const nudgeSent = defineEvent<NudgeSentData>({
  service: 'communication',
  aggregate: 'nudge',
  verb: 'sent',
  version: 1,
  subjectField: 'nudgeId',
  schema: nudgeSentSchema,
  description:
    'A reminder went out (e.g. the cadence slipped, or in response to an alert). Evaluation checks whether pairs ' +
    'recover after a nudge.',
  example: {
    nudgeId: 'ae2f3a4b-5c6d-4e7f-8a8b-9c0d1e2f3aee',
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    programId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c33',
    recipientId: '6c9d2e4f-8a1b-4c3d-9e5f-7a8b9c0d1e02',
    matchId: '4e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a88',
    alertId: 'd15c6d7e-8f9a-4b0c-9d1e-2f3a4b5c6d02',
    reason: 'alert_follow_up',
    channel: 'email',
    sentAt: '2025-04-01T08:00:00.000Z',
  },
});

/* Organisers publish for one programme role or for everyone; only training modules are completed. */
const resourceKind = { type: 'string', enum: ['training_module', 'guide', 'webinar_recording', 'tool_howto'] } as const;
const resourceAudience = {
  type: 'string',
  enum: ['mentor', 'mentee', 'all'],
  description: 'The programme role the material is for; all: every participant.',
} as const;

const resourcePublishedSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['resourceId', 'networkId', 'programId', 'kind', 'audience', 'publishedBy', 'publishedAt'],
  properties: {
    resourceId: uuid,
    networkId,
    programId: uuid,
    kind: { ...resourceKind, description: 'training_module items are the ones participants complete (the training-completion KPI).' },
    audience: resourceAudience,
    publishedBy: { ...uuid, description: 'The organizer who published it.' },
    publishedAt: instant,
  },
} as const;
export type ResourcePublishedData = FromSchema<typeof resourcePublishedSchema>;
export const resourcePublished = defineEvent<ResourcePublishedData>({
  service: 'communication',
  aggregate: 'resource',
  verb: 'published',
  version: 1,
  subjectField: 'resourceId',
  schema: resourcePublishedSchema,
  description:
    'An organiser published support material for a programme and a role (mentor training, guides, recorded ' +
    'webinars, how to use the tools). Evaluation counts the training modules each role is expected to complete.',
  example: {
    resourceId: 'bf3a4b5c-6d7e-4f8a-9b9c-0d1e2f3a4bff',
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    programId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c33',
    kind: 'training_module',
    audience: 'mentor',
    publishedBy: '5e8a1c3b-7d2f-4b6a-9c1e-3f5a7b9d1c22',
    publishedAt: '2025-01-25T09:00:00.000Z',
  },
});

const resourceCompletedSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['resourceId', 'networkId', 'programId', 'userId', 'role', 'completedAt'],
  properties: {
    resourceId: uuid,
    networkId,
    programId: uuid,
    userId: uuid,
    role: { ...programRole, description: 'The programme role the participant completed the module in.' },
    completedAt: instant,
  },
} as const;
export type ResourceCompletedData = FromSchema<typeof resourceCompletedSchema>;
export const resourceCompleted = defineEvent<ResourceCompletedData>({
  service: 'communication',
  aggregate: 'resource',
  verb: 'completed',
  version: 1,
  subjectField: 'resourceId',
  schema: resourceCompletedSchema,
  description:
    'A participant completed a training module (once per person and module). Evaluation feeds the training-completion ' +
    'KPI, e.g. the share of mentors trained before their first session.',
  example: {
    resourceId: 'bf3a4b5c-6d7e-4f8a-9b9c-0d1e2f3a4bff',
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    programId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c33',
    userId: '6c9d2e4f-8a1b-4c3d-9e5f-7a8b9c0d1e02',
    role: 'mentor',
    completedAt: '2025-02-02T21:00:00.000Z',
  },
});

export const COMMUNICATION_EVENTS = [
  sessionScheduled,
  sessionRescheduled,
  sessionCompleted,
  sessionCancelled,
  sessionNoShow,
  messageSent,
  gatheringRegistered,
  gatheringRegistrationCancelled,
  gatheringAttended,
  nudgeSent,
  resourcePublished,
  resourceCompleted,
] as const;
