import { account } from './en/account';
import { auth } from './en/auth';
import { cohort } from './en/cohort';
import { conversations } from './en/conversations';
import { enrolment } from './en/enrolment';
import { feedback } from './en/feedback';
import { home } from './en/home';
import { matches } from './en/matches';
import { notifications } from './en/notifications';
import { programmes } from './en/programmes';
import { progress } from './en/progress';
import { sessions } from './en/sessions';
import { shell } from './en/shell';
import type { MessageKey } from './fr';

/** The English messages, under the keys of fr.ts (each feature's file is typed by its French twin). */
export const en: Record<MessageKey, string> = { ...shell, ...auth, ...home, ...conversations, ...sessions, ...cohort, ...notifications, ...account, ...programmes, ...enrolment, ...progress, ...matches, ...feedback };
