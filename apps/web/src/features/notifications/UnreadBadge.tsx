import { useTranslation } from 'react-i18next';
import { useUnreadCount } from './notifications-api';

/** The unread count beside the menu's "Notifications": a number to see, the words "n unread" for a screen reader. */
export function UnreadBadge() {
  const { t } = useTranslation();
  const unread = useUnreadCount();
  if (!unread.data) return null;
  return (
    <span className="nav-badge">
      <span aria-hidden="true">{unread.data > 99 ? '99+' : unread.data}</span>
      <span className="visually-hidden">{` (${t('notifications.unread', { count: unread.data })})`}</span>
    </span>
  );
}
