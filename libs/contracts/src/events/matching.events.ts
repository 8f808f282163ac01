import type { FromSchema } from 'json-schema-to-ts';
import { defineEvent } from '../event-definition';
import { instant, networkId, pairFields, pairRequired, uuid } from './common-fields.schema';

/*
 * Every match event repeats the pair (programme, mentor, mentee): PRODUCT.md
 * warns that a consumer may see match.ended before match.proposed, so each
 * event must be usable on its own.
 */

const unitInterval = { type: 'number', minimum: 0, maximum: 1 } as const;

const roundId = { ...uuid, description: 'Present when origin is round.' } as const;
const matchProposedSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...pairRequired, 'origin', 'score', 'proposedAt'],
  properties: {
    ...pairFields,
    origin: {
      type: 'string',
      enum: ['round', 'mentee_choice'],
      description: 'round: computed by a matching round; mentee_choice: the mentee picked a ranked suggestion.',
    },
    roundId,
    rank: { type: 'integer', minimum: 1, description: 'Position of the suggestion the mentee picked (mentee_choice).' },
    score: {
      type: 'object',
      additionalProperties: false,
      required: ['total', 'breakdown'],
      description: 'Why this pair: PRODUCT.md requires every proposal to carry its score breakdown.',
      properties: {
        total: { ...unitInterval, description: 'Sum of the contributions.' },
        breakdown: {
          type: 'array',
          minItems: 1,
          maxItems: 10,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['criterion', 'weight', 'similarity', 'contribution'],
            properties: {
              criterion: {
                type: 'string',
                enum: ['skills', 'interests', 'industry', 'languages', 'availability', 'time_zone', 'goals'],
              },
              weight: { ...unitInterval, description: "The criterion's weight in the programme's scoring model." },
              similarity: { ...unitInterval, description: 'How well the pair fits on this criterion.' },
              contribution: { ...unitInterval, description: 'weight × similarity.' },
            },
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
      total: 0.78,
      breakdown: [
        { criterion: 'skills', weight: 0.5, similarity: 0.9, contribution: 0.45 },
        { criterion: 'interests', weight: 0.2, similarity: 0.5, contribution: 0.1 },
        { criterion: 'industry', weight: 0.2, similarity: 1, contribution: 0.2 },
        { criterion: 'availability', weight: 0.1, similarity: 0.3, contribution: 0.03 },
      ],
    },
    proposedAt: '2025-02-05T10:00:00.000Z',
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
    declinedBy: { type: 'string', enum: ['mentor', 'mentee'] },
    reason: { type: 'string', enum: ['no_availability', 'not_a_fit', 'other'] },
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
  description: 'One side declined the proposal; the mentee can be proposed again. Evaluation counts it against the acceptance rate.',
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
    'mode',
    'menteeCount',
    'mentorCount',
    'proposalCount',
    'unmatchedMenteeCount',
    'startedBy',
    'startedAt',
    'completedAt',
  ],
  properties: {
    roundId: uuid,
    networkId,
    programId: uuid,
    mode: {
      type: 'string',
      enum: ['optimal_assignment', 'ranked_suggestions'],
      description: 'optimal_assignment proposes pairs; ranked_suggestions lets mentees pick.',
    },
    menteeCount: { ...count, description: 'Mentees considered.' },
    mentorCount: { ...count, description: 'Mentors with remaining capacity considered.' },
    proposalCount: { ...count, description: 'Proposals (or suggestions) produced.' },
    unmatchedMenteeCount: { ...count, description: 'Mentees no feasible mentor could take under the hard constraints.' },
    averageScore: { ...unitInterval, description: 'Mean total score of the proposals; absent when there are none.' },
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
    mode: 'optimal_assignment',
    menteeCount: 42,
    mentorCount: 30,
    proposalCount: 40,
    unmatchedMenteeCount: 2,
    averageScore: 0.71,
    startedBy: '5e8a1c3b-7d2f-4b6a-9c1e-3f5a7b9d1c22',
    startedAt: '2025-02-05T09:59:58.000Z',
    completedAt: '2025-02-05T10:00:01.000Z',
  },
});

export const MATCHING_EVENTS = [matchProposed, matchAccepted, matchDeclined, matchEnded, roundCompleted] as const;
