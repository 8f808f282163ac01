/**
 * The score of one mentee–mentor pair with its explanation (PRODUCT.md,
 * lifecycle step 3: "Every proposal carries its score breakdown, so a person
 * can see why"; issue "Matching", item 2: "points per criterion out of its
 * maximum, and which hard constraints held", and "Why not X?"). This is the
 * readable reference: the compiled pool scores whole rounds with the same
 * integer formulas (similarity.ts) and must agree with it to the point.
 */
import type { Candidate, CandidateFeatures, ProgramObjective } from './candidate';
import { CRITERIA, type Criterion, type ScoringModel } from './scoring-model';
import {
  availabilityFullCreditSlots,
  availabilityUnits,
  experienceOf,
  type ObjectivePart,
  objectiveParts,
  PREFERRED_GAP_YEARS,
  ratioPoints,
  REACH_UNITS,
  reachUnits,
  SENIORITY_UNITS,
  seniorityUnits,
  SKILL_UNITS,
  skillCoverageUnits,
  levelsById,
  splitWeight,
  TIME_ZONE_SPAN_MINUTES,
  timeZoneDistanceMinutes,
  timeZoneUnits,
  validSlots,
} from './similarity';

export const HARD_CONSTRAINTS = [
  'common_language',
  'availability_overlap',
  'not_excluded',
  'not_same_employer',
  'not_matched_before',
  'seniority_gap',
] as const;
export type HardConstraint = (typeof HARD_CONSTRAINTS)[number];

export interface ConstraintCheck {
  readonly constraint: HardConstraint;
  readonly held: boolean;
  /** Why it held or failed, in words an organiser can repeat to a participant (no other person's data). */
  readonly detail: string;
}

export interface CriterionScore {
  readonly criterion: Criterion;
  /** Whole points, 0…maxPoints: round(maxPoints × similarity), see ratioPoints. */
  readonly points: number;
  /** The criterion's weight in the model. */
  readonly maxPoints: number;
  /** 0…1. */
  readonly similarity: number;
  /**
   * False when one side gave nothing to compare (a mentee who wants no skill,
   * an unknown experience): the criterion then gives no points. Withholding
   * an answer never earns points, so nobody gains by leaving questions blank.
   */
  readonly applicable: boolean;
  readonly detail: string;
}

export interface PairScore {
  /** Every hard constraint held: the pair may be proposed. */
  readonly feasible: boolean;
  /** All six, in HARD_CONSTRAINTS order, failed or not, so "why not?" lists every reason at once. */
  readonly constraints: readonly ConstraintCheck[];
  /**
   * The sum of the breakdown's points. Computed for infeasible pairs too, so
   * "why not X?" can tell a constraint apart from a low score; a round only
   * ever uses the total of a feasible pair.
   */
  readonly total: number;
  readonly maxTotal: number;
  /** One entry per criterion, in CRITERIA order. */
  readonly breakdown: readonly CriterionScore[];
}

export interface PairContext {
  /** The pair was matched in an earlier round of the programme (PRODUCT.md: "not matched before"). */
  readonly previouslyMatched: boolean;
  readonly objectives: readonly ProgramObjective[];
}

const countCommon = <T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number => {
  let common = 0;
  for (const value of a) if (b.has(value)) common += 1;
  return common;
};
const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
const gapText = (gap: number): string =>
  gap === 0 ? 'the mentor has as much experience as the mentee' : `the mentor has ${plural(Math.abs(gap), 'year')} ${gap > 0 ? 'more' : 'less'} experience`;
const ratio = (numerator: number, denominator: number): number => (denominator <= 0 ? 0 : numerator / denominator);

/** Scores `mentee` with `mentor` under `model`. Pure; throws only when the roles are swapped (a caller's bug). */
export function scorePair(mentee: Candidate, mentor: Candidate, model: ScoringModel, context: PairContext): PairScore {
  if (mentee.role !== 'mentee' || mentor.role !== 'mentor') throw new RangeError('scorePair takes a mentee, then a mentor');
  const e = mentee.features;
  const r = mentor.features;
  const { constraints: rules, weights } = model;

  const menteeSlots = validSlots(e.availability.weeklySlotsUtc);
  const mentorSlots = validSlots(r.availability.weeklySlotsUtc);
  const commonSlots = countCommon(menteeSlots, mentorSlots);
  const menteeYears = experienceOf(e.experienceYears);
  const mentorYears = experienceOf(r.experienceYears);

  const constraints: ConstraintCheck[] = [
    languageCheck(e, r),
    {
      constraint: 'availability_overlap',
      held: commonSlots >= rules.minCommonSlots,
      detail: `${plural(commonSlots, 'common weekly hour')}, at least ${rules.minCommonSlots} required`,
    },
    exclusionCheck(mentee, mentor),
    employerCheck(e, r, rules.excludeSameEmployer),
    {
      constraint: 'not_matched_before',
      held: !context.previouslyMatched,
      detail: context.previouslyMatched ? 'matched together in an earlier round' : 'never matched together',
    },
    seniorityCheck(menteeYears, mentorYears, rules.minSeniorityGapYears),
  ];

  const fullCredit = availabilityFullCreditSlots(rules.minCommonSlots);
  const byCriterion: Record<Criterion, Omit<CriterionScore, 'criterion' | 'maxPoints'>> = {
    skills: skillsScore(e, r, weights.skills),
    interests: setScore(weights.interests, new Set(e.interests), new Set(r.interests), 'jaccard', 'interest'),
    industry: setScore(weights.industry, new Set(e.industries), new Set(r.industries), 'overlap', 'industry'),
    objectives: objectivesScore(e, r, weights.objectives, context.objectives),
    availability: {
      points: ratioPoints(weights.availability, availabilityUnits(commonSlots, fullCredit), fullCredit),
      similarity: ratio(availabilityUnits(commonSlots, fullCredit), fullCredit),
      applicable: menteeSlots.size > 0 && mentorSlots.size > 0,
      detail: `${plural(commonSlots, 'common weekly hour')}; full credit from ${fullCredit}`,
    },
    time_zone: timeZoneScore(e, r, weights.time_zone),
    seniority: seniorityScore(menteeYears, mentorYears, weights.seniority),
  };
  const breakdown = CRITERIA.map((criterion) => ({ criterion, maxPoints: weights[criterion], ...byCriterion[criterion] }));
  return {
    feasible: constraints.every((check) => check.held),
    constraints,
    total: breakdown.reduce((sum, item) => sum + item.points, 0),
    maxTotal: breakdown.reduce((sum, item) => sum + item.maxPoints, 0),
    breakdown,
  };
}

function languageCheck(e: CandidateFeatures, r: CandidateFeatures): ConstraintCheck {
  const mentorLanguages = new Set(r.languages);
  const common = [...new Set(e.languages)].filter((language) => mentorLanguages.has(language)).sort();
  return {
    constraint: 'common_language',
    held: common.length > 0,
    detail: common.length > 0 ? `both speak ${common.join(', ')}` : 'no language in common',
  };
}

/** Exclusions are symmetric: either side's declaration rules the pair out (PRODUCT.md: "not my own manager"). */
function exclusionCheck(mentee: Candidate, mentor: Candidate): ConstraintCheck {
  const reasons: string[] = [];
  if (mentee.userId === mentor.userId) reasons.push('the same person cannot mentor themselves');
  if (mentee.excludedUserIds.includes(mentor.userId)) reasons.push('the mentee declared a conflict with this mentor');
  if (mentor.excludedUserIds.includes(mentee.userId)) reasons.push('the mentor declared a conflict with this mentee');
  return { constraint: 'not_excluded', held: reasons.length === 0, detail: reasons.length === 0 ? 'no declared conflict' : reasons.join('; ') };
}

function employerCheck(e: CandidateFeatures, r: CandidateFeatures, required: boolean): ConstraintCheck {
  const same = e.employerKey !== null && e.employerKey === r.employerKey;
  let detail: string;
  if (!required) detail = 'not required by the programme';
  else if (same) detail = 'same employer';
  else if (e.employerKey === null || r.employerKey === null) detail = 'no employer given on one side';
  else detail = 'different employers';
  return { constraint: 'not_same_employer', held: !(required && same), detail };
}

/** An unknown experience cannot show the gap the programme asks for, so it fails a required gap. */
function seniorityCheck(menteeYears: number | null, mentorYears: number | null, minGap: number | null): ConstraintCheck {
  if (minGap === null) return { constraint: 'seniority_gap', held: true, detail: 'not required by the programme' };
  if (menteeYears === null || mentorYears === null) {
    return { constraint: 'seniority_gap', held: false, detail: `experience not given on one side; a gap of ${plural(minGap, 'year')} is required` };
  }
  const gap = mentorYears - menteeYears;
  return {
    constraint: 'seniority_gap',
    held: gap >= minGap,
    detail: `${gapText(gap)}; at least ${plural(minGap, 'year')} more required`,
  };
}

type Scored = Omit<CriterionScore, 'criterion' | 'maxPoints'>;

function skillsScore(e: CandidateFeatures, r: CandidateFeatures, weight: number): Scored {
  const wanted = levelsById(e.skillsWanted);
  const offered = levelsById(r.skillsOffered);
  let units = 0;
  let full = 0;
  let partly = 0;
  for (const [id, level] of wanted) {
    const mentorLevel = offered.get(id) ?? 0;
    units += skillCoverageUnits(mentorLevel, level);
    if (mentorLevel >= level) full += 1;
    else if (mentorLevel > 0) partly += 1;
  }
  const denominator = SKILL_UNITS * wanted.size;
  return {
    points: ratioPoints(weight, units, denominator),
    similarity: ratio(units, denominator),
    applicable: wanted.size > 0 && offered.size > 0,
    detail:
      wanted.size === 0
        ? 'the mentee wants no particular skill'
        : `of ${plural(wanted.size, 'wanted skill')}, ${full} offered at the level aimed at, ${partly} at a lower level`,
  };
}

/**
 * Interests: Jaccard (shared over all listed), so listing everything does not
 * make a mentor close to everyone. Industry: overlap coefficient (shared over
 * the shorter list), since people name one to three industries and a mentor
 * in one of the mentee's is a full match whatever else they list.
 */
function setScore(weight: number, a: ReadonlySet<string>, b: ReadonlySet<string>, kind: 'jaccard' | 'overlap', noun: string): Scored {
  const common = countCommon(a, b);
  const denominator = kind === 'jaccard' ? a.size + b.size - common : Math.min(a.size, b.size);
  const nouns = noun === 'industry' ? (common === 1 ? 'industry' : 'industries') : `${noun}${common === 1 ? '' : 's'}`;
  return {
    points: ratioPoints(weight, common, denominator),
    similarity: ratio(common, denominator),
    applicable: a.size > 0 && b.size > 0,
    detail: `${common} shared ${nouns} (mentee lists ${a.size}, mentor ${b.size})`,
  };
}

/** A part of the objectives criterion as a ratio; `label` names it in the detail. */
interface PartRatio {
  readonly numerator: number;
  readonly denominator: number;
  readonly label: string;
}

/** Coverage of what the mentee aims at: the share of the mentee's list the mentor's covers. */
function coverage(wanted: readonly string[], offered: Iterable<string>, label: string): PartRatio {
  const a = new Set(wanted);
  const common = countCommon(a, new Set(offered));
  return { numerator: common, denominator: a.size, label: `${label} ${common}/${a.size}` };
}

function objectivePart(part: ObjectivePart, e: CandidateFeatures, r: CandidateFeatures): PartRatio {
  switch (part) {
    case 'target_roles':
      return coverage(e.targetRoles, r.targetRoles, 'target roles');
    case 'target_industries':
      // A mentor knows their own industry from the inside as well as those they listed besides it.
      return coverage(e.targetIndustries, [...r.industries, ...r.targetIndustries], 'target industries');
    case 'contact_kinds':
      return coverage(e.contactKinds, r.contactKinds, 'contact kinds');
    case 'network_reach': {
      const units = reachUnits(r.networkSize);
      return { numerator: units, denominator: REACH_UNITS, label: `mentor's network ${r.networkSize === null ? 'not given' : `${units + 1}/5`}` };
    }
  }
}

function objectivesScore(e: CandidateFeatures, r: CandidateFeatures, weight: number, objectives: readonly ProgramObjective[]): Scored {
  const parts = objectiveParts(objectives);
  if (parts.length === 0) return { points: 0, similarity: 0, applicable: false, detail: 'no objective of the programme has parts to compare' };
  const shares = splitWeight(weight, parts.length);
  const ratios = parts.map((part) => objectivePart(part, e, r));
  return {
    points: ratios.reduce((sum, part, index) => sum + ratioPoints(shares[index], part.numerator, part.denominator), 0),
    similarity: ratios.reduce((sum, part) => sum + ratio(part.numerator, part.denominator), 0) / parts.length,
    applicable: true,
    detail: ratios.map((part) => part.label).join('; '),
  };
}

function timeZoneScore(e: CandidateFeatures, r: CandidateFeatures, weight: number): Scored {
  const a = e.availability.utcOffsetMinutes;
  const b = r.availability.utcOffsetMinutes;
  const distance = timeZoneDistanceMinutes(a, b);
  const hours = Math.floor(distance / 60);
  const minutes = distance % 60;
  return {
    points: ratioPoints(weight, timeZoneUnits(a, b), TIME_ZONE_SPAN_MINUTES),
    similarity: timeZoneUnits(a, b) / TIME_ZONE_SPAN_MINUTES,
    applicable: true,
    detail: distance === 0 ? 'same UTC offset' : `${hours} h${minutes === 0 ? '' : ` ${minutes} min`} apart`,
  };
}

function seniorityScore(menteeYears: number | null, mentorYears: number | null, weight: number): Scored {
  if (menteeYears === null || mentorYears === null) return { points: 0, similarity: 0, applicable: false, detail: 'experience not given on one side' };
  const gap = mentorYears - menteeYears;
  const units = seniorityUnits(gap);
  return {
    points: ratioPoints(weight, units, SENIORITY_UNITS),
    similarity: units / SENIORITY_UNITS,
    applicable: true,
    detail: `${gapText(gap)} (best from ${PREFERRED_GAP_YEARS.min} to ${PREFERRED_GAP_YEARS.max} more)`,
  };
}
