import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useApi } from '../../app/session';
import { bodyOf, RequestFailed } from '../../components/api-calls';
import { Button } from '../../components/Button';
import { FormError } from '../../components/FormError';
import { Page } from '../../components/Page';
import { MAIL_CATEGORIES, type MailCategory } from './notifications-api';

/** What a mail's unsubscribe link carries: the category in the query, the token in the fragment (never sent to a server with the page). */
function linkOf(location: { search: string; hash: string }): { token: string; category: MailCategory } | null {
  const category = new URLSearchParams(location.search).get('category');
  const token = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  if (!token || !MAIL_CATEGORIES.includes(category as MailCategory)) return null;
  return { token, category: category as MailCategory };
}

/**
 * The page a mail's unsubscribe link opens, signed in or not: it says which
 * mail will stop, and only the button changes anything (a link scanner or a
 * preview that opens the page turns nothing off).
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const api = useApi();
  const link = linkOf(useLocation());
  const unsubscribe = useMutation({
    mutationFn: (request: { token: string; category: MailCategory }) => bodyOf(api.POST('/v1/notifications/unsubscribe', { params: { query: request } })),
  });
  const refused = unsubscribe.error instanceof RequestFailed && (unsubscribe.error.status === 400 || unsubscribe.error.status === 404);
  if (!link || refused)
    return (
      <Page title={t('unsubscribe.title')} width="narrow">
        <p role="alert">{t('unsubscribe.invalid')}</p>
      </Page>
    );
  const category = t(`preferences.category.${link.category}`);
  return (
    <Page title={t('unsubscribe.title')} width="narrow">
      {unsubscribe.isSuccess ? (
        <>
          <p role="status">{t('unsubscribe.done', { category })}</p>
          <p>
            <Link to="/notifications/preferences">{t('unsubscribe.preferences')}</Link>
          </p>
        </>
      ) : (
        <>
          <p>
            <strong>{t('unsubscribe.what', { category })}</strong>
          </p>
          <p>{t('unsubscribe.stays')}</p>
          <FormError message={unsubscribe.isError ? (unsubscribe.error instanceof RequestFailed ? 'form.error.unexpected' : 'form.error.unreachable') : null} />
          <Button isDisabled={unsubscribe.isPending} onPress={() => unsubscribe.mutate(link)}>
            {unsubscribe.isPending ? t('unsubscribe.confirming') : t('unsubscribe.confirm')}
          </Button>
        </>
      )}
    </Page>
  );
}
