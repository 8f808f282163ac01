import { account } from './fr/account';
import { auth } from './fr/auth';
import { cohort } from './fr/cohort';
import { conversations } from './fr/conversations';
import { home } from './fr/home';
import { notifications } from './fr/notifications';
import { sessions } from './fr/sessions';
import { shell } from './fr/shell';

/**
 * The French messages by feature: one file per feature under fr/ and en/, so
 * that features add their messages without touching each other's.
 */
export const frByFeature = { shell, auth, home, conversations, sessions, cohort, notifications, account };

/** The French messages, the default language: every string a person reads is here and in en.ts, under the same keys. */
export const fr = { ...shell, ...auth, ...home, ...conversations, ...sessions, ...cohort, ...notifications, ...account } as const;

export type MessageKey = keyof typeof fr;
