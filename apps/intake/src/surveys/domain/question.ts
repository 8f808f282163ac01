/**
 * The questions of an intake survey and the answers they accept (PRODUCT.md,
 * lifecycle step 2: "an intake survey built from the programme's objectives").
 * Pure types and constants: no I/O, no framework.
 */
import type { EnrollmentSubmittedData } from '@passerelle/contracts';

/** The per-network vocabularies answers refer to by id, so matching compares like with like. */
export const TAXONOMY_KINDS = ['skills', 'industries', 'interests', 'languages'] as const;
export type TaxonomyKind = (typeof TAXONOMY_KINDS)[number];

export const QUESTION_TYPES = ['single_choice', 'multiple_choice', 'scale', 'number', 'short_text', 'availability'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/**
 * What matching reads from a question's answer. A question bound to a feature
 * must have the shape that feature needs (see FEATURE_SHAPES in template.ts);
 * questions without a feature are for the pair and the organisers only.
 */
export const MATCHING_FEATURES = [
  'skills_offered',
  'skills_wanted',
  'interests',
  'industries',
  'languages',
  'availability',
  'experience_years',
  'employer',
  'target_roles',
  'target_industries',
  'network_size',
  'contact_kinds',
] as const;
export type MatchingFeature = (typeof MATCHING_FEATURES)[number];

/** Features matching cannot do without (hard constraints): every template of either role keeps them. */
export const REQUIRED_FEATURES: readonly MatchingFeature[] = ['languages', 'availability'];

export const WEEK_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** A one-hour weekly slot in the participant's own time zone: `<day>-<hour>`, e.g. `tue-18` is Tuesday 18:00–19:00. */
export const SLOT_PATTERN = /^(mon|tue|wed|thu|fri|sat|sun)-(0\d|1\d|2[0-3])$/;

export const QUESTION_ID_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;
export const MAX_QUESTIONS = 40;
export const SCALE = { min: 1, max: 5 } as const;
export const SHORT_TEXT_MAX = 1000;

export interface ChoiceOption {
  /** A tag (`^[a-z0-9]+(?:[-_][a-z0-9]+)*$`, ≤ 64 characters), unique within the question. */
  readonly id: string;
  readonly label: string;
}

/** Where a choice question's options come from: a fixed list, or a taxonomy of the network. */
export type ChoiceSource = { readonly options: readonly ChoiceOption[] } | { readonly taxonomy: TaxonomyKind };

interface QuestionBase {
  /** Stable across versions while the question is kept; answers are keyed by it. */
  readonly id: string;
  readonly prompt: string;
  readonly help?: string;
  readonly required: boolean;
  readonly feature?: MatchingFeature;
}

export interface SingleChoiceQuestion extends QuestionBase {
  readonly type: 'single_choice';
  readonly source: ChoiceSource;
}

export interface MultipleChoiceQuestion extends QuestionBase {
  readonly type: 'multiple_choice';
  readonly source: ChoiceSource;
  readonly minSelected: number;
  readonly maxSelected: number;
  /** When true each selected option carries a level 1–5 (skills offered / wanted). */
  readonly withLevels: boolean;
}

export interface ScaleQuestion extends QuestionBase {
  readonly type: 'scale';
  readonly minLabel: string;
  readonly maxLabel: string;
}

export interface NumberQuestion extends QuestionBase {
  readonly type: 'number';
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  readonly unit?: string;
}

export interface ShortTextQuestion extends QuestionBase {
  readonly type: 'short_text';
  readonly maxLength: number;
}

export interface AvailabilityQuestion extends QuestionBase {
  readonly type: 'availability';
  readonly minSlots: number;
}

export type Question =
  | SingleChoiceQuestion
  | MultipleChoiceQuestion
  | ScaleQuestion
  | NumberQuestion
  | ShortTextQuestion
  | AvailabilityQuestion;

/** Answer values, by question type. */
export type LeveledChoice = { readonly id: string; readonly level: number };
export type AvailabilityAnswer = { readonly timeZone: string; readonly slots: readonly string[] };
export type AnswerValue = string | number | readonly string[] | readonly LeveledChoice[] | AvailabilityAnswer;
/** Answers keyed by question id; an optional question may be absent (or null). */
export type Answers = Readonly<Record<string, unknown>>;

/** The active term ids of each taxonomy of the network, for checking choice answers. */
export type TaxonomyTermIds = Readonly<Record<TaxonomyKind, ReadonlySet<string>>>;

/**
 * What an enrolment event carries for matching: ids and numbers, never free
 * text. The contract defines it once (libs/contracts, `matchingFeatures`).
 */
export type MatchingFeatures = EnrollmentSubmittedData['features'];

export interface Problem {
  readonly path: string;
  readonly issue: string;
}
