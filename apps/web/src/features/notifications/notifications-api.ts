import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { components as Communication } from '../../api/types/communication';
import { useApi } from '../../app/session';
import { bodyOf } from '../../components/api-calls';

export type Notification = Communication['schemas']['NotificationResponse'];
export type Preferences = Communication['schemas']['PreferencesResponse'];
export const MAIL_CATEGORIES = ['reminders', 'match_updates', 'organizer_alerts'] as const;
export type MailCategory = (typeof MAIL_CATEGORIES)[number];

export const notificationKeys = {
  all: ['notifications'] as const,
  list: ['notifications', 'list'] as const,
  unread: ['notifications', 'unread'] as const,
  preferences: ['notifications', 'preferences'] as const,
};

export function useNotifications() {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: notificationKeys.list,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => bodyOf(api.GET('/v1/notifications', { params: { query: { limit: 20, cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** How many notifications wait unread, for the menu: asked again every minute and whenever the window regains focus. */
export function useUnreadCount() {
  const api = useApi();
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: async () => (await bodyOf(api.GET('/v1/notifications', { params: { query: { limit: 1, unreadOnly: true } } }))).unreadCount,
    refetchInterval: 60_000,
  });
}

export function usePreferences() {
  const api = useApi();
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: () => bodyOf(api.GET('/v1/notifications/preferences')),
  });
}
