import type { ComponentType } from 'react';
import { UnreadBadge } from '../features/notifications/UnreadBadge';
import type { MessageKey } from '../i18n/fr';

/**
 * The main navigation, in its order on screen. A feature that has a page of
 * its own in the menu adds one line here, and its route in routes.tsx; a
 * `badge` is shown after the label (a count waiting there).
 */
export const NAVIGATION: readonly { to: string; label: MessageKey; badge?: ComponentType }[] = [
  { to: '/', label: 'nav.home' },
  { to: '/programmes', label: 'nav.programmes' },
  { to: '/matches', label: 'nav.matches' },
  { to: '/messages', label: 'nav.messages' },
  { to: '/sessions', label: 'nav.sessions' },
  { to: '/surveys', label: 'nav.surveys' },
  { to: '/progress', label: 'nav.progress' },
  { to: '/cohort', label: 'nav.cohort' },
  { to: '/notifications', label: 'nav.notifications', badge: UnreadBadge },
  { to: '/profile', label: 'nav.profile' },
];
