/**
 * Field schemas shared by every event, so the same concept has the same name
 * and the same rules everywhere. Naming convention: `...Id` is a UUID,
 * `...At` an RFC 3339 instant (when a fact happened), `...On` a calendar date.
 */

export const uuid = { type: 'string', format: 'uuid' } as const;
export const instant = { type: 'string', format: 'date-time' } as const;
export const calendarDate = { type: 'string', format: 'date' } as const;

/** The tenant, repeated in every payload: consumers and the DLT need it when headers are stripped. */
export const networkId = { ...uuid, description: 'The network (tenant); equals the ce_networkid header.' } as const;

export const uuidList = { type: 'array', items: uuid, uniqueItems: true, maxItems: 100 } as const;

/** Controlled-vocabulary term (a skill, an interest, an industry): matching compares them exactly. */
export const tag = { type: 'string', pattern: '^[a-z0-9]+(?:[-_][a-z0-9]+)*$', minLength: 1, maxLength: 64 } as const;
export const tagList = { type: 'array', items: tag, uniqueItems: true, maxItems: 30 } as const;

/** PRODUCT.md: objectives are any of job_search, networking, skills. */
export const programObjective = { type: 'string', enum: ['job_search', 'networking', 'skills'] } as const;

/** Mentor and mentee are roles within a programme (PRODUCT.md, Roles). */
export const programRole = { type: 'string', enum: ['mentor', 'mentee'] } as const;

export const accountRole = {
  type: 'string',
  enum: ['platform_admin', 'organizer', 'mentor', 'mentee', 'integrator'],
} as const;

/** A 1–5 self-assessment or rating. */
export const likert = { type: 'integer', minimum: 1, maximum: 5 } as const;

/** The baseline self-assessment; the exit survey repeats the same scales so deltas can be computed. */
export const selfAssessment = {
  type: 'object',
  additionalProperties: false,
  required: ['confidence', 'communication', 'leadership', 'networkSize'],
  properties: { confidence: likert, communication: likert, leadership: likert, networkSize: likert },
} as const;

/** What the consumer of a match/session event needs to attribute it to a pair without a lookup. */
export const pairFields = {
  networkId,
  programId: uuid,
  matchId: uuid,
  mentorId: { ...uuid, description: "The mentor's user id." },
  menteeId: { ...uuid, description: "The mentee's user id." },
} as const;
export const pairRequired = ['networkId', 'programId', 'matchId', 'mentorId', 'menteeId'] as const;
