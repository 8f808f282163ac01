import { enrollmentSubmitted, validateEventData } from '@passerelle/contracts';
import type { Candidate } from './candidate';
import { generateInstance, seededRandom } from './instance-generator';

const share = (people: readonly Candidate[], test: (candidate: Candidate) => boolean) => people.filter(test).length / people.length;

describe('seededRandom', () => {
  it('repeats its sequence for a seed, stays in [0, 1) and differs between seeds', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(first.reduce((sum, x) => sum + x, 0) / first.length).toBeCloseTo(0.5, 1);
    expect(seededRandom(43)()).not.toBe(first[0]);
  });
});

describe('generateInstance', () => {
  const big = generateInstance({ mentees: 3000, mentors: 1200, seed: 2025 });
  const everyone = [...big.mentees, ...big.mentors];

  it('gives the same instance for the same options, and another for another seed', () => {
    const options = { mentees: 120, mentors: 50, seed: 7 };
    expect(generateInstance(options)).toEqual(generateInstance(options));
    expect(generateInstance({ ...options, seed: 8 }).mentees).not.toEqual(generateInstance(options).mentees);
  });

  it('produces candidates whose enrolment events pass the published schema', () => {
    for (const candidate of [...big.mentees.slice(0, 300), ...big.mentors.slice(0, 300)]) {
      const data = {
        enrollmentId: '8b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d44',
        networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
        programId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c33',
        userId: candidate.userId,
        role: candidate.role,
        templateVersion: 1,
        ...(candidate.capacity === undefined ? {} : { capacity: candidate.capacity }),
        features: candidate.features,
        excludedUserIds: candidate.excludedUserIds,
        baseline: { confidence: 3, communication: 3, leadership: 3, networkSize: 2 },
        submittedAt: '2025-01-20T19:45:00.000Z',
      };
      expect([candidate.userId, validateEventData(enrollmentSubmitted, data)]).toEqual([candidate.userId, { valid: true }]);
    }
  });

  it('has the requested sizes, roles, unique ids and mentor capacities of 1–5 (mostly 1–2)', () => {
    expect([big.mentees.length, big.mentors.length]).toEqual([3000, 1200]);
    expect(big.mentees.every((c) => c.role === 'mentee' && c.capacity === undefined)).toBe(true);
    expect(big.mentors.every((c) => c.role === 'mentor' && Number.isInteger(c.capacity) && c.capacity! >= 1 && c.capacity! <= 5)).toBe(true);
    expect(new Set(big.mentors.map((c) => c.capacity)).size).toBe(5);
    expect(share(big.mentors, (c) => c.capacity! <= 2)).toBeGreaterThan(0.55);
    expect(new Set(everyone.map((c) => c.userId)).size).toBe(4200);
  });

  it('has one dominant language (~85 %) and minorities', () => {
    expect(share(everyone, (c) => c.features.languages.includes('fr'))).toBeGreaterThan(0.82);
    expect(share(everyone, (c) => c.features.languages.includes('fr'))).toBeLessThan(0.88);
    expect(share(everyone, (c) => !c.features.languages.includes('fr'))).toBeGreaterThan(0.1);
    expect(new Set(everyone.flatMap((c) => c.features.languages)).size).toBeGreaterThanOrEqual(8);
  });

  it('skews skills and interests within fields (Zipf): a field’s first terms are named far more than its tail', () => {
    const count = (values: string[], pattern: RegExp) => values.filter((value) => pattern.test(value)).length;
    const offered = big.mentors.flatMap((c) => c.features.skillsOffered.map((s) => s.id));
    expect(count(offered, /-skill-0$/)).toBeGreaterThan(5 * count(offered, /-skill-20$/));
    const interests = everyone.flatMap((c) => c.features.interests);
    expect(count(interests, /^hobby-0$/)).toBeGreaterThan(5 * count(interests, /^hobby-20$/));
    // Fields: most of a person's skills come from one field.
    const fieldsOf = (c: Candidate) => new Set(c.features.skillsOffered.map((s) => s.id.split('-')[0]));
    expect(share(big.mentors, (c) => fieldsOf(c).size <= 2)).toBeGreaterThan(0.6);
  });

  it('places most people in one time zone, free a few evening and weekend hours', () => {
    expect(share(everyone, (c) => c.features.availability.timeZone === 'Europe/Paris')).toBeGreaterThan(0.7);
    const wellFormed = (slots: readonly number[]) =>
      slots.length > 0 && slots.every((slot, k) => Number.isInteger(slot) && slot >= 0 && slot < 168 && (k === 0 || slot > slots[k - 1]));
    expect(everyone.filter((c) => !wellFormed(c.features.availability.weeklySlotsUtc)).map((c) => c.userId)).toEqual([]);
    const sizes = everyone.map((c) => c.features.availability.weeklySlotsUtc.length);
    expect(sizes.reduce((sum, size) => sum + size, 0) / sizes.length).toBeGreaterThan(3);
    expect(sizes.reduce((sum, size) => sum + size, 0) / sizes.length).toBeLessThan(15);
  });

  it('gives mentees 0–3 years of experience and mentors 3–30, and some pairs a shared employer', () => {
    expect(big.mentees.every((c) => c.features.experienceYears! >= 0 && c.features.experienceYears! <= 3)).toBe(true);
    expect(big.mentors.every((c) => c.features.experienceYears! >= 3 && c.features.experienceYears! <= 30)).toBe(true);
    const mentorEmployers = new Set(big.mentors.map((c) => c.features.employerKey).filter((key) => key !== null));
    expect(big.mentees.filter((c) => c.features.employerKey !== null && mentorEmployers.has(c.features.employerKey)).length).toBeGreaterThan(50);
  });

  it('declares a few conflicts on both sides and a few previous matches, all naming people of the other side', () => {
    const menteeIds = new Set(big.mentees.map((c) => c.userId));
    const mentorIds = new Set(big.mentors.map((c) => c.userId));
    const byMentees = big.mentees.flatMap((c) => c.excludedUserIds);
    const byMentors = big.mentors.flatMap((c) => c.excludedUserIds);
    expect(byMentees.length).toBeGreaterThan(10);
    expect(byMentors.length).toBeGreaterThan(1);
    expect(byMentees.every((id) => mentorIds.has(id))).toBe(true);
    expect(byMentors.every((id) => menteeIds.has(id))).toBe(true);
    expect(big.previousPairs.length).toBeGreaterThan(20);
    expect(big.previousPairs.every(([e, r]) => menteeIds.has(e) && mentorIds.has(r))).toBe(true);
  });

  it('fills only what the programme’s survey asks', () => {
    const jobSearch = generateInstance({ mentees: 200, mentors: 100, seed: 3, objectives: ['job_search'] });
    expect(jobSearch.objectives).toEqual(['job_search']);
    const all = [...jobSearch.mentees, ...jobSearch.mentors];
    expect(all.every((c) => c.features.skillsWanted.length === 0 && c.features.skillsOffered.length === 0)).toBe(true);
    expect(all.every((c) => c.features.contactKinds.length === 0 && c.features.networkSize === null)).toBe(true);
    expect(all.every((c) => c.features.targetRoles.length > 0)).toBe(true);
    expect(jobSearch.mentees.every((c) => c.features.targetIndustries.length > 0)).toBe(true);
    expect(big.objectives).toEqual(['job_search', 'networking', 'skills']);
    expect(big.mentees.every((c) => c.features.skillsWanted.length >= 1 && c.features.skillsWanted.length <= 5)).toBe(true);
  });
});
