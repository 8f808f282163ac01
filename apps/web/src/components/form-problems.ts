import type { ApiError } from '../api/client';
import type { MessageKey } from '../i18n/fr';

/** A form's problems: the server's issue beside each field it names, and one general message for the rest. */
export type Problems = { fields: Record<string, string>; general: MessageKey | null };

export const NO_PROBLEMS: Problems = { fields: {}, general: null };

/**
 * Places a server refusal on a form. `fields` are the paths the form shows
 * (`goals.0.title` included); a detail naming a field the form does not show
 * still makes the general message say that something needs correcting.
 */
export function problemsOf(error: ApiError | undefined, fields: readonly string[]): Problems {
  if (!error) return { fields: {}, general: 'form.error.unreachable' };
  const placed: Record<string, string> = {};
  for (const detail of error.details ?? []) {
    if (fields.includes(detail.path) && !placed[detail.path]) placed[detail.path] = detail.issue;
  }
  if (Object.keys(placed).length > 0 || (error.statusCode === 400 && (error.details ?? []).length > 0)) return { fields: placed, general: 'form.error.fields' };
  return { fields: placed, general: generalMessageOf(error.statusCode) };
}

function generalMessageOf(statusCode: number): MessageKey {
  if (statusCode === 403) return 'form.error.forbidden';
  if (statusCode === 404) return 'form.error.notFound';
  if (statusCode === 409) return 'form.error.conflict';
  if (statusCode === 429) return 'form.error.throttled';
  return 'form.error.unexpected';
}
