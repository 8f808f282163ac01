import { enrollmentSubmitted, enrollmentUpdated, type EnrollmentSubmittedData } from '@passerelle/contracts';
import { type Candidate, type CandidateFeatures, candidateFromEnrollment } from './candidate';
import { HARD_CONSTRAINTS, type PairContext, scorePair } from './pair-score';
import { CRITERIA, defaultModel, type ScoringModel } from './scoring-model';

const baseFeatures: CandidateFeatures = {
  skillsOffered: [],
  skillsWanted: [],
  interests: [],
  industries: ['consulting'],
  languages: ['fr', 'en'],
  availability: { timeZone: 'Europe/Paris', utcOffsetMinutes: 60, weeklySlotsUtc: [17, 18, 19, 41, 42] },
  experienceYears: 1,
  employerKey: null,
  targetRoles: [],
  targetIndustries: [],
  networkSize: null,
  contactKinds: [],
};

function mentee(features: Partial<CandidateFeatures> = {}, excludedUserIds: string[] = []): Candidate {
  return { userId: 'mentee-1', role: 'mentee', excludedUserIds, features: { ...baseFeatures, ...features } };
}

function mentor(features: Partial<CandidateFeatures> = {}, excludedUserIds: string[] = []): Candidate {
  return {
    userId: 'mentor-1',
    role: 'mentor',
    capacity: 2,
    excludedUserIds,
    features: { ...baseFeatures, languages: ['en'], availability: { ...baseFeatures.availability, weeklySlotsUtc: [18, 19, 42, 90] }, experienceYears: 10, ...features },
  };
}

const context: PairContext = { previouslyMatched: false, objectives: ['skills', 'job_search', 'networking'] };
const model: ScoringModel = {
  weights: { skills: 300, interests: 250, industry: 150, objectives: 400, availability: 200, time_zone: 100, seniority: 120 },
  constraints: { minCommonSlots: 2, excludeSameEmployer: true, minSeniorityGapYears: null },
};

const failed = (score: ReturnType<typeof scorePair>) => score.constraints.filter((check) => !check.held).map((check) => check.constraint);
const detail = (score: ReturnType<typeof scorePair>, constraint: string) => score.constraints.find((check) => check.constraint === constraint)?.detail;
const criterion = (score: ReturnType<typeof scorePair>, name: string) => score.breakdown.find((item) => item.criterion === name);

describe('hard constraints', () => {
  it('all hold for a pair with a common language, enough common hours and no conflict', () => {
    const score = scorePair(mentee(), mentor(), model, context);
    expect(score.feasible).toBe(true);
    expect(score.constraints.map((check) => check.constraint)).toEqual([...HARD_CONSTRAINTS]);
    expect(score.constraints.map((check) => [check.constraint, check.held, check.detail])).toEqual([
      ['common_language', true, 'both speak en'],
      ['availability_overlap', true, '3 common weekly hours, at least 2 required'],
      ['not_excluded', true, 'no declared conflict'],
      ['not_same_employer', true, 'no employer given on one side'],
      ['not_matched_before', true, 'never matched together'],
      ['seniority_gap', true, 'not required by the programme'],
    ]);
  });

  it('no common language', () => {
    const score = scorePair(mentee(), mentor({ languages: ['de', 'it'] }), model, context);
    expect(score.feasible).toBe(false);
    expect(failed(score)).toEqual(['common_language']);
    expect(detail(score, 'common_language')).toBe('no language in common');
  });

  it('too few common hours', () => {
    const score = scorePair(mentee(), mentor({ availability: { timeZone: 'Europe/Paris', utcOffsetMinutes: 60, weeklySlotsUtc: [19, 100, 101] } }), model, context);
    expect(failed(score)).toEqual(['availability_overlap']);
    expect(detail(score, 'availability_overlap')).toBe('1 common weekly hour, at least 2 required');
  });

  it('a conflict declared by either side rules the pair out (exclusions are symmetric)', () => {
    const byMentee = scorePair(mentee({}, ['mentor-1']), mentor(), model, context);
    const byMentor = scorePair(mentee(), mentor({}, ['mentee-1']), model, context);
    expect(failed(byMentee)).toEqual(['not_excluded']);
    expect(detail(byMentee, 'not_excluded')).toBe('the mentee declared a conflict with this mentor');
    expect(failed(byMentor)).toEqual(['not_excluded']);
    expect(detail(byMentor, 'not_excluded')).toBe('the mentor declared a conflict with this mentee');
    const both = scorePair(mentee({}, ['mentor-1']), mentor({}, ['mentee-1']), model, context);
    expect(detail(both, 'not_excluded')).toBe('the mentee declared a conflict with this mentor; the mentor declared a conflict with this mentee');
  });

  it('nobody mentors themselves', () => {
    const self = { ...mentor(), userId: 'mentee-1' };
    expect(failed(scorePair(mentee(), self, model, context))).toEqual(['not_excluded']);
    expect(detail(scorePair(mentee(), self, model, context), 'not_excluded')).toBe('the same person cannot mentor themselves');
  });

  it('the same employer, when the programme says so', () => {
    const key = 'a'.repeat(32);
    const same = scorePair(mentee({ employerKey: key }), mentor({ employerKey: key }), model, context);
    expect(failed(same)).toEqual(['not_same_employer']);
    expect(detail(same, 'not_same_employer')).toBe('same employer');
    const allowed = { ...model, constraints: { ...model.constraints, excludeSameEmployer: false } };
    const off = scorePair(mentee({ employerKey: key }), mentor({ employerKey: key }), allowed, context);
    expect(off.feasible).toBe(true);
    expect(detail(off, 'not_same_employer')).toBe('not required by the programme');
    expect(detail(scorePair(mentee({ employerKey: key }), mentor({ employerKey: 'b'.repeat(32) }), model, context), 'not_same_employer')).toBe('different employers');
  });

  it('matched before', () => {
    const score = scorePair(mentee(), mentor(), model, { ...context, previouslyMatched: true });
    expect(failed(score)).toEqual(['not_matched_before']);
    expect(detail(score, 'not_matched_before')).toBe('matched together in an earlier round');
  });

  it('a seniority gap the programme requires; an unknown experience cannot show it', () => {
    const demanding = { ...model, constraints: { ...model.constraints, minSeniorityGapYears: 12 } };
    const short = scorePair(mentee(), mentor(), demanding, context);
    expect(failed(short)).toEqual(['seniority_gap']);
    expect(detail(short, 'seniority_gap')).toBe('the mentor has 9 years more experience; at least 12 years more required');
    expect(scorePair(mentee(), mentor({ experienceYears: 13 }), demanding, context).feasible).toBe(true);
    const unknown = scorePair(mentee({ experienceYears: null }), mentor(), demanding, context);
    expect(failed(unknown)).toEqual(['seniority_gap']);
    expect(detail(unknown, 'seniority_gap')).toBe('experience not given on one side; a gap of 12 years is required');
  });

  it('lists every failed constraint at once and still scores the pair, so "why not?" can tell them apart', () => {
    const score = scorePair(mentee({}, ['mentor-1']), mentor({ languages: ['de'] }), model, { ...context, previouslyMatched: true });
    expect(failed(score)).toEqual(['common_language', 'not_excluded', 'not_matched_before']);
    expect(score.total).toBe(scorePair(mentee(), mentor(), model, context).total);
  });
});

describe('criteria', () => {
  const rich = (): [Candidate, Candidate] => [
    mentee({
      skillsWanted: [
        { id: 'sql', level: 4 },
        { id: 'pitching', level: 5 },
        { id: 'excel', level: 3 },
      ],
      interests: ['chess', 'climate', 'jazz', 'running'],
      industries: ['energy'],
      targetRoles: ['consulting', 'finance'],
      targetIndustries: ['banking'],
      contactKinds: ['recruiters', 'entrepreneurs', 'researchers'],
      networkSize: 1,
    }),
    mentor({
      skillsOffered: [
        { id: 'sql', level: 5 },
        { id: 'pitching', level: 3 },
        { id: 'negotiation', level: 4 },
      ],
      interests: ['jazz', 'running', 'sailing'],
      industries: ['energy', 'banking'],
      availability: { timeZone: 'America/Montreal', utcOffsetMinutes: -300, weeklySlotsUtc: [18, 19, 42, 90] },
      targetRoles: ['consulting', 'legal'],
      targetIndustries: [],
      contactKinds: ['recruiters'],
      networkSize: 4,
    }),
  ];

  it('gives each criterion its points out of its weight, and the total is their sum', () => {
    const [e, r] = rich();
    const score = scorePair(e, r, model, context);
    expect(score.breakdown.map(({ criterion: name, points, maxPoints }) => [name, points, maxPoints])).toEqual([
      // sql fully (60), pitching 3/5 (36), excel not offered: 96 of 180 units.
      ['skills', 160, 300],
      // jazz, running shared of 5 distinct: 2/5.
      ['interests', 100, 250],
      // energy shared; the mentee names one industry.
      ['industry', 150, 150],
      // 100 per part: roles 1/2 → 50, target industries 1/1 (the mentor's own) → 100, contacts 1/3 → 33, network 4/5 → 3/4 → 75.
      ['objectives', 258, 400],
      // 3 common hours (18, 19, 42); full credit from 2 + 4 = 6.
      ['availability', 100, 200],
      // Paris (UTC+1) and Montreal (UTC−5): 6 hours of 12.
      ['time_zone', 50, 100],
      // 9 more years: in the preferred 5–15.
      ['seniority', 120, 120],
    ]);
    expect(score.total).toBe(160 + 100 + 150 + 258 + 100 + 50 + 120);
    expect(score.maxTotal).toBe(1520);
    expect(criterion(score, 'skills')?.similarity).toBeCloseTo(96 / 180, 12);
    expect(criterion(score, 'objectives')?.similarity).toBeCloseTo((1 / 2 + 1 + 1 / 3 + 3 / 4) / 4, 12);
    expect(criterion(score, 'skills')?.detail).toBe('of 3 wanted skills, 1 offered at the level aimed at, 1 at a lower level');
    expect(criterion(score, 'interests')?.detail).toBe('2 shared interests (mentee lists 4, mentor 3)');
    expect(criterion(score, 'objectives')?.detail).toBe("target roles 1/2; target industries 1/1; contact kinds 1/3; mentor's network 4/5");
    expect(criterion(score, 'time_zone')?.detail).toBe('6 h apart');
    expect(criterion(score, 'seniority')?.detail).toBe('the mentor has 9 years more experience (best from 5 to 15 more)');
  });

  it('keeps every breakdown within its maximum and adds up, whatever the pair', () => {
    const [e, r] = rich();
    for (const pair of [
      [e, r],
      [mentee(), mentor()],
      [e, mentor()],
      [mentee(), r],
    ] as const) {
      const score = scorePair(pair[0], pair[1], defaultModel(context.objectives), context);
      expect(score.breakdown.map((item) => item.criterion)).toEqual([...CRITERIA]);
      expect(score.breakdown.reduce((sum, item) => sum + item.points, 0)).toBe(score.total);
      for (const item of score.breakdown) {
        expect(Number.isInteger(item.points)).toBe(true);
        expect(item.points).toBeGreaterThanOrEqual(0);
        expect(item.points).toBeLessThanOrEqual(item.maxPoints);
        expect(item.similarity).toBeGreaterThanOrEqual(0);
        expect(item.similarity).toBeLessThanOrEqual(1);
      }
      expect(score.maxTotal).toBe(1000);
    }
  });

  it('gives nothing for what one side left unanswered, and says so', () => {
    const score = scorePair(mentee({ experienceYears: null }), mentor(), model, context);
    expect(criterion(score, 'skills')).toMatchObject({ points: 0, applicable: false, detail: 'the mentee wants no particular skill' });
    expect(criterion(score, 'interests')).toMatchObject({ points: 0, applicable: false });
    expect(criterion(score, 'seniority')).toMatchObject({ points: 0, applicable: false, detail: 'experience not given on one side' });
    const skillsOnly = scorePair(mentee(), mentor(), model, { ...context, objectives: ['skills'] });
    expect(criterion(skillsOnly, 'objectives')).toMatchObject({ points: 0, maxPoints: 400, applicable: false });
  });

  it('only reads the objectives parts of the programme', () => {
    const [e, r] = rich();
    const jobSearch = scorePair(e, r, model, { ...context, objectives: ['job_search'] });
    // 200 per part: roles 1/2 → 100, target industries 1/1 → 200.
    expect(criterion(jobSearch, 'objectives')).toMatchObject({ points: 300, detail: 'target roles 1/2; target industries 1/1' });
    const networking = scorePair(e, r, model, { ...context, objectives: ['networking'] });
    // contacts 1/3 of 200 → 67, network 3/4 of 200 → 150.
    expect(criterion(networking, 'objectives')).toMatchObject({ points: 217 });
  });

  it('credits overlap up to the full-credit hours, and the seniority curve beyond 15 years', () => {
    const wide = { timeZone: 'Europe/Paris', utcOffsetMinutes: 60, weeklySlotsUtc: [1, 2, 3, 4, 5, 6, 7, 8] };
    const score = scorePair(mentee({ availability: wide }), mentor({ availability: wide, experienceYears: 26 }), model, context);
    expect(criterion(score, 'availability')).toMatchObject({ points: 200, similarity: 1, detail: '8 common weekly hours; full credit from 6' });
    // 25 more years: 60 − 2 × 10 = 40 of 60.
    expect(criterion(score, 'seniority')).toMatchObject({ points: 80, detail: 'the mentor has 25 years more experience (best from 5 to 15 more)' });
  });

  it('refuses a pair given in the wrong order', () => {
    expect(() => scorePair(mentor(), mentee(), model, context)).toThrow(RangeError);
  });
});

describe('candidates from enrolment events', () => {
  it('reads the contract’s enrolment payloads as they are', () => {
    const submitted: EnrollmentSubmittedData = enrollmentSubmitted.example;
    const features: CandidateFeatures = submitted.features;
    expect(candidateFromEnrollment(submitted)).toEqual({ userId: submitted.userId, role: 'mentee', excludedUserIds: [], features });
    const updated = enrollmentUpdated.example;
    expect(candidateFromEnrollment(updated)).toMatchObject({ userId: updated.userId, role: 'mentor', capacity: 2 });
    const score = scorePair(candidateFromEnrollment(submitted), candidateFromEnrollment(updated), defaultModel(['job_search', 'networking']), {
      previouslyMatched: false,
      objectives: ['job_search', 'networking'],
    });
    expect(score.feasible).toBe(true);
  });
});
