/**
 * The SMART check of a participant's goal (PRODUCT.md, lifecycle step 2:
 * "Mentees set goals that must pass the SMART check (specific, measurable,
 * achievable, relevant to an objective, time-bound within the programme)"),
 * and the progress of a goal towards its target (step 5: "goal progress").
 *
 * Every criterion is judged and reported, so a participant fixes everything in
 * one go, with the reason and the field to change. A criterion passes only
 * when it could actually be verified: one that depends on a field another
 * criterion rejected (no known metric, no numeric target) fails too, saying so.
 * Pure: no I/O, no framework, no clock (today comes from the caller).
 */
import { isCalendarDate, PROGRAM_OBJECTIVES, type ProgramObjective } from '../../programs/domain/program';
import { goalMetric, GOAL_METRICS, type GoalMetric, metricsServing } from './goal-metrics';

export type { ProgramObjective } from '../../programs/domain/program';
export { GOAL_METRICS, goalMetric, type GoalMetric } from './goal-metrics';

export const SMART_CRITERIA = ['specific', 'measurable', 'achievable', 'relevant', 'time_bound'] as const;
export type SmartCriterion = (typeof SMART_CRITERIA)[number];

export interface GoalDraft {
  /** The outcome in the participant's words. */
  readonly title: string;
  /** Should be one of the programme's objectives. */
  readonly objective: string;
  /** An id of GOAL_METRICS. */
  readonly metric: string;
  readonly targetValue: number;
  /** Where the participant starts; 0 when omitted. The target must be above it. */
  readonly baselineValue?: number;
  /** Calendar date, YYYY-MM-DD. */
  readonly dueOn: string;
}

/** The programme the goal belongs to, and the caller's today. Dates YYYY-MM-DD. */
export interface GoalContext {
  readonly programObjectives: readonly ProgramObjective[];
  readonly startsOn: string;
  readonly endsOn: string;
  readonly today: string;
}

export interface CriterionResult {
  readonly criterion: SmartCriterion;
  readonly passed: boolean;
  /** Why it failed and what to do; absent when passed. */
  readonly reason?: string;
  /** The GoalDraft field to change when failed; the field the criterion chiefly reads when passed. */
  readonly path: string;
}

export const TITLE_LENGTH = { min: 10, max: 200 } as const;
/** Distinct words carrying meaning a title needs: "an outcome" is at least what, of what, for/where. */
export const MIN_CONTENT_WORDS = 3;
const DAYS_PER_MONTH = 30;

const EXAMPLE_TITLE = "e.g. 'obtain three interviews for data analyst roles'";

/** Always five results, in SMART order. */
export function checkSmartGoal(goal: GoalDraft, context: GoalContext): CriterionResult[] {
  for (const key of ['startsOn', 'endsOn', 'today'] as const) {
    // The context comes from the stored programme and the clock, not from the
    // participant: a bad date there is a bug in the caller, not a goal problem.
    if (!isCalendarDate(context[key])) throw new RangeError(`GoalContext.${key} must be a calendar date (YYYY-MM-DD), got "${context[key]}"`);
  }
  const metric = goalMetric(goal.metric);
  return [
    checkSpecific(goal),
    checkMeasurable(goal, metric),
    checkAchievable(goal, metric, context),
    checkRelevant(goal, metric, context),
    checkTimeBound(goal, context),
  ];
}

export function smartFailures(results: readonly CriterionResult[]): CriterionResult[] {
  return results.filter((result) => !result.passed);
}

/**
 * Progress from baseline to target as a whole percentage, clamped to 0–100.
 * 100 is kept for an achieved goal: 199 of 200 applications rounds to 99, not
 * to a "100 %" that the participant has not reached yet. A value below the
 * baseline (a level that went down) shows 0, never a negative progress.
 */
export function goalProgress(goal: { baselineValue: number; targetValue: number }, valueReached: number): { progressPercent: number; achieved: boolean } {
  const { baselineValue, targetValue } = goal;
  if (![baselineValue, targetValue, valueReached].every(Number.isFinite)) {
    throw new RangeError('goalProgress needs finite baseline, target and value reached');
  }
  const achieved = valueReached >= targetValue;
  // A stored goal passed the SMART check, so target > baseline; guard anyway
  // rather than divide by zero or by a negative span.
  if (targetValue <= baselineValue) return { progressPercent: achieved ? 100 : 0, achieved };
  if (achieved) return { progressPercent: 100, achieved };
  const percent = Math.round(((valueReached - baselineValue) / (targetValue - baselineValue)) * 100);
  return { progressPercent: Math.min(99, Math.max(0, percent)), achieved };
}

// ---------------------------------------------------------------- specific

// Words that carry no outcome on their own. Titles are compared without case
// or accents, so "Général" and "general" are one word; single letters (the
// "l'" and "d'" of French elisions) never count as content.
const STOP_WORDS = new Set(
  normalizeAll([
    // English
    'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'so', 'to', 'of', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'into', 'onto', 'about',
    'as', 'than', 'then', 'up', 'out', 'over', 'per', 'via', 'i', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'you', 'your', 'it', 'its',
    'this', 'that', 'these', 'those', 'is', 'are', 'am', 'was', 'were', 'be', 'been', 'being', 'do', 'does', 'did', 'doing', 'done', 'have',
    'has', 'had', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'want', 'wants', 'wish', 'hope', 'like', 'need',
    'make', 'making', 'all', 'any', 'each', 'every', 'which', 'who', 'what', 'how', 'when', 'where', 'why', 'not', 'no', 'very', 'too', 'also',
    'just', 'really', 'own', 'don', 'doesn', 'won', 'll', 've', 're',
    // French
    'le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'et', 'ou', 'mais', 'donc', 'or', 'ni', 'car', 'à', 'au', 'aux', 'en', 'dans', 'sur',
    'sous', 'pour', 'par', 'avec', 'sans', 'chez', 'vers', 'entre', 'ce', 'cet', 'cette', 'ces', 'mon', 'ma', 'mes', 'ton', 'ta', 'tes', 'son',
    'sa', 'ses', 'notre', 'nos', 'votre', 'vos', 'leur', 'leurs', 'je', 'tu', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles', 'moi', 'toi',
    'lui', 'eux', 'me', 'te', 'se', 'qui', 'que', 'qu', 'quoi', 'dont', 'où', 'ne', 'pas', 'est', 'être', 'suis', 'es', 'sont', 'sera', 'serai',
    'avoir', 'ai', 'as', 'a', 'ont', 'aurai', 'faire', 'fais', 'fait', 'très', 'aussi', 'tout', 'tous', 'toute', 'toutes', 'y', 'veux', 'vouloir',
    'voudrais', 'souhaite', 'souhaiter', 'aimerais', 'dois', 'devoir', 'pouvoir', 'peux',
  ]),
);

// Wording that sounds like a goal but names no outcome. Phrases are matched
// before single words, so the reason quotes "a bit" rather than "bit".
const VAGUE_PHRASES = [
  'try to', 'a bit', 'a little', 'a lot', 'get better', 'work on', 'kind of', 'sort of', 'and so on', 'in general', 'as much as possible',
  'en général', 'des choses', 'un peu', 'peut-être', 'de plus en plus', 'travailler sur', 'le plus possible', 'et cetera', 'en gros',
];
const VAGUE_WORDS = [
  'improve', 'improving', 'improvement', 'better', 'more', 'most', 'some', 'something', 'things', 'thing', 'stuff', 'etc', 'try', 'trying',
  'maybe', 'perhaps', 'hopefully', 'somehow', 'various', 'general', 'generally', 'good', 'well', 'lots', 'bit', 'progress', 'develop', 'enhance',
  'améliorer', 'amélioration', 'mieux', 'meilleur', 'meilleure', 'plus', 'quelques', 'quelque', 'chose', 'choses', 'truc', 'trucs', 'essayer',
  'essaie', 'essayerai', 'progresser', 'développer', 'bien', 'beaucoup', 'divers', 'diverses', 'général', 'globalement', 'etc',
];
const VAGUE_PHRASE_TOKENS = VAGUE_PHRASES.map((phrase) => ({ phrase, tokens: tokenize(phrase) })).sort((a, b) => b.tokens.length - a.tokens.length);
const VAGUE_WORD_BY_TOKEN = new Map(VAGUE_WORDS.map((word) => [normalize(word), word]));

function normalize(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

function normalizeAll(words: readonly string[]): string[] {
  return words.map(normalize);
}

function tokenize(text: string): string[] {
  return normalize(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);
}

/** What a title says once stop words and vague wording are set aside. */
export function analyseTitle(title: string): { contentWords: string[]; vagueWording: string[] } {
  const tokens = tokenize(title);
  const vague: string[] = [];
  const used = new Array<boolean>(tokens.length).fill(false);
  for (let i = 0; i < tokens.length; i += 1) {
    const match = VAGUE_PHRASE_TOKENS.find(({ tokens: phrase }) => phrase.every((token, k) => !used[i + k] && tokens[i + k] === token));
    if (match) {
      for (let k = 0; k < match.tokens.length; k += 1) used[i + k] = true;
      vague.push(match.phrase);
    }
  }
  const content = new Set<string>();
  tokens.forEach((token, i) => {
    if (used[i]) return;
    const vagueWord = VAGUE_WORD_BY_TOKEN.get(token);
    if (vagueWord) vague.push(vagueWord);
    else if (!STOP_WORDS.has(token) && (token.length > 1 || /\p{N}/u.test(token))) content.add(token);
  });
  return { contentWords: [...content], vagueWording: [...new Set(vague)] };
}

/**
 * Specific: the title names a concrete outcome. Counting content words is a
 * blunt instrument on purpose: it is predictable, explainable in one sentence
 * and works in English and French; vague words are allowed next to concrete
 * ones ("improve my SQL to pass the data analyst test" is fine).
 */
function checkSpecific(goal: GoalDraft): CriterionResult {
  const fail = (reason: string): CriterionResult => ({ criterion: 'specific', passed: false, reason, path: 'title' });
  const title = typeof goal.title === 'string' ? goal.title.trim() : '';
  const length = Array.from(title).length;
  if (length < TITLE_LENGTH.min) {
    return fail(`is too short to describe an outcome (${length} characters, at least ${TITLE_LENGTH.min}): name what you will have done, ${EXAMPLE_TITLE}`);
  }
  if (length > TITLE_LENGTH.max) return fail(`is too long (${length} characters, at most ${TITLE_LENGTH.max}): state the outcome in one sentence`);
  const { contentWords, vagueWording } = analyseTitle(title);
  if (contentWords.length < MIN_CONTENT_WORDS) {
    const vague = vagueWording.length > 0 ? `uses vague wording (${vagueWording.map((w) => `'${w}'`).join(', ')}) and ` : '';
    return fail(`${vague}describes no concrete outcome: name what you will have done, ${EXAMPLE_TITLE}`);
  }
  return { criterion: 'specific', passed: true, path: 'title' };
}

// -------------------------------------------------------------- measurable

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Where the goal starts: 0 when omitted, which suits a count; a level must be stated (see checkMeasurable). */
function baselineOf(goal: GoalDraft): number {
  return goal.baselineValue ?? 0;
}

/**
 * Measurable: a known metric, a numeric target in that metric's kind of
 * number, and a starting point below the target, so progress can be computed.
 */
function checkMeasurable(goal: GoalDraft, metric: GoalMetric | undefined): CriterionResult {
  const fail = (path: string, reason: string): CriterionResult => ({ criterion: 'measurable', passed: false, reason, path });
  if (!metric) return fail('metric', `"${goal.metric}" is not a known metric: choose one of ${GOAL_METRICS.map((m) => m.id).join(', ')}`);
  if (!isNumber(goal.targetValue)) return fail('targetValue', `must be a number: the number of ${metric.unit} you aim for`);
  if (metric.integer && !Number.isInteger(goal.targetValue)) {
    return fail('targetValue', `must be a whole number of ${metric.unit}, not ${goal.targetValue}`);
  }
  const baseline = baselineOf(goal);
  if (!isNumber(baseline)) return fail('baselineValue', `must be a number of ${metric.unit} you start from`);
  if (metric.integer && !Number.isInteger(baseline)) return fail('baselineValue', `must be a whole number of ${metric.unit}, not ${baseline}`);
  if (metric.kind === 'scale' && (baseline < metric.min || baseline > metric.max)) {
    // "Baseline matters": reaching level 4 is a different goal from 1 or from 3.
    return fail('baselineValue', `must state your current level on the ${metric.min}–${metric.max} scale (got ${baseline})`);
  }
  if (metric.kind === 'count' && baseline < 0) return fail('baselineValue', `cannot be negative (got ${baseline})`);
  if (goal.targetValue <= baseline) {
    return fail('targetValue', `must be above where you start (${baseline} ${metric.unit}), otherwise there is nothing to reach`);
  }
  return { criterion: 'measurable', passed: true, path: 'targetValue' };
}

// -------------------------------------------------------------- achievable

function daysFrom(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000);
}

/**
 * Achievable: the target lies within the metric's realistic bounds for one
 * programme, and the distance from baseline to target fits the time left at
 * the metric's pace (maxPerMonth per 30 days), counted from when work can
 * start (today, or the programme's start if later, since goals are often set
 * during intake) to the due date. At least one step is always allowed, so a
 * single interview due next week is achievable. While the due date is unusable
 * (time_bound fails), the pace is judged against the programme's end, the most
 * time the participant could have.
 */
function checkAchievable(goal: GoalDraft, metric: GoalMetric | undefined, context: GoalContext): CriterionResult {
  const fail = (path: string, reason: string): CriterionResult => ({ criterion: 'achievable', passed: false, reason, path });
  if (!metric) return fail('metric', 'must be a known metric before the target can be judged achievable');
  if (!isNumber(goal.targetValue)) return fail('targetValue', 'must be a number before it can be judged achievable');
  const target = goal.targetValue;
  if (target < metric.min) return fail('targetValue', `is below the smallest meaningful target of ${metric.min} ${metric.unit}`);
  if (target > metric.max) {
    return fail('targetValue', `is beyond what one programme can realistically reach (at most ${metric.max} ${metric.unit}, got ${target})`);
  }
  const from = context.today > context.startsOn ? context.today : context.startsOn;
  const dueUsable = isCalendarDate(goal.dueOn) && goal.dueOn >= from && goal.dueOn <= context.endsOn;
  const until = dueUsable ? goal.dueOn : context.endsOn;
  const days = Math.max(0, daysFrom(from, until));
  const allowed = Math.max(1, Math.floor((metric.maxPerMonth * days) / DAYS_PER_MONTH));
  // A baseline that measurable rejected (0 on a 1–5 scale, negative, not a
  // number) is read as the lowest meaningful start, so the pace is still
  // judged, and only measurable reports the baseline.
  const floor = metric.kind === 'scale' ? metric.min : 0;
  const stated = baselineOf(goal);
  const baseline = isNumber(stated) ? Math.max(floor, stated) : floor;
  const gain = target - baseline;
  if (gain > allowed) {
    return fail(
      'targetValue',
      `aims for ${gain} more ${metric.unit} in ${days} days: at about ${metric.maxPerMonth} a month, ${allowed} is realistic by ${until}; ` +
        'lower the target or set a later due date',
    );
  }
  return { criterion: 'achievable', passed: true, path: 'targetValue' };
}

// ---------------------------------------------------------------- relevant

/** Relevant: the goal serves one of this programme's objectives, and its metric is evidence for that objective. */
function checkRelevant(goal: GoalDraft, metric: GoalMetric | undefined, context: GoalContext): CriterionResult {
  const fail = (path: string, reason: string): CriterionResult => ({ criterion: 'relevant', passed: false, reason, path });
  const objective = context.programObjectives.find((o) => o === goal.objective);
  if (!objective) {
    const known = (PROGRAM_OBJECTIVES as readonly string[]).includes(goal.objective);
    return fail(
      'objective',
      `${known ? `"${goal.objective}" is not an objective of this programme` : `"${goal.objective}" is not a programme objective`}: ` +
        `choose one of ${context.programObjectives.join(', ')}`,
    );
  }
  if (!metric) return fail('metric', `must be a known metric that measures progress in ${objective}: choose one of ${metricsServing(objective).join(', ')}`);
  if (!metric.objectives.includes(objective)) {
    return fail('metric', `${metric.id} does not measure progress in ${objective}: choose one of ${metricsServing(objective).join(', ')}`);
  }
  return { criterion: 'relevant', passed: true, path: 'objective' };
}

// -------------------------------------------------------------- time_bound

/** Time-bound: a real due date, not already past, inside the programme's dates (both ends included). */
function checkTimeBound(goal: GoalDraft, context: GoalContext): CriterionResult {
  const fail = (reason: string): CriterionResult => ({ criterion: 'time_bound', passed: false, reason, path: 'dueOn' });
  if (typeof goal.dueOn !== 'string' || !isCalendarDate(goal.dueOn)) return fail(`must be a calendar date (YYYY-MM-DD), got "${goal.dueOn}"`);
  if (goal.dueOn < context.today) return fail(`is in the past (today is ${context.today}): set a due date ahead`);
  if (goal.dueOn < context.startsOn) return fail(`is before the programme starts on ${context.startsOn}`);
  if (goal.dueOn > context.endsOn) return fail(`is after the programme ends on ${context.endsOn}: the goal must be reached within the programme`);
  return { criterion: 'time_bound', passed: true, path: 'dueOn' };
}
