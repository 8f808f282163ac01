/**
 * The terms of a network's taxonomies (issue "Intake", item 2: "answers
 * reference taxonomy ids so matching compares like with like"). A term is an
 * id that answers store and matching compares, and a label people read; an
 * organizer may relabel or retire a term but never change its id. Pure: no
 * I/O, no framework.
 */
import { type Problem, TAXONOMY_KINDS, type TaxonomyKind } from '../../surveys/domain/question';
import { languageCodeIssue, languageCodeNamed, languageName } from './languages';

/** The same tag shape as a fixed choice option (surveys/domain/question.ts, ChoiceOption.id). */
export const TERM_ID_PATTERN = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
export const TERM_ID_MAX = 64;
export const TERM_LABEL_MAX = 100;
/** More than this in one taxonomy no longer fits a survey question a person can answer. */
export const MAX_TERMS_PER_KIND = 500;

export const TERM_ID_ISSUE = `must be lowercase letters and digits, words joined by - or _ (e.g. public-speaking), at most ${TERM_ID_MAX} characters`;

export interface Term {
  readonly id: string;
  readonly label: string;
}

export interface NewTermInput {
  readonly id?: string;
  readonly label?: string;
}

export type Resolved<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };

export function isTaxonomyKind(value: string): value is TaxonomyKind {
  return (TAXONOMY_KINDS as readonly string[]).includes(value);
}

/** Latin letters that have no decomposition, so NFKD alone would turn "Straße" into "stra-e". */
const LATIN_LETTERS: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * The id a label suggests: compatibility-decomposed (NFKD) so "ﬁ" becomes
 * "fi", diacritics dropped ("Économie" → "economie"), lower case, every run of
 * other characters one "-", cut to the maximum length. Empty when the label has
 * no latin letter or digit (e.g. "日本語"): the caller must then choose an id.
 */
export function deriveTermId(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => LATIN_LETTERS[letter])
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, TERM_ID_MAX)
    .replace(/-$/, '');
}

/** Why `id` cannot name a term of `kind`, or null. */
export function termIdIssue(kind: TaxonomyKind, id: string): string | null {
  if (kind === 'languages') return languageCodeIssue(id);
  if (id.length > TERM_ID_MAX || !TERM_ID_PATTERN.test(id)) return TERM_ID_ISSUE;
  return null;
}

/** A label as stored: NFC, trimmed, inner whitespace collapsed to one space. */
export function normalizeLabel(label: string): string {
  return label.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Why a (normalised) label cannot be stored, or null. */
export function labelIssue(label: string): string | null {
  if (label.length === 0) return 'must not be empty';
  if ([...label].length > TERM_LABEL_MAX) return `must be at most ${TERM_LABEL_MAX} characters`;
  if (/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/u.test(label)) return 'must not contain control or unassigned characters';
  return null;
}

/**
 * The term an organizer adds. The id is derived from the label when not
 * given; for languages it must be an ISO 639-1 code, either given or found
 * from the label's English name, and the label defaults to that name.
 * Every problem is reported at once, by field.
 */
export function resolveNewTerm(kind: TaxonomyKind, input: NewTermInput): Resolved<Term> {
  const problems: Problem[] = [];
  let label = input.label === undefined ? undefined : normalizeLabel(input.label);
  const labelProblem = label === undefined ? null : labelIssue(label);
  if (labelProblem) problems.push({ path: 'label', issue: labelProblem });

  let id = input.id;
  if (id !== undefined) {
    const idProblem = termIdIssue(kind, id);
    if (idProblem) problems.push({ path: 'id', issue: idProblem });
  } else if (kind === 'languages') {
    if (label === undefined) problems.push({ path: 'id', issue: 'is required unless label is the English name of a language' });
    else if (!labelProblem) {
      id = languageCodeNamed(label);
      if (!id) problems.push({ path: 'id', issue: `is required: "${label}" is not the English name of an ISO 639-1 language` });
    }
  } else if (label !== undefined && !labelProblem) {
    id = deriveTermId(label);
    if (!id) problems.push({ path: 'id', issue: 'is required: the label has no latin letter or digit to derive it from' });
  }

  if (label === undefined) {
    if (kind !== 'languages') problems.push({ path: 'label', issue: 'is required' });
    else if (id !== undefined && problems.length === 0) label = languageName(id);
  }
  if (problems.length > 0 || !id || label === undefined) return { ok: false, problems };
  return { ok: true, value: { id, label } };
}

/** A new label for an existing term. */
export function resolveLabel(label: string): Resolved<string> {
  const normalized = normalizeLabel(label);
  const issue = labelIssue(normalized);
  return issue ? { ok: false, problems: [{ path: 'label', issue }] } : { ok: true, value: normalized };
}

const labelCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Terms as people read them: by label (case and accents aside, numbers in order), then by id. */
export function byLabel<T extends Term>(a: T, b: T): number {
  return labelCollator.compare(a.label, b.label) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
