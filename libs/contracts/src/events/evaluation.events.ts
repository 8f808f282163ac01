import type { FromSchema } from 'json-schema-to-ts';
import { defineEvent } from '../event-definition';
import { instant, likert, networkId, pairFields, pairRequired, programRole, selfAssessment, uuid } from './common-fields.schema';

const count = { type: 'integer', minimum: 0, maximum: 1000 } as const;

/*
 * One event for the three feedback forms (PRODUCT.md: feedback after each
 * session, a pulse survey mid-programme, an exit survey): the KPIs read the
 * same satisfaction/NPS fields whatever the form. Free-text comments stay in
 * evaluation's database: they are personal and no consumer needs them.
 */
const matchId = { ...uuid, description: 'The pair the answer is about (required for session feedback).' } as const;
const sessionId = { ...uuid, description: 'Required for session feedback.' } as const;
const nps = { type: 'integer', minimum: 0, maximum: 10, description: 'Likelihood to recommend; required for pulse and exit.' } as const;
const scales = { ...selfAssessment, description: 'Same scales as the baseline; required for exit, optional for pulse.' } as const;
const outcomes = {
  type: 'object',
  additionalProperties: false,
  required: ['connectionsMade', 'interviews', 'offers'],
  description: 'Networking and job outcomes since the programme started; required for exit.',
  properties: { connectionsMade: count, interviews: count, offers: count },
} as const;

const feedbackSubmittedSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['feedbackId', 'networkId', 'programId', 'respondentId', 'respondentRole', 'form', 'satisfaction', 'submittedAt'],
  properties: {
    feedbackId: uuid,
    networkId,
    programId: uuid,
    matchId,
    sessionId,
    respondentId: uuid,
    respondentRole: programRole,
    form: { type: 'string', enum: ['session', 'pulse', 'exit'] },
    satisfaction: { ...likert, description: '1 (very dissatisfied) to 5 (very satisfied).' },
    nps,
    scales,
    outcomes,
    submittedAt: instant,
  },
  // Each `then` restates its properties for Ajv's strictRequired, which only looks within one subschema.
  allOf: [
    {
      if: { properties: { form: { const: 'session' } } },
      then: { properties: { matchId, sessionId }, required: ['matchId', 'sessionId'] },
    },
    { if: { properties: { form: { const: 'pulse' } } }, then: { properties: { nps }, required: ['nps'] } },
    {
      if: { properties: { form: { const: 'exit' } } },
      then: { properties: { nps, scales, outcomes }, required: ['nps', 'scales', 'outcomes'] },
    },
  ],
} as const;
export type FeedbackSubmittedData = FromSchema<typeof feedbackSubmittedSchema>;
export const feedbackSubmitted = defineEvent<FeedbackSubmittedData>({
  service: 'evaluation',
  aggregate: 'feedback',
  verb: 'submitted',
  version: 1,
  subjectField: 'feedbackId',
  schema: feedbackSubmittedSchema,
  description:
    'A participant answered a session feedback, pulse or exit survey. Evaluation projections (satisfaction, NPS, ' +
    'baseline → exit deltas, outcomes) and integrators (data warehouse) consume it.',
  example: {
    feedbackId: 'c04b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c01',
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    programId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c33',
    matchId: '4e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a88',
    respondentId: '0b7f7d3e-2c4a-4f5e-8d6c-1a2b3c4d5e01',
    respondentRole: 'mentee',
    form: 'exit',
    satisfaction: 5,
    nps: 9,
    scales: { confidence: 4, communication: 4, leadership: 3, networkSize: 3 },
    outcomes: { connectionsMade: 6, interviews: 3, offers: 1 },
    submittedAt: '2025-08-25T19:00:00.000Z',
  },
});

const alertFields = { alertId: uuid, ...pairFields } as const;
const alertRequired = ['alertId', ...pairRequired] as const;

const alertSeverity = { type: 'string', enum: ['warning', 'critical'] } as const;
const reasonMeasure = { observed: { type: 'number', minimum: 0 }, threshold: { type: 'number', minimum: 0 } } as const;
const reasonUnits =
  'Units of observed/threshold: cadence_slipped, no_first_session, goal_stalled, no_messages: days; ' +
  'repeated_no_show: count; low_satisfaction: mean rating 1–5.';

/** `alert.raised` of one version: the same payload but for the reason codes it can express. */
function alertRaisedSchemaWith<const Codes extends readonly string[]>(codes: Codes, unitsNote: string) {
  return {
    type: 'object',
    additionalProperties: false,
    required: [...alertRequired, 'severity', 'reasons', 'raisedAt'],
    properties: {
      ...alertFields,
      severity: alertSeverity,
      reasons: {
        type: 'array',
        minItems: 1,
        maxItems: 10,
        description: 'Every at-risk rule that fired, with the measured value and the threshold it crossed.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['code', 'observed', 'threshold'],
          properties: { code: { type: 'string', enum: codes, description: unitsNote }, ...reasonMeasure },
        },
      },
      raisedAt: instant,
    },
  } as const;
}

/** The reasons `alert.raised.v1` can express (a producer drops the others from its v1 copy). */
export const ALERT_RAISED_V1_REASON_CODES = ['cadence_slipped', 'no_first_session', 'repeated_no_show', 'low_satisfaction', 'goal_stalled', 'no_messages'] as const;
const alertRaisedSchema = alertRaisedSchemaWith(ALERT_RAISED_V1_REASON_CODES, reasonUnits);
export type AlertRaisedData = FromSchema<typeof alertRaisedSchema>;

const alertExample = {
  alertId: 'd15c6d7e-8f9a-4b0c-9d1e-2f3a4b5c6d02',
  networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
  programId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c33',
  matchId: '4e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a88',
  mentorId: '6c9d2e4f-8a1b-4c3d-9e5f-7a8b9c0d1e02',
  menteeId: '0b7f7d3e-2c4a-4f5e-8d6c-1a2b3c4d5e01',
} as const;

export const alertRaised = defineEvent<AlertRaisedData>({
  service: 'evaluation',
  aggregate: 'alert',
  verb: 'raised',
  version: 1,
  subjectField: 'alertId',
  schema: alertRaisedSchema,
  description:
    'A pair is at risk. Communication acts on it (nudges the pair, tells the organisers). ' +
    'Deprecated since 2026-11-27: superseded by passerelle.evaluation.alert.raised.v2, which can name every reason (reschedule_declined). ' +
    'Published beside v2, for the same alert (same alertId), until at least 2027-05-27, with only the reasons v1 can express, ' +
    'and not at all for an alert whose reasons v1 cannot express.',
  example: {
    ...alertExample,
    severity: 'warning',
    reasons: [{ code: 'cadence_slipped', observed: 31, threshold: 21 }],
    raisedAt: '2025-03-31T06:00:00.000Z',
  },
});

/*
 * v2: a reason code v1's schema refuses is a breaking change (docs/integrators.md,
 * Versions and deprecation), so the declined-reschedule streak comes as a new version.
 */
const alertRaisedV2Schema = alertRaisedSchemaWith(
  [...ALERT_RAISED_V1_REASON_CODES, 'reschedule_declined'] as const,
  `${reasonUnits} reschedule_declined: count of sessions whose move the other participant declined (cancelled instead of confirming) since the pair's last held session.`,
);
export type AlertRaisedV2Data = FromSchema<typeof alertRaisedV2Schema>;
export const alertRaisedV2 = defineEvent<AlertRaisedV2Data>({
  service: 'evaluation',
  aggregate: 'alert',
  verb: 'raised',
  version: 2,
  subjectField: 'alertId',
  schema: alertRaisedV2Schema,
  description:
    'A pair is at risk. Communication acts on it (nudges the pair, tells the organisers). ' +
    'v1 with the reason reschedule_declined added; v1 keeps being published beside it during its deprecation period (same alertId: act on one of the two).',
  example: {
    ...alertExample,
    severity: 'critical',
    reasons: [
      { code: 'cadence_slipped', observed: 31, threshold: 21 },
      { code: 'reschedule_declined', observed: 2, threshold: 2 },
    ],
    raisedAt: '2025-03-31T06:00:00.000Z',
  },
});

const resolvedBy = { ...uuid, description: 'The organiser, when resolution is organizer_action.' } as const;
const alertResolvedSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...alertRequired, 'resolution', 'resolvedAt'],
  properties: {
    ...alertFields,
    resolution: {
      type: 'string',
      enum: ['back_on_track', 'organizer_action', 'match_ended'],
      description: 'back_on_track: the rules no longer fire; organizer_action: closed by hand; match_ended: nothing left to fix.',
    },
    resolvedBy,
    resolvedAt: instant,
  },
  if: { properties: { resolution: { const: 'organizer_action' } } },
  // `then` restates the property for Ajv's strictRequired, which only looks within one subschema.
  then: { properties: { resolvedBy }, required: ['resolvedBy'] },
} as const;
export type AlertResolvedData = FromSchema<typeof alertResolvedSchema>;
export const alertResolved = defineEvent<AlertResolvedData>({
  service: 'evaluation',
  aggregate: 'alert',
  verb: 'resolved',
  version: 1,
  subjectField: 'alertId',
  schema: alertResolvedSchema,
  description: 'An alert closed. Communication stops its follow-up reminders.',
  example: {
    ...alertExample,
    resolution: 'back_on_track',
    resolvedAt: '2025-04-09T06:00:00.000Z',
  },
});

export const EVALUATION_EVENTS = [feedbackSubmitted, alertRaised, alertRaisedV2, alertResolved] as const;
