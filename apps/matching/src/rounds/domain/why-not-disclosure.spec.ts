import { enrollmentSubmitted } from '@passerelle/contracts';
import type { Candidate, CandidateFeatures } from '../../scoring/domain/candidate';
import { scorePair } from '../../scoring/domain/pair-score';
import { defaultModel } from '../../scoring/domain/scoring-model';
import { NOT_AVAILABLE_VERDICT, participantWhyNot, type WhyNot } from './why-not-disclosure';

const { features } = enrollmentSubmitted.example as { features: CandidateFeatures };
const mentee: Candidate = { userId: 'mentee-1', role: 'mentee', excludedUserIds: [], features };
const mentor = (excludedUserIds: string[], languages = ['fr']): Candidate => ({
  userId: 'mentor-1',
  role: 'mentor',
  capacity: 1,
  excludedUserIds,
  features: { ...features, languages, experienceYears: 12 },
});
const scored = (of: Candidate) => scorePair(mentee, of, defaultModel(['job_search']), { objectives: ['job_search'], previouslyMatched: false });
const ids = { menteeEnrollmentId: 'e-1', mentorEnrollmentId: 'e-2' };
const NEUTRAL = { ...ids, reason: 'not_available', verdict: NOT_AVAILABLE_VERDICT, score: null, neededScore: null, roundId: null };

describe('participantWhyNot', () => {
  it('answers a mentee whom the mentor excluded without any trace of the exclusion', () => {
    const score = scored(mentor(['mentee-1']));
    const precise: WhyNot = { ...ids, reason: 'constraint_failed', verdict: 'A hard constraint fails: the mentor declared a conflict with this mentee.', score, neededScore: null, roundId: null };
    expect(score.constraints.find((check) => check.constraint === 'not_excluded')).toEqual({ constraint: 'not_excluded', held: false, detail: 'the mentor declared a conflict with this mentee' });
    const told = participantWhyNot(precise);
    expect(told).toEqual(NEUTRAL);
    expect(JSON.stringify(told)).not.toMatch(/exclu|conflict|constraint/i);
  });

  it('gives every other reason the same neutral answer, so the answer cannot tell them apart', () => {
    const answers: WhyNot[] = [
      { ...ids, reason: 'constraint_failed', verdict: 'A hard constraint fails: no language in common.', score: scored(mentor([], ['de'])), neededScore: null, roundId: null },
      { ...ids, reason: 'mentor_full', verdict: "In round r-1 the mentor's places went to mentees who fit better.", score: scored(mentor([])), neededScore: 812, roundId: 'r-1' },
      { ...ids, reason: 'not_in_a_round', verdict: 'No round has considered both of them yet.', score: scored(mentor([])), neededScore: null, roundId: null },
    ];
    expect(answers.map(participantWhyNot)).toEqual([NEUTRAL, NEUTRAL, NEUTRAL]);
  });

  it('leaves a participant their own match as it is', () => {
    const together: WhyNot = { ...ids, reason: 'matched_together', verdict: 'They are matched together (active).', score: scored(mentor([])), neededScore: null, roundId: 'r-1' };
    expect(participantWhyNot(together)).toBe(together);
  });
});
