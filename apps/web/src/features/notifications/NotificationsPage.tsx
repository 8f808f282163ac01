import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../app/session';
import { bodyOf } from '../../components/api-calls';
import { Button } from '../../components/Button';
import { formatDateTime } from '../../components/DateTime';
import { FormError } from '../../components/FormError';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { notificationKeys, useNotifications } from './notifications-api';

/** The person's notifications, newest first: the unread ones marked, each read on its own or all at once. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const notifications = useNotifications();
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  const markRead = useMutation({
    mutationFn: (id: string) => bodyOf(api.POST('/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSettled: refresh,
  });
  const markAll = useMutation({ mutationFn: () => bodyOf(api.POST('/v1/notifications/read-all')), onSettled: refresh });

  if (!notifications.data) return <QueryState status={notifications.isError ? 'error' : 'pending'} onRetry={() => void notifications.refetch()} />;
  const items = notifications.data.pages.flatMap((page) => page.items);
  const unread = notifications.data.pages[0].unreadCount;
  const failed = markRead.isError || markAll.isError;
  return (
    <Page title={t('notifications.title')} actions={<Link to="/notifications/preferences">{t('notifications.preferencesLink')}</Link>}>
      <FormError message={failed ? 'form.error.unexpected' : null} />
      <div className="toolbar">
        <p role="status">{unread > 0 ? t('notifications.unreadSummary', { count: unread }) : t('notifications.allRead')}</p>
        {unread > 0 && (
          <Button variant="secondary" isDisabled={markAll.isPending} onPress={() => markAll.mutate()}>
            {t('notifications.markAllRead')}
          </Button>
        )}
      </div>
      {items.length === 0 ? (
        <p>{t('notifications.empty')}</p>
      ) : (
        <ul className="stack-list">
          {items.map((notification) => (
            <li key={notification.id} className={`card${notification.readAt ? '' : ' card-unread'}`}>
              <h2 className="card-title">
                {!notification.readAt && <span className="badge badge-accent">{t('notifications.new')}</span>} {notification.title}
              </h2>
              <p className="meta">{t('notifications.receivedOn', { date: formatDateTime(notification.createdAt, i18n.language, 'short') })}</p>
              <p className="text">{notification.body}</p>
              {!notification.readAt && (
                <Button
                  variant="secondary"
                  aria-label={t('notifications.markReadOf', { title: notification.title })}
                  isDisabled={markRead.isPending && markRead.variables === notification.id}
                  onPress={() => markRead.mutate(notification.id)}
                >
                  {t('notifications.markRead')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {notifications.hasNextPage && (
        <Button variant="secondary" isDisabled={notifications.isFetchingNextPage} onPress={() => void notifications.fetchNextPage()}>
          {t('notifications.loadMore')}
        </Button>
      )}
    </Page>
  );
}
