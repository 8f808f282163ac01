import { account } from './fr/account';
import { auth } from './fr/auth';
import { cohort } from './fr/cohort';
import { conversations } from './fr/conversations';
import { enrolment } from './fr/enrolment';
import { feedback } from './fr/feedback';
import { home } from './fr/home';
import { matches } from './fr/matches';
import { notifications } from './fr/notifications';
import { programmes } from './fr/programmes';
import { progress } from './fr/progress';
import { sessions } from './fr/sessions';
import { shell } from './fr/shell';

/**
 * The French messages by feature: one file per feature under fr/ and en/, so
 * that features add their messages without touching each other's.
 */
export const frByFeature = { shell, auth, home, conversations, sessions, cohort, notifications, account, programmes, enrolment, progress, matches, feedback };

/** The French messages, the default language: every string a person reads is here and in en.ts, under the same keys. */
export const fr = { ...shell, ...auth, ...home, ...conversations, ...sessions, ...cohort, ...notifications, ...account, ...programmes, ...enrolment, ...progress, ...matches, ...feedback } as const;

export type MessageKey = keyof typeof fr;
