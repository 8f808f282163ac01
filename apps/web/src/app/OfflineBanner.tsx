import { onlineManager } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Says the connection is lost, for as long as it is. The query cache pauses
 * what it would fetch and resumes on its own when the browser is back online;
 * forms keep what was typed.
 */
export function OfflineBanner() {
  const { t } = useTranslation();
  const online = useSyncExternalStore(
    (listener) => onlineManager.subscribe(listener),
    () => onlineManager.isOnline(),
  );
  return (
    <div className="offline-banner" role="status" hidden={online}>
      {online ? null : t('state.offline')}
    </div>
  );
}
