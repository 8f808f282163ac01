/**
 * The answers of an enrolment, checked against the template version they
 * answer (PRODUCT.md, lifecycle step 2, and "Bad input gets a 4xx with a
 * clear, structured message (which field, why)"): type, range, option ids,
 * required, all problems at once with their question ids. Answers arrive as
 * arbitrary JSON; nothing here throws. Pure: no I/O, no framework.
 */
import {
  type AvailabilityQuestion,
  type ChoiceSource,
  type MultipleChoiceQuestion,
  type NumberQuestion,
  type Problem,
  type Question,
  SCALE,
  type ShortTextQuestion,
  SLOT_PATTERN,
  type TaxonomyTermIds,
} from './question';
import { WEEK_HOURS } from './template';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
/** Lengths in characters (code points), as a person counts them. */
const length = (text: string): number => [...text].length;
const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** Whether `timeZone` is an IANA time zone this runtime knows (case-insensitive, as Intl accepts it). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** How one choice id is checked against the question's source, with the message when it fails. */
function choiceChecker(source: ChoiceSource, taxonomy: TaxonomyTermIds): { readonly accepts: (id: string) => boolean; readonly expected: string } {
  if ('options' in source) {
    const ids = source.options.map((option) => option.id);
    return { accepts: (id) => ids.includes(id), expected: `must be one of the options: ${ids.join(', ')}` };
  }
  // Taxonomies hold hundreds of terms: name the taxonomy rather than list them.
  const terms = taxonomy[source.taxonomy];
  return { accepts: (id) => terms.has(id), expected: `is not a term of the network's ${source.taxonomy} taxonomy` };
}

function checkMultipleChoice(question: MultipleChoiceQuestion, value: unknown, path: string, taxonomy: TaxonomyTermIds, problems: Problem[]): void {
  const { minSelected: min, maxSelected: max } = question;
  if (!Array.isArray(value)) {
    const items = question.withLevels ? 'objects {"id", "level"}' : 'option ids';
    problems.push({ path, issue: `must be a list of ${items}` });
    return;
  }
  if (value.length < min || value.length > max) {
    const range = min === max ? `exactly ${min}` : min === 0 ? `at most ${max}` : `between ${min} and ${max}`;
    problems.push({ path, issue: `must select ${range} (got ${value.length})` });
  }
  const { accepts, expected } = choiceChecker(question.source, taxonomy);
  const firstIndex = new Map<string, number>();
  value.forEach((item: unknown, index) => {
    const itemPath = `${path}[${index}]`;
    let id: unknown = item;
    let idPath = itemPath;
    if (question.withLevels) {
      if (!isObject(item)) {
        problems.push({ path: itemPath, issue: 'must be an object {"id", "level"}' });
        return;
      }
      for (const key of Object.keys(item)) if (key !== 'id' && key !== 'level') problems.push({ path: `${itemPath}.${key}`, issue: 'is not a known property' });
      const level = item.level;
      if (typeof level !== 'number' || !Number.isInteger(level) || level < SCALE.min || level > SCALE.max) {
        problems.push({ path: `${itemPath}.level`, issue: `must be a whole number from ${SCALE.min} to ${SCALE.max}` });
      }
      id = item.id;
      idPath = `${itemPath}.id`;
    }
    if (typeof id !== 'string') {
      problems.push({ path: idPath, issue: 'must be an option id (a string)' });
    } else if (firstIndex.has(id)) {
      problems.push({ path: idPath, issue: `repeats the choice at ${path}[${firstIndex.get(id)}]` });
    } else {
      firstIndex.set(id, index);
      if (!accepts(id)) problems.push({ path: idPath, issue: expected });
    }
  });
}

function checkNumber(question: NumberQuestion, value: unknown, path: string, problems: Problem[]): void {
  const kind = question.integer ? 'a whole number' : 'a number';
  const unit = question.unit ? ` ${question.unit}` : '';
  if (typeof value !== 'number' || !Number.isFinite(value) || (question.integer && !Number.isInteger(value)) || value < question.min || value > question.max) {
    problems.push({ path, issue: `must be ${kind} from ${question.min} to ${question.max}${unit}` });
  }
}

function checkShortText(question: ShortTextQuestion, value: unknown, path: string, problems: Problem[]): void {
  if (typeof value !== 'string') problems.push({ path, issue: 'must be a text' });
  else if (question.required && value.trim().length === 0) problems.push({ path, issue: 'is required' });
  else if (length(value) > question.maxLength) problems.push({ path, issue: `must be at most ${question.maxLength} characters (got ${length(value)})` });
}

function checkAvailability(question: AvailabilityQuestion, value: unknown, path: string, problems: Problem[]): void {
  if (!isObject(value)) {
    problems.push({ path, issue: 'must be an object {"timeZone", "slots"}' });
    return;
  }
  for (const key of Object.keys(value)) if (key !== 'timeZone' && key !== 'slots') problems.push({ path: `${path}.${key}`, issue: 'is not a known property' });
  const { timeZone, slots } = value;
  if (typeof timeZone !== 'string' || !isTimeZone(timeZone)) {
    problems.push({ path: `${path}.timeZone`, issue: 'must be an IANA time zone, e.g. Europe/Paris' });
  }
  if (!Array.isArray(slots)) {
    problems.push({ path: `${path}.slots`, issue: 'must be a list of weekly slots such as "tue-18" (Tuesday 18:00–19:00)' });
    return;
  }
  if (slots.length < question.minSlots || slots.length > WEEK_HOURS) {
    problems.push({ path: `${path}.slots`, issue: `must list between ${plural(question.minSlots, 'slot')} and ${WEEK_HOURS} (got ${slots.length})` });
  }
  const firstIndex = new Map<string, number>();
  slots.forEach((slot: unknown, index) => {
    const slotPath = `${path}.slots[${index}]`;
    if (typeof slot !== 'string' || !SLOT_PATTERN.test(slot)) {
      problems.push({ path: slotPath, issue: 'must be a weekly slot <day>-<hour>: mon…sun, 00…23, e.g. "tue-18"' });
    } else if (firstIndex.has(slot)) {
      problems.push({ path: slotPath, issue: `repeats ${path}.slots[${firstIndex.get(slot)}]` });
    } else {
      firstIndex.set(slot, index);
    }
  });
}

function checkAnswer(question: Question, value: unknown, path: string, taxonomy: TaxonomyTermIds, problems: Problem[]): void {
  switch (question.type) {
    case 'single_choice': {
      const { accepts, expected } = choiceChecker(question.source, taxonomy);
      if (typeof value !== 'string') problems.push({ path, issue: 'must be an option id (a string)' });
      else if (!accepts(value)) problems.push({ path, issue: expected });
      return;
    }
    case 'multiple_choice':
      return checkMultipleChoice(question, value, path, taxonomy, problems);
    case 'scale':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < SCALE.min || value > SCALE.max) {
        problems.push({ path, issue: `must be a whole number from ${SCALE.min} (${question.minLabel}) to ${SCALE.max} (${question.maxLabel})` });
      }
      return;
    case 'number':
      return checkNumber(question, value, path, problems);
    case 'short_text':
      return checkShortText(question, value, path, problems);
    case 'availability':
      return checkAvailability(question, value, path, problems);
  }
}

/**
 * Every problem of `answers` against `questions` (one template version), all
 * at once, with paths `answers.<questionId>` and below. `taxonomy` holds the
 * network's active term ids. An optional question may be absent or null; an
 * answer to a question the version does not have is refused, so a client that
 * answered an older version finds out rather than losing answers silently.
 */
export function validateAnswers(questions: readonly Question[], answers: unknown, taxonomy: TaxonomyTermIds): Problem[] {
  if (!isObject(answers)) return [{ path: 'answers', issue: 'must be an object keyed by question id' }];
  const problems: Problem[] = [];
  const ids = new Set(questions.map((question) => question.id));
  for (const key of Object.keys(answers)) {
    if (!ids.has(key)) problems.push({ path: `answers.${key}`, issue: 'is not a question of this template version' });
  }
  for (const question of questions) {
    const path = `answers.${question.id}`;
    const value = Object.prototype.hasOwnProperty.call(answers, question.id) ? answers[question.id] : undefined;
    if (value === undefined || value === null) {
      if (question.required) problems.push({ path, issue: 'is required' });
      continue;
    }
    checkAnswer(question, value, path, taxonomy, problems);
  }
  return problems;
}
