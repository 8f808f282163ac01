import type { ApiError } from '../../api/client';
import type { MessageKey } from '../../i18n/fr';

export const FIELDS = ['network', 'email', 'password'] as const;
export type Field = (typeof FIELDS)[number];

export type Problems = { fields: Partial<Record<Field, string>>; general: MessageKey | null };

export const NO_PROBLEMS: Problems = { fields: {}, general: null };

/** The server's field problems go beside their fields; anything else becomes one general message. */
export function problemsOf(error: ApiError): Problems {
  const fields: Partial<Record<Field, string>> = {};
  for (const detail of error.details) {
    const field = FIELDS.find((name) => name === detail.path);
    if (field && !fields[field]) fields[field] = detail.issue;
  }
  if (Object.keys(fields).length > 0) return { fields, general: 'login.error.fields' };
  if (error.statusCode === 401) return { fields, general: 'login.error.invalidCredentials' };
  if (error.statusCode === 429) return { fields, general: 'login.error.throttled' };
  return { fields, general: 'login.error.unexpected' };
}
