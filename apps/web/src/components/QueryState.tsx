import { useTranslation } from 'react-i18next';
import { Button } from './Button';

/**
 * What a page shows while its data is on its way or could not come: a
 * polite "loading" for screen readers, or the error with a way to try again.
 */
export function QueryState({ status, onRetry }: { status: 'pending' | 'error'; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (status === 'pending')
    return (
      <p className="query-state" role="status">
        {t('state.loading')}
      </p>
    );
  return (
    <div className="query-state" role="alert">
      <p>{t('state.error')}</p>
      {onRetry && <Button onPress={onRetry}>{t('state.retry')}</Button>}
    </div>
  );
}
