import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';

/** The notifications and the mail preferences, for members. */
export const notificationPages: RouteObject = {
  path: 'notifications',
  children: [
    { index: true, element: lazyPage(() => import('./NotificationsPage'), (page) => page.NotificationsPage) },
    { path: 'preferences', element: lazyPage(() => import('./PreferencesPage'), (page) => page.PreferencesPage) },
  ],
};

/** The page a mail's unsubscribe link opens: no session needed. */
export const unsubscribePage: RouteObject = { path: '/unsubscribe', element: lazyPage(() => import('./UnsubscribePage'), (page) => page.UnsubscribePage) };
