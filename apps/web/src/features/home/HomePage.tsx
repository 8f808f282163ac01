import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useMe } from './use-me';

/** The signed-in person's home. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data) return <QueryState status={me.isError ? 'error' : 'pending'} onRetry={() => void me.refetch()} />;
  return (
    <Page title={t('home.title')}>
      <p>{t('home.greeting', { name: me.data.displayName })}</p>
    </Page>
  );
}
