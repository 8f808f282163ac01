import { generateInstance } from '../../scoring/domain/instance-generator';
import { defaultModel } from '../../scoring/domain/scoring-model';
import { computeRound, type RoundInput } from './round-computation';

describe('computeRound', () => {
  const instance = generateInstance({ mentees: 60, mentors: 25, seed: 11 });
  const input: RoundInput = {
    mentees: instance.mentees,
    mentors: instance.mentors,
    capacities: instance.mentors.map((mentor) => mentor.capacity ?? 0),
    model: defaultModel(instance.objectives),
    objectives: instance.objectives,
    previousPairs: instance.previousPairs,
    loadBalancing: false,
  };

  it('proposes feasible pairs within capacity, explains each, and accounts for every mentee', () => {
    const output = computeRound(input);
    expect(output.proposals).toHaveLength(output.matchedCount);
    expect(output.matchedCount + output.unmatched.noFeasibleMentor + output.unmatched.mentorsFull).toBe(input.mentees.length);
    const load = new Map<number, number>();
    for (const proposal of output.proposals) {
      load.set(proposal.mentor, (load.get(proposal.mentor) ?? 0) + 1);
      expect(proposal.score.constraints.every((constraint) => constraint.held)).toBe(true);
      expect(proposal.score.breakdown.reduce((sum, item) => sum + item.points, 0)).toBe(proposal.score.total);
    }
    for (const [mentor, taken] of load) expect(taken).toBeLessThanOrEqual(input.capacities[mentor]);
    expect(output.totalScore).toBe(output.proposals.reduce((sum, proposal) => sum + proposal.score.total, 0));
    expect(output.minScore).toBe(Math.min(...output.proposals.map((proposal) => proposal.score.total)));
    expect(output.duals.menteeValue).toHaveLength(input.mentees.length);
    expect(output.duals.mentorPrice).toHaveLength(input.mentors.length);
  });

  it('gives the same proposals for the same input, and spreads load when asked', () => {
    const again = computeRound(input);
    expect(again.proposals).toEqual(computeRound(input).proposals);
    const balanced = computeRound({ ...input, loadBalancing: true });
    expect(balanced.matchedCount).toBe(again.matchedCount);
    expect(balanced.mentorLoad.max).toBeLessThanOrEqual(again.mentorLoad.max);
    expect(balanced.totalScore).toBeLessThanOrEqual(again.totalScore);
  });

  it('handles an empty pool', () => {
    const output = computeRound({ ...input, mentees: [], mentors: [], capacities: [] });
    expect(output).toMatchObject({ proposals: [], matchedCount: 0, unmatched: { noFeasibleMentor: 0, mentorsFull: 0 }, totalScore: 0, minScore: null, meanScore: null });
    expect(output.mentorLoad).toEqual({ min: 0, max: 0, mean: 0 });
    const noMentors = computeRound({ ...input, mentors: [], capacities: [] });
    expect(noMentors.unmatched.noFeasibleMentor).toBe(input.mentees.length);
  });
});
