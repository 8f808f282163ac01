import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';

/** Who wrote a thread or a post: their name, or what stands for it once the account is gone. */
export function authorOf(item: { erased: boolean; authorName: string | null }, t: TFunction): string {
  if (item.erased) return t('cohort.erasedAuthor');
  return item.authorName ?? t('cohort.unknownAuthor');
}

/** The answer for a programme or item the person has no access to (the services say 404 for both, on purpose). */
export function NotInCohort() {
  const { t } = useTranslation();
  return (
    <Page title={t('cohort.title')} width="narrow">
      <p>{t('cohort.notMember')}</p>
      <p>
        <Link to="/cohort">{t('cohort.back')}</Link>
      </p>
    </Page>
  );
}

/** A query still loading, or failed with a way to try again. */
export function Waiting({ failed, retry }: { failed: boolean; retry: () => void }) {
  return <QueryState status={failed ? 'error' : 'pending'} onRetry={retry} />;
}

/** "Show more" under a list of keyset pages. */
export function MoreButton({ more }: { more: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown } }) {
  const { t } = useTranslation();
  if (!more.hasNextPage) return null;
  return (
    <Button variant="secondary" isDisabled={more.isFetchingNextPage} onPress={() => void more.fetchNextPage()}>
      {t('cohort.loadMore')}
    </Button>
  );
}
