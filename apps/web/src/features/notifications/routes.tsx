import type { RouteObject } from 'react-router';
import { NotificationsPage } from './NotificationsPage';
import { PreferencesPage } from './PreferencesPage';
import { UnsubscribePage } from './UnsubscribePage';

/** The notifications and the mail preferences, for members. */
export const notificationPages: RouteObject = {
  path: 'notifications',
  children: [
    { index: true, element: <NotificationsPage /> },
    { path: 'preferences', element: <PreferencesPage /> },
  ],
};

/** The page a mail's unsubscribe link opens: no session needed. */
export const unsubscribePage: RouteObject = { path: '/unsubscribe', element: <UnsubscribePage /> };
