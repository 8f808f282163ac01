import type { PairScore } from '../../scoring/domain/pair-score';

/**
 * What "why not X?" may tell whom (docs/privacy.md, "Why not"). Organizers
 * get the precise reason. A participant asking about a pair they are not
 * matched in gets one neutral answer, whatever the reason: naming the failed
 * constraint, showing the pair's breakdown or the score it needed would tell
 * them the other person's answers (languages, availability, experience,
 * employer), their exclusions, or how other mentees fit that mentor.
 */

export type WhyNotReason = 'matched_together' | 'constraint_failed' | 'mentor_full' | 'not_in_a_round' | 'not_available';

export interface WhyNot {
  readonly menteeEnrollmentId: string;
  readonly mentorEnrollmentId: string;
  /** One sentence a person can read. */
  readonly verdict: string;
  /** not_available: the neutral answer a participant gets for every reason but matched_together. */
  readonly reason: WhyNotReason;
  /** The pair under today's model; null in the neutral answer. */
  readonly score: PairScore | null;
  /** mentor_full: the score the pair would have needed in the last round that considered both. */
  readonly neededScore: number | null;
  readonly roundId: string | null;
}

export const NOT_AVAILABLE_VERDICT = 'Not available for this pairing.';

/** The answer a participant reads: their own match as it is, anything else as the neutral not_available. */
export function participantWhyNot(answer: WhyNot): WhyNot {
  if (answer.reason === 'matched_together') return answer;
  const { menteeEnrollmentId, mentorEnrollmentId } = answer;
  return { menteeEnrollmentId, mentorEnrollmentId, reason: 'not_available', verdict: NOT_AVAILABLE_VERDICT, score: null, neededScore: null, roundId: null };
}
