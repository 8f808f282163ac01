/**
 * The rules a survey template must satisfy before participants answer it
 * (PRODUCT.md, lifecycle step 2; "Bad input gets a 4xx with a clear,
 * structured message (which field, why) … Unknown fields are rejected").
 * An organiser submits the whole question list at once (PUT replaces it), as
 * arbitrary JSON: every check is defensive and all problems come back together.
 * Pure: no I/O, no framework.
 */
import {
  MATCHING_FEATURES,
  MAX_QUESTIONS,
  type MatchingFeature,
  type Problem,
  QUESTION_ID_PATTERN,
  QUESTION_TYPES,
  type Question,
  type QuestionType,
  REQUIRED_FEATURES,
  SHORT_TEXT_MAX,
  TAXONOMY_KINDS,
  type TaxonomyKind,
} from './question';
import type { ProgramRole } from '../../programs/domain/program';

export const OPTION_ID_PATTERN = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
export const OPTION_ID_MAX = 64;
export const OPTION_LABEL_MAX = 200;
/** A fixed list longer than this belongs in a taxonomy. */
export const MAX_OPTIONS = 100;
export const MAX_SELECTED = 50;
export const PROMPT_MAX = 500;
export const HELP_MAX = 1000;
export const SCALE_LABEL_MAX = 100;
export const UNIT_MAX = 20;
/** One-hour slots in a week. */
export const WEEK_HOURS = 168;

/**
 * What a question bound to a feature must look like, so that matching can read
 * its answer. The bounds mirror the enrolment events' schema
 * (libs/contracts, `matchingFeatures`): tag lists carry at most 30 ids,
 * levelled lists 50, languages 1–10, experience 0–60 whole years, so a valid
 * template can never produce an event that fails its schema.
 */
export type FeatureShape =
  | {
      readonly type: 'multiple_choice';
      /** `options`: a fixed list (its ids are the feature's values); otherwise the taxonomy the ids come from. */
      readonly source: 'options' | TaxonomyKind;
      readonly withLevels: boolean;
      /** Bounds for the question's minSelected and maxSelected. */
      readonly selected: { readonly min: number; readonly max: number };
    }
  | { readonly type: 'number'; readonly integer: true; /** The question's min and max must lie within. */ readonly range: { readonly min: number; readonly max: number } }
  | { readonly type: 'scale' }
  | { readonly type: 'short_text' }
  | { readonly type: 'availability' };

const tags = (source: 'options' | TaxonomyKind): FeatureShape => ({ type: 'multiple_choice', source, withLevels: false, selected: { min: 0, max: 30 } });
const levelled: FeatureShape = { type: 'multiple_choice', source: 'skills', withLevels: true, selected: { min: 0, max: MAX_SELECTED } };

export const FEATURE_SHAPES: Readonly<Record<MatchingFeature, FeatureShape>> = {
  skills_offered: levelled,
  skills_wanted: levelled,
  interests: tags('interests'),
  industries: tags('industries'),
  // A common language is a hard constraint: an answer without one could never be matched.
  languages: { type: 'multiple_choice', source: 'languages', withLevels: false, selected: { min: 1, max: 10 } },
  availability: { type: 'availability' },
  experience_years: { type: 'number', integer: true, range: { min: 0, max: 60 } },
  employer: { type: 'short_text' },
  target_roles: tags('options'),
  target_industries: tags('industries'),
  network_size: { type: 'scale' },
  contact_kinds: tags('options'),
};

const BASE_KEYS = ['id', 'type', 'prompt', 'help', 'required', 'feature'];
const TYPE_KEYS: Record<QuestionType, readonly string[]> = {
  single_choice: ['source'],
  multiple_choice: ['source', 'minSelected', 'maxSelected', 'withLevels'],
  scale: ['minLabel', 'maxLabel'],
  number: ['min', 'max', 'integer', 'unit'],
  short_text: ['maxLength'],
  availability: ['minSlots'],
};

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);
/** Lengths in characters (code points), as a person counts them, not UTF-16 units. */
const length = (text: string): number => [...text].length;
const isWhole = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

/** Collects problems; remembers which paths already have one, so follow-up checks do not pile on. */
class Problems {
  readonly list: Problem[] = [];
  private readonly paths = new Set<string>();

  add(path: string, issue: string): void {
    this.list.push({ path, issue });
    this.paths.add(path);
  }

  has(path: string): boolean {
    return this.paths.has(path);
  }

  /** Reports every key of `object` not in `known`. */
  unknownKeys(object: JsonObject, known: readonly string[], path: string): void {
    for (const key of Object.keys(object)) if (!known.includes(key)) this.add(`${path}.${key}`, 'is not a known property');
  }

  text(object: JsonObject, key: string, path: string, { min, max }: { min: number; max: number }): void {
    const value = object[key];
    if (typeof value !== 'string' || (min > 0 && value.trim().length === 0) || length(value) > max) {
      this.add(`${path}.${key}`, min > 0 ? `must be a text of ${min} to ${max} characters` : `must be a text of at most ${max} characters`);
    }
  }

  wholeNumber(object: JsonObject, key: string, path: string, min: number, max: number): void {
    const value = object[key];
    if (!isWhole(value) || value < min || value > max) this.add(`${path}.${key}`, `must be a whole number from ${min} to ${max}`);
  }

  boolean(object: JsonObject, key: string, path: string): void {
    if (typeof object[key] !== 'boolean') this.add(`${path}.${key}`, 'must be true or false');
  }
}

function checkSource(question: JsonObject, path: string, problems: Problems): void {
  const source = question.source;
  const at = `${path}.source`;
  const expected = `must be {"options": [{"id", "label"}, …]} or {"taxonomy": one of ${TAXONOMY_KINDS.join(', ')}}`;
  if (!isObject(source)) return problems.add(at, expected);
  problems.unknownKeys(source, ['options', 'taxonomy'], at);
  const hasOptions = 'options' in source;
  const hasTaxonomy = 'taxonomy' in source;
  if (hasOptions && hasTaxonomy) return problems.add(at, 'must have either options or taxonomy, not both');
  if (!hasOptions && !hasTaxonomy) return problems.add(at, expected);
  if (hasTaxonomy) {
    if (!isOneOf(TAXONOMY_KINDS, source.taxonomy)) problems.add(`${at}.taxonomy`, `must be one of ${TAXONOMY_KINDS.join(', ')}`);
    return;
  }
  const options = source.options;
  if (!Array.isArray(options) || options.length === 0 || options.length > MAX_OPTIONS) {
    return problems.add(`${at}.options`, `must be a list of 1 to ${MAX_OPTIONS} options`);
  }
  const seen = new Map<string, number>();
  options.forEach((option: unknown, index) => {
    const optionPath = `${at}.options[${index}]`;
    if (!isObject(option)) return problems.add(optionPath, 'must be an object {"id", "label"}');
    problems.unknownKeys(option, ['id', 'label'], optionPath);
    const id = option.id;
    if (typeof id !== 'string' || !OPTION_ID_PATTERN.test(id) || id.length > OPTION_ID_MAX) {
      problems.add(`${optionPath}.id`, `must be a tag of at most ${OPTION_ID_MAX} characters: lower-case letters and digits, words joined by - or _`);
    } else if (seen.has(id)) {
      problems.add(`${optionPath}.id`, `repeats the id of ${at}.options[${seen.get(id)}]`);
    } else {
      seen.set(id, index);
    }
    problems.text(option, 'label', optionPath, { min: 1, max: OPTION_LABEL_MAX });
  });
}

function checkTypeParameters(type: QuestionType, question: JsonObject, path: string, problems: Problems): void {
  switch (type) {
    case 'single_choice':
      return checkSource(question, path, problems);
    case 'multiple_choice': {
      checkSource(question, path, problems);
      problems.wholeNumber(question, 'minSelected', path, 0, MAX_SELECTED);
      problems.wholeNumber(question, 'maxSelected', path, 1, MAX_SELECTED);
      problems.boolean(question, 'withLevels', path);
      const { minSelected, maxSelected } = question;
      if (isWhole(minSelected) && isWhole(maxSelected) && !problems.has(`${path}.minSelected`) && !problems.has(`${path}.maxSelected`)) {
        if (minSelected > maxSelected) problems.add(`${path}.minSelected`, 'must not be greater than maxSelected');
        const options = isObject(question.source) ? question.source.options : undefined;
        if (Array.isArray(options) && !problems.has(`${path}.source.options`) && minSelected > options.length) {
          problems.add(`${path}.minSelected`, `must not be greater than the number of options (${options.length})`);
        }
      }
      return;
    }
    case 'scale':
      problems.text(question, 'minLabel', path, { min: 1, max: SCALE_LABEL_MAX });
      problems.text(question, 'maxLabel', path, { min: 1, max: SCALE_LABEL_MAX });
      return;
    case 'number': {
      const { min, max, integer } = question;
      for (const key of ['min', 'max'] as const) {
        const value = question[key];
        if (typeof value !== 'number' || !Number.isFinite(value)) problems.add(`${path}.${key}`, 'must be a finite number');
        else if (integer === true && !Number.isInteger(value)) problems.add(`${path}.${key}`, 'must be a whole number when integer is true');
      }
      if (typeof min === 'number' && typeof max === 'number' && !problems.has(`${path}.min`) && !problems.has(`${path}.max`) && min >= max) {
        problems.add(`${path}.max`, 'must be greater than min');
      }
      problems.boolean(question, 'integer', path);
      if ('unit' in question) problems.text(question, 'unit', path, { min: 1, max: UNIT_MAX });
      return;
    }
    case 'short_text':
      return problems.wholeNumber(question, 'maxLength', path, 1, SHORT_TEXT_MAX);
    case 'availability':
      return problems.wholeNumber(question, 'minSlots', path, 1, WEEK_HOURS);
  }
}

/** The checks of a question bound to `feature`, beyond those of its type. */
function checkFeatureShape(feature: MatchingFeature, type: QuestionType, question: JsonObject, path: string, problems: Problems): void {
  const shape = FEATURE_SHAPES[feature];
  const forFeature = `for the ${feature} feature`;
  if (type !== shape.type) return problems.add(`${path}.type`, `must be ${shape.type} ${forFeature}`);
  if (shape.type === 'multiple_choice') {
    const source = question.source;
    if (isObject(source) && !problems.has(`${path}.source`)) {
      if (shape.source === 'options' && !('options' in source)) problems.add(`${path}.source`, `must be a fixed list of options ${forFeature}`);
      if (shape.source !== 'options' && source.taxonomy !== shape.source) problems.add(`${path}.source`, `must be the ${shape.source} taxonomy ${forFeature}`);
    }
    if (typeof question.withLevels === 'boolean' && question.withLevels !== shape.withLevels) {
      problems.add(`${path}.withLevels`, `must be ${shape.withLevels} ${forFeature}`);
    }
    const { minSelected, maxSelected } = question;
    if (isWhole(minSelected) && !problems.has(`${path}.minSelected`) && minSelected < shape.selected.min) {
      problems.add(`${path}.minSelected`, `must be at least ${shape.selected.min} ${forFeature}`);
    }
    if (isWhole(maxSelected) && !problems.has(`${path}.maxSelected`) && maxSelected > shape.selected.max) {
      problems.add(`${path}.maxSelected`, `must be at most ${shape.selected.max} ${forFeature}`);
    }
  }
  if (shape.type === 'number') {
    if (question.integer !== true && !problems.has(`${path}.integer`)) problems.add(`${path}.integer`, `must be true ${forFeature}`);
    const { min, max } = question;
    if (typeof min === 'number' && !problems.has(`${path}.min`) && min < shape.range.min) problems.add(`${path}.min`, `must be at least ${shape.range.min} ${forFeature}`);
    if (typeof max === 'number' && !problems.has(`${path}.max`) && max > shape.range.max) problems.add(`${path}.max`, `must be at most ${shape.range.max} ${forFeature}`);
  }
}

/**
 * Every problem of a submitted question list, all at once, with paths such as
 * `questions[3].minSelected`. Never throws, whatever the input.
 *
 * `role` is accepted so the use case passes what it knows; no rule depends on
 * it today (the same features may be asked of either role), and a future
 * per-role rule will not change the callers.
 */
export function validateTemplate(questions: unknown, _role: ProgramRole): Problem[] {
  const problems = new Problems();
  if (!Array.isArray(questions)) {
    problems.add('questions', 'must be a list of questions');
    return problems.list;
  }
  if (questions.length > MAX_QUESTIONS) problems.add('questions', `must have at most ${MAX_QUESTIONS} questions`);

  const firstById = new Map<string, number>();
  const firstByFeature = new Map<MatchingFeature, number>();
  questions.forEach((question: unknown, index) => {
    const path = `questions[${index}]`;
    if (!isObject(question)) return problems.add(path, 'must be an object');

    const { id, type, feature } = question;
    if (typeof id !== 'string' || !QUESTION_ID_PATTERN.test(id)) {
      problems.add(`${path}.id`, 'must be an identifier of at most 64 characters: a lower-case letter, then lower-case letters, digits or _');
    } else if (firstById.has(id)) {
      problems.add(`${path}.id`, `repeats the id of questions[${firstById.get(id)}]`);
    } else {
      firstById.set(id, index);
    }
    problems.text(question, 'prompt', path, { min: 1, max: PROMPT_MAX });
    if ('help' in question) problems.text(question, 'help', path, { min: 0, max: HELP_MAX });
    problems.boolean(question, 'required', path);

    let boundFeature: MatchingFeature | undefined;
    if ('feature' in question) {
      if (!isOneOf(MATCHING_FEATURES, feature)) {
        problems.add(`${path}.feature`, `must be one of ${MATCHING_FEATURES.join(', ')} (or absent)`);
      } else if (firstByFeature.has(feature)) {
        problems.add(`${path}.feature`, `is already bound to questions[${firstByFeature.get(feature)}]: one question per feature`);
      } else {
        firstByFeature.set(feature, index);
        boundFeature = feature;
      }
    }

    if (!isOneOf(QUESTION_TYPES, type)) {
      // Without a known type the other properties cannot be judged; the base ones were.
      return problems.add(`${path}.type`, `must be one of ${QUESTION_TYPES.join(', ')}`);
    }
    problems.unknownKeys(question, [...BASE_KEYS, ...TYPE_KEYS[type]], path);
    checkTypeParameters(type, question, path, problems);
    if (boundFeature) checkFeatureShape(boundFeature, type, question, path, problems);
  });

  for (const feature of REQUIRED_FEATURES) {
    const index = firstByFeature.get(feature);
    if (index === undefined) {
      problems.add('questions', `must include a question bound to the ${feature} feature: matching cannot do without it`);
    } else if ((questions[index] as JsonObject).required !== true && !problems.has(`questions[${index}].required`)) {
      problems.add(`questions[${index}].required`, `must be true: matching cannot do without the ${feature} feature`);
    }
  }
  return problems.list;
}

export type ParsedTemplate = { readonly ok: true; readonly questions: Question[] } | { readonly ok: false; readonly problems: Problem[] };

/** validateTemplate, then the same input typed as questions when it passed. */
export function parseTemplate(questions: unknown, role: ProgramRole): ParsedTemplate {
  const problems = validateTemplate(questions, role);
  // Sound: the checks above reject every property, type and value a Question does not allow.
  return problems.length > 0 ? { ok: false, problems } : { ok: true, questions: questions as Question[] };
}
