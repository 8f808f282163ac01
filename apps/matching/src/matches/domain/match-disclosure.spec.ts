import { participantDisclosure } from './match-disclosure';

const constraints = [
  { constraint: 'common_language', held: true },
  { constraint: 'availability_overlap', held: true },
  { constraint: 'not_excluded', held: false },
  { constraint: 'not_same_employer', held: true },
];
const score = { total: 610, maxTotal: 1000, breakdown: [{ criterion: 'skills', points: 300, maxPoints: 300 }], constraints };
const shownConstraints = constraints.filter((check) => check.constraint !== 'not_excluded');

describe('participantDisclosure', () => {
  it('keeps the other side’s reason for declining from a participant, and their own', () => {
    const declinedByMentor = { declinedBy: 'mentor', declineReason: 'not_a_fit', score };
    expect(participantDisclosure(declinedByMentor, 'mentee')).toEqual({ declineReason: null, score: { ...score, constraints: shownConstraints } });
    expect(participantDisclosure(declinedByMentor, 'mentor').declineReason).toBe('not_a_fit');
    // The system's and the organizers' reasons are no participant's answer.
    expect(participantDisclosure({ declinedBy: 'system', declineReason: 'expired', score }, 'mentee').declineReason).toBe('expired');
    expect(participantDisclosure({ declinedBy: 'organizer', declineReason: 'organizer_decision', score }, 'mentor').declineReason).toBe('organizer_decision');
  });

  it('never lists the declared-conflict constraint, held or not, so its absence says nothing', () => {
    const held = { ...score, constraints: constraints.map((check) => ({ ...check, held: true })) };
    const views = [score, held].map((s) => participantDisclosure({ declinedBy: null, declineReason: null, score: s }, 'mentee').score.constraints.map((check) => check.constraint));
    expect(views).toEqual([
      ['common_language', 'availability_overlap', 'not_same_employer'],
      ['common_language', 'availability_overlap', 'not_same_employer'],
    ]);
    expect(participantDisclosure({ declinedBy: null, declineReason: null, score }, 'mentee').score).toMatchObject({ total: 610, maxTotal: 1000, breakdown: score.breakdown });
  });
});
