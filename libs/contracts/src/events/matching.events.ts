import type { FromSchema } from 'json-schema-to-ts';
import { defineEvent } from '../event-definition';
import { instant, networkId, pairFields, pairRequired, uuid } from './common-fields.schema';

/*
 * Every match event repeats the pair (programme, mentor, mentee): PRODUCT.md
 * warns that a consumer may see match.ended before match.proposed, so each
 * event must be usable on its own.
 */

const points = { type: 'integer', minimum: 0, maximum: 100000 } as const;
const criterion = {
  type: 'string',
  enum: ['skills', 'interests', 'industry', 'objectives', 'availability', 'time_zone', 'seniority'],
} as const;
const hardConstraint = {
  type: 'string',
  enum: ['common_language', 'availability_overlap', 'not_excluded', 'not_same_employer', 'not_matched_before', 'seniority_gap'],
} as const;

const roundId = { ...uuid, description: 'Present when origin is round.' } as const;
const matchProposedSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...pairRequired, 'origin', 'score', 'proposedAt'],
  properties: {
    ...pairFields,
    origin: {
      type: 'string',
      enum: ['round', 'mentee_choice', 'organizer'],
      description: 'round: computed by a matching round; mentee_choice: the mentee requested a suggested mentor; organizer: set by hand.',
    },
    roundId,
    rank: { type: 'integer', minimum: 1, description: 'Position of the suggestion the mentee picked (mentee_choice).' },
    respondBy: { ...instant, description: 'mentee_choice: the request expires (declined by the system) if the mentor has not answered by then.' },
    score: {
      type: 'object',
      additionalProperties: false,
      required: ['total', 'maxTotal', 'breakdown', 'constraints'],
      description: "Why this pair (PRODUCT.md: every proposal carries its score breakdown), under the programme's scoring model.",
      properties: {
        total: { ...points, description: 'Sum of the points of every criterion.' },
        maxTotal: { ...points, description: 'The most a pair could score under the model (the sum of the weights).' },
        breakdown: {
          type: 'array',
          maxItems: 10,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['criterion', 'points', 'maxPoints'],
            properties: { criterion, points, maxPoints: { ...points, description: "The criterion's weight in the model." } },
          },
        },
        constraints: {
          type: 'array',
          maxItems: 10,
          description: 'The hard constraints checked, and whether each held (an organizer may override one by hand).',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['constraint', 'held'],
            properties: { constraint: hardConstraint, held: { type: 'boolean' } },
          },
        },
      },
    },
    proposedAt: instant,
  },
  if: { properties: { origin: { const: 'round' } } },
  // `then` restates the property for Ajv's strictRequired, which only looks within one subschema.
  then: { properties: { roundId }, required: ['roundId'] },
} as const;
export type MatchProposedData = FromSchema<typeof matchProposedSchema>;
export const matchProposed = defineEvent<MatchProposedData>({
  service: 'matching',
  aggregate: 'match',
  verb: 'proposed',
  version: 1,
  subjectField: 'matchId',
  schema: matchProposedSchema,
  description:
    'A mentor–mentee pair was proposed, with its score breakdown. Communication notifies both sides; ' +
    'evaluation counts proposals for the acceptance rate.',
  example: {
    matchId: '4e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a88',
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    programId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c33',
    mentorId: '6c9d2e4f-8a1b-4c3d-9e5f-7a8b9c0d1e02',
    menteeId: '0b7f7d3e-2c4a-4f5e-8d6c-1a2b3c4d5e01',
    origin: 'round',
    roundId: '5f7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b99',
    score: {
      total: 612,
      maxTotal: 1000,
      breakdown: [
        { criterion: 'skills', points: 280, maxPoints: 350 },
        { criterion: 'interests', points: 60, maxPoints: 100 },
        { criterion: 'industry', points: 150, maxPoints: 150 },
        { criterion: 'objectives', points: 72, maxPoints: 200 },
        { criterion: 'availability', points: 50, maxPoints: 100 },
        { criterion: 'time_zone', points: 0, maxPoints: 50 },
        { criterion: 'seniority', points: 0, maxPoints: 50 },
      ],
      constraints: [
        { constraint: 'common_language', held: true },
        { constraint: 'availability_overlap', held: true },
        { constraint: 'not_excluded', held: true },
        { constraint: 'not_matched_before', held: true },
      ],
    },
    proposedAt: '2025-02-05T10:00:00.000Z',
  },
});

const matchRequestExpiringSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...pairRequired, 'respondBy', 'remindedAt'],
  properties: {
    ...pairFields,
    respondBy: { ...instant, description: 'When the request expires if the mentor has not answered.' },
    remindedAt: instant,
  },
} as const;
export type MatchRequestExpiringData = FromSchema<typeof matchRequestExpiringSchema>;
export const matchRequestExpiring = defineEvent<MatchRequestExpiringData>({
  service: 'matching',
  aggregate: 'match',
  verb: 'request_expiring',
  version: 1,
  subjectField: 'matchId',
  schema: matchRequestExpiringSchema,
  description: "A mentee's request still waits for the mentor's answer and expires soon. Communication reminds the mentor (once).",
  example: {
    matchId: '4e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a88',
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    programId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c33',
    mentorId: '6c9d2e4f-8a1b-4c3d-9e5f-7a8b9c0d1e02',
    menteeId: '0b7f7d3e-2c4a-4f5e-8d6c-1a2b3c4d5e01',
    respondBy: '2025-02-08T10:00:00.000Z',
    remindedAt: '2025-02-07T10:00:00.000Z',
  },
});

const matchAcceptedSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...pairRequired, 'acceptedAt'],
  properties: { ...pairFields, acceptedAt: { ...instant, description: 'When the second side accepted.' } },
} as const;
export type MatchAcceptedData = FromSchema<typeof matchAcceptedSchema>;
export const matchAccepted = defineEvent<MatchAcceptedData>({
  service: 'matching',
  aggregate: 'match',
  verb: 'accepted',
  version: 1,
  subjectField: 'matchId',
  schema: matchAcceptedSchema,
  description:
    'Both sides accepted: the match is active. Communication opens the private conversation; evaluation starts ' +
    'the pair-health projection (time to first session, cadence).',
  example: {
    matchId: '4e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a88',
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    programId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c33',
    mentorId: '6c9d2e4f-8a1b-4c3d-9e5f-7a8b9c0d1e02',
    menteeId: '0b7f7d3e-2c4a-4f5e-8d6c-1a2b3c4d5e01',
    acceptedAt: '2025-02-06T08:15:00.000Z',
  },
});

const matchDeclinedSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...pairRequired, 'declinedBy', 'declinedAt'],
  properties: {
    ...pairFields,
    declinedBy: {
      type: 'string',
      enum: ['mentor', 'mentee', 'organizer', 'system'],
      description: 'system: a request expired, or a participant withdrew or erased their account before answering.',
    },
    reason: {
      type: 'string',
      enum: ['no_availability', 'not_a_fit', 'other', 'expired', 'organizer_decision', 'participant_withdrew', 'participant_erased', 'program_closed'],
    },
    declinedAt: instant,
  },
} as const;
export type MatchDeclinedData = FromSchema<typeof matchDeclinedSchema>;
export const matchDeclined = defineEvent<MatchDeclinedData>({
  service: 'matching',
  aggregate: 'match',
  verb: 'declined',
  version: 1,
  subjectField: 'matchId',
  schema: matchDeclinedSchema,
  description:
    'A proposal was declined (by a side, cancelled by an organizer, or expired); the mentee returns to the pool and this pair is not ' +
    'proposed again. Evaluation counts it against the acceptance rate.',
  example: {
    matchId: '4e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a88',
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    programId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c33',
    mentorId: '6c9d2e4f-8a1b-4c3d-9e5f-7a8b9c0d1e02',
    menteeId: '0b7f7d3e-2c4a-4f5e-8d6c-1a2b3c4d5e01',
    declinedBy: 'mentor',
    reason: 'no_availability',
    declinedAt: '2025-02-06T09:00:00.000Z',
  },
});

const matchEndedSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...pairRequired, 'endedBy', 'reason', 'early', 'endedAt'],
  properties: {
    ...pairFields,
    endedBy: { type: 'string', enum: ['mentor', 'mentee', 'organizer', 'system'] },
    reason: {
      type: 'string',
      enum: ['program_closed', 'participant_request', 'organizer_decision', 'participant_withdrew', 'participant_erased'],
    },
    early: { type: 'boolean', description: 'Ended before the programme end date; the mentee can be matched again.' },
    endedAt: instant,
  },
} as const;
export type MatchEndedData = FromSchema<typeof matchEndedSchema>;
export const matchEnded = defineEvent<MatchEndedData>({
  service: 'matching',
  aggregate: 'match',
  verb: 'ended',
  version: 1,
  subjectField: 'matchId',
  schema: matchEndedSchema,
  description:
    'An active match ended. Communication closes the conversation and cancels future sessions; evaluation ' +
    'closes the pair in its projections and resolves its open alerts.',
  example: {
    matchId: '4e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a88',
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    programId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c33',
    mentorId: '6c9d2e4f-8a1b-4c3d-9e5f-7a8b9c0d1e02',
    menteeId: '0b7f7d3e-2c4a-4f5e-8d6c-1a2b3c4d5e01',
    endedBy: 'system',
    reason: 'program_closed',
    early: false,
    endedAt: '2025-08-31T18:00:05.000Z',
  },
});

const count = { type: 'integer', minimum: 0 } as const;
const roundCompletedSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'roundId',
    'networkId',
    'programId',
    'menteeCount',
    'mentorCount',
    'matchedCount',
    'unmatched',
    'totalScore',
    'mentorLoad',
    'solveMs',
    'startedBy',
    'startedAt',
    'completedAt',
  ],
  properties: {
    roundId: uuid,
    networkId,
    programId: uuid,
    menteeCount: { ...count, description: 'Unmatched mentees the round considered.' },
    mentorCount: { ...count, description: 'Mentors with remaining capacity the round considered.' },
    matchedCount: { ...count, description: 'Proposals made: the most mentees any assignment could match under the hard constraints.' },
    unmatched: {
      type: 'object',
      additionalProperties: false,
      required: ['noFeasibleMentor', 'mentorsFull'],
      description: 'Why mentees were left unmatched.',
      properties: {
        noFeasibleMentor: { ...count, description: 'No mentor passes the hard constraints with them.' },
        mentorsFull: { ...count, description: 'Feasible mentors exist, but their capacity went to other mentees.' },
      },
    },
    totalScore: { ...count, description: 'Sum of the proposals\' scores: the most possible for that many matches (certified optimal).' },
    minScore: { ...count, description: 'Lowest proposal score; absent when nothing was matched.' },
    meanScore: { type: 'number', minimum: 0, description: 'Mean proposal score; absent when nothing was matched.' },
    mentorLoad: {
      type: 'object',
      additionalProperties: false,
      required: ['min', 'max', 'mean'],
      description: 'Mentees proposed per mentor considered (load spread).',
      properties: { min: count, max: count, mean: { type: 'number', minimum: 0 } },
    },
    solveMs: { ...count, description: 'Wall-clock time to score every pair, solve and certify optimality.' },
    startedBy: { ...uuid, description: 'The organiser who ran the round.' },
    startedAt: instant,
    completedAt: instant,
  },
} as const;
export type RoundCompletedData = FromSchema<typeof roundCompletedSchema>;
export const roundCompleted = defineEvent<RoundCompletedData>({
  service: 'matching',
  aggregate: 'round',
  verb: 'completed',
  version: 1,
  subjectField: 'roundId',
  schema: roundCompletedSchema,
  description: 'A matching round finished, with its statistics. Evaluation feeds the matched-rate KPI; organisers see the summary.',
  example: {
    roundId: '5f7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b99',
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    programId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c33',
    menteeCount: 42,
    mentorCount: 30,
    matchedCount: 40,
    unmatched: { noFeasibleMentor: 1, mentorsFull: 1 },
    totalScore: 25_120,
    minScore: 310,
    meanScore: 628,
    mentorLoad: { min: 0, max: 2, mean: 1.33 },
    solveMs: 85,
    startedBy: '5e8a1c3b-7d2f-4b6a-9c1e-3f5a7b9d1c22',
    startedAt: '2025-02-05T09:59:58.000Z',
    completedAt: '2025-02-05T10:00:01.000Z',
  },
});

export const MATCHING_EVENTS = [matchProposed, matchRequestExpiring, matchAccepted, matchDeclined, matchEnded, roundCompleted] as const;
