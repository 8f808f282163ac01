import type { FeedbackRequest } from './use-feedback';

export type FeedbackForm = 'session' | 'pulse' | 'exit';
export const SCALES = ['confidence', 'communication', 'leadership', 'networkSize'] as const;
export const OUTCOMES = ['connectionsMade', 'interviews', 'offers'] as const;
export const HELPED = ['advice', 'introductions', 'cv_review', 'interview_practice', 'skills_practice', 'career_planning', 'encouragement', 'other'] as const;

/** What the person has entered so far; nothing is dropped when the service refuses it. */
export interface FeedbackDraft {
  satisfaction: string | null;
  nps: string | null;
  helped: string[];
  scales: Record<(typeof SCALES)[number], string | null>;
  outcomes: Record<(typeof OUTCOMES)[number], string>;
  comment: string;
}

export const EMPTY_DRAFT: FeedbackDraft = {
  satisfaction: null,
  nps: null,
  helped: [],
  scales: { confidence: null, communication: null, leadership: null, networkSize: null },
  outcomes: { connectionsMade: '', interviews: '', offers: '' },
  comment: '',
};

/** The fields each form shows, in the service's paths, so its problems land beside them. */
export function fieldsOf(form: FeedbackForm): string[] {
  const common = ['satisfaction', 'comment'];
  if (form === 'session') return [...common, 'helped'];
  const survey = [...common, 'nps', 'scales', ...SCALES.map((scale) => `scales.${scale}`)];
  return form === 'pulse' ? survey : [...survey, 'outcomes', ...OUTCOMES.map((outcome) => `outcomes.${outcome}`)];
}

const numberOrAbsent = (value: string | null) => (value === null || value.trim() === '' ? undefined : Number(value));

/**
 * The body sent for a draft. A question left blank is sent blank, not
 * guessed: the service names what it requires, beside the field. The pulse's
 * scales are optional as a whole: sent once any of them is answered.
 */
export function payloadOf(form: FeedbackForm, target: string, draft: FeedbackDraft): FeedbackRequest {
  const comment = draft.comment.trim() === '' ? undefined : draft.comment;
  const base = { form, satisfaction: numberOrAbsent(draft.satisfaction), comment };
  if (form === 'session') return { ...base, sessionId: target, helped: draft.helped.length > 0 ? draft.helped : undefined } as FeedbackRequest;
  const anyScale = SCALES.some((scale) => draft.scales[scale] !== null);
  const scales = form === 'exit' || anyScale ? Object.fromEntries(SCALES.map((scale) => [scale, numberOrAbsent(draft.scales[scale])])) : undefined;
  const outcomes = form === 'exit' ? Object.fromEntries(OUTCOMES.map((outcome) => [outcome, numberOrAbsent(draft.outcomes[outcome])])) : undefined;
  return { ...base, programId: target, nps: numberOrAbsent(draft.nps), scales, outcomes } as FeedbackRequest;
}
