import { useQueries, useQuery } from '@tanstack/react-query';
import { useApi } from '../../app/session';
import type { ApiError } from '../../api/client';
import type { components } from '../../api/types/intake';
import { dataOf, type ProgrammeRole } from '../programmes/programme-api';

export type Survey = components['schemas']['SurveyTemplateResponse'];
export type Question = Survey['questions'][number];
export type TaxonomyKind = components['schemas']['TermListResponse']['kind'];
export type Choice = { value: string; label: string };
export type LevelledChoice = { id: string; level?: number };
export type Availability = { timeZone: string; slots: string[] };
export type Answers = Record<string, unknown>;

export const BASELINE_SCALES = ['confidence', 'communication', 'leadership', 'networkSize'] as const;
export type BaselineScale = (typeof BASELINE_SCALES)[number];
export type Baseline = Partial<Record<BaselineScale, number>>;

export function useSurvey(programId: string, role: ProgrammeRole) {
  const api = useApi();
  return useQuery({
    queryKey: ['survey', programId, role],
    queryFn: async () => dataOf(await api.GET('/v1/programs/{programId}/surveys/{role}', { params: { path: { programId, role } } })),
  });
}

function taxonomyOf(question: Question): TaxonomyKind | undefined {
  return question.source && 'taxonomy' in question.source ? question.source.taxonomy : undefined;
}

/**
 * The choices of every choice question: its own options, or the network's
 * taxonomy it names (active terms, plus retired ones the person already chose,
 * so that an earlier answer still shows).
 */
export function useChoices(questions: readonly Question[] | undefined, answers: Answers) {
  const api = useApi();
  const kinds = [...new Set((questions ?? []).map(taxonomyOf).filter((kind): kind is TaxonomyKind => Boolean(kind)))];
  const results = useQueries({
    queries: kinds.map((kind) => ({
      queryKey: ['taxonomy', kind],
      queryFn: async () => dataOf(await api.GET('/v1/taxonomies/{kind}', { params: { path: { kind }, query: { includeRetired: true } } })).items,
      staleTime: 5 * 60_000,
    })),
  });
  const pending = results.some((result) => !result.data);
  const failed = results.some((result) => result.isError);
  const choicesOf = (question: Question): Choice[] => {
    const kind = taxonomyOf(question);
    if (!kind) {
      const options = question.source && 'options' in question.source ? (question.source.options ?? []) : [];
      return options.map((option) => ({ value: option.id ?? '', label: option.label ?? option.id ?? '' }));
    }
    const chosen = new Set(chosenIds(answers[question.id]));
    const terms = results[kinds.indexOf(kind)]?.data ?? [];
    return terms.filter((term) => !term.retired || chosen.has(term.id)).map((term) => ({ value: term.id, label: term.label }));
  };
  return { pending, failed, retry: () => void Promise.all(results.map((result) => result.refetch())), choicesOf };
}

export function chosenIds(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.map((item) => (typeof item === 'string' ? item : (item as LevelledChoice).id));
}

/** What the form sends for one answer: an empty answer is left out (an optional question may be), a number typed is a number. */
export function answerToSend(question: Question, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (question.type === 'number' || question.type === 'scale') {
    if (typeof value === 'number') return value;
    const text = String(value).trim().replace(',', '.');
    if (text === '') return undefined;
    // Something that is not a number goes as typed, so that the service's answer says what is wrong beside the field.
    return Number.isFinite(Number(text)) ? Number(text) : text;
  }
  if (question.type === 'short_text') return String(value).trim() === '' ? undefined : value;
  if (question.type === 'multiple_choice' && Array.isArray(value) && value.length === 0) return undefined;
  return value;
}

/**
 * The field a refusal's detail belongs to: any path under an answer
 * (`answers.availability.slots`, `answers.skills_wanted[0].level`) is that
 * question's, `baseline.<scale>` and `capacity` are their own.
 */
export function fieldOfPath(path: string): string {
  const answer = /^answers\.([a-z][a-z0-9_]*)/.exec(path);
  if (answer) return `answers.${answer[1]}`;
  const baseline = /^baseline\.(\w+)/.exec(path);
  if (baseline) return `baseline.${baseline[1]}`;
  return path;
}

/** The refusal with each detail moved to the field that shows it. */
export function onFields(error: ApiError | undefined): ApiError | undefined {
  if (!error) return error;
  return {
    ...error,
    details: (error.details ?? []).map((detail) => {
      const field = fieldOfPath(detail.path);
      // What within the answer is at fault (its slots, a choice's level) stays in the text.
      const within = detail.path.slice(field.length).replace(/^\./, '');
      return { path: field, issue: within ? `${within}: ${detail.issue}` : detail.issue };
    }),
  };
}
