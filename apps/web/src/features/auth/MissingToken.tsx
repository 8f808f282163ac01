import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiError } from '../../api/client';
import type { Problems } from '../../components/form-problems';
import { Page } from '../../components/Page';
import type { MessageKey } from '../../i18n/fr';

/** A mail's page opened without its token (typed by hand, or reloaded once the token was taken out of the address). */
export function MissingToken({ title, again, againLabel }: { title: string; again: string; againLabel: string }) {
  const { t } = useTranslation();
  return (
    <Page title={title} width="narrow">
      <p role="alert">{t('mailLink.missing')}</p>
      <p className="form-links">
        <Link to={again}>{againLabel}</Link>
      </p>
    </Page>
  );
}

/** A link that no longer works is named by the server as `token` (or `invitationToken`), a field no form shows: one message says what to do. */
export function tokenProblems(problems: Problems, refusal: ApiError | undefined, message: MessageKey, path = 'token'): Problems {
  const linkRefused = refusal?.statusCode === 400 && refusal.details.some((detail) => detail.path === path);
  return linkRefused ? { fields: problems.fields, general: message } : problems;
}
