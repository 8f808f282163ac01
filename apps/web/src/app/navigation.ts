import type { MessageKey } from '../i18n/fr';

/**
 * The main navigation, in its order on screen. A feature that has a page of
 * its own in the menu adds one line here, and its route in routes.tsx.
 */
export const NAVIGATION: readonly { to: string; label: MessageKey }[] = [
  { to: '/', label: 'nav.home' },
  { to: '/matches', label: 'nav.matches' },
  { to: '/messages', label: 'nav.messages' },
  { to: '/sessions', label: 'nav.sessions' },
  { to: '/surveys', label: 'nav.surveys' },
  { to: '/profile', label: 'nav.profile' },
];
