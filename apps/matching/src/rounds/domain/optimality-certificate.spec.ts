import { checkCertificate } from './optimality-certificate';
import { type RoundProblem, scorerFromPairFunction } from './round-problem';
import { type RoundSolution, solveRound } from './round-solver';
import { syntheticRoundProblem } from './synthetic-round-problem';

/**
 * checkCertificate is the proof's referee: it must accept the solver's
 * certificate and reject any tampering, each time naming what is wrong.
 */
describe('checkCertificate', () => {
  const problem = syntheticRoundProblem({ menteeCount: 120, mentorCount: 40, seed: 11, capacity: { min: 0, max: 3 }, loadPenalty: [0, 80, 200] });
  const solved = solveRound(problem);

  /** A copy of the solution whose arrays can be changed without touching the original. */
  function copy(solution: RoundSolution): RoundSolution {
    return {
      ...solution,
      mentorOf: solution.mentorOf.slice(),
      certificate: { ...solution.certificate, menteeValue: solution.certificate.menteeValue.slice(), mentorPrice: solution.certificate.mentorPrice.slice() },
    };
  }

  it("accepts the solver's certificate: zero gap, no violating pair", () => {
    const check = checkCertificate(problem, solved);
    expect(check).toMatchObject({ ok: true, gap: 0, violatingPairs: 0, firstViolation: null, problems: [] });
    expect(check.primalValue).toBe(solved.certificate.primalValue);
    expect(check.dualValue).toBe(check.primalValue);
  });

  it('finds the pair a lowered mentor price leaves uncovered', () => {
    // Lower the price of a mentor holding a mentee: that mentee's own pair is tight, so it now beats the prices by 1.
    const mentee = solved.mentorOf.findIndex((j) => j >= 0);
    const mentor = solved.mentorOf[mentee];
    const tampered = copy(solved);
    tampered.certificate.mentorPrice[mentor] -= 1;
    const check = checkCertificate(problem, tampered);
    expect(check.ok).toBe(false);
    expect(check.violatingPairs).toBeGreaterThan(0);
    expect(check.firstViolation).not.toBeNull();
    expect(check.problems).toContain(`${check.violatingPairs} feasible pair(s) beat the prices`);
    expect(check.firstViolation!.shortfall).toBeGreaterThanOrEqual(1);
  });

  it('reports the duality gap when a mentee value is raised (still feasible, no longer optimal-proving)', () => {
    const tampered = copy(solved);
    tampered.certificate.menteeValue[0] += 5;
    const check = checkCertificate(problem, tampered);
    expect(check.ok).toBe(false);
    expect(check.gap).toBe(5);
    expect(check.violatingPairs).toBe(0);
    expect(check.problems).toContain('duality gap is 5, not 0');
  });

  it('rejects negative or fractional duals', () => {
    const negative = copy(solved);
    negative.certificate.menteeValue[3] = -1;
    expect(checkCertificate(problem, negative).problems).toContain('menteeValue[3] = -1 is negative');
    const fractional = copy(solved);
    fractional.certificate.mentorPrice[2] += 0.5;
    expect(checkCertificate(problem, fractional).problems[0]).toMatch(/^mentorPrice\[2\] = .* is not a whole number/);
  });

  it('rejects an assignment that breaks a hard constraint or a capacity, or misstates its totals', () => {
    const small: RoundProblem = {
      menteeCount: 3,
      mentorCapacity: [1, 1],
      maxScore: 10,
      scorer: scorerFromPairFunction((i, j) => [[5, -1], [4, 3], [2, 2]][i][j]),
    };
    const solution = solveRound(small);
    expect(checkCertificate(small, solution).ok).toBe(true);

    const infeasible = copy(solution);
    infeasible.mentorOf[0] = 1;
    expect(checkCertificate(small, infeasible).problems).toContain('mentee 0 is assigned to mentor 1 although a hard constraint fails');

    const crowded = copy(solution);
    crowded.mentorOf.fill(0, 0, 3);
    expect(checkCertificate(small, crowded).problems).toContain('mentor 0 holds 3 mentees for a capacity of 1');

    const boasting = { ...copy(solution), totalScore: solution.totalScore + 1 };
    expect(checkCertificate(small, boasting).problems).toContain(`totalScore is ${solution.totalScore + 1}, the assignment scores ${solution.totalScore}`);
  });

  it('recomputes the lexicographic weight from the input instead of trusting the certificate', () => {
    const tampered = copy(solved);
    const wrong = { ...tampered, certificate: { ...tampered.certificate, lexicographicWeight: tampered.certificate.lexicographicWeight - 1 } };
    expect(checkCertificate(problem, wrong).problems[0]).toMatch(/^lexicographicWeight is/);
  });
});
