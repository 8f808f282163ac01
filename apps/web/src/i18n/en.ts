import { account } from './en/account';
import { auth } from './en/auth';
import { conversations } from './en/conversations';
import { feedback } from './en/feedback';
import { home } from './en/home';
import { matches } from './en/matches';
import { sessions } from './en/sessions';
import { shell } from './en/shell';
import type { MessageKey } from './fr';

/** The English messages, under the keys of fr.ts (each feature's file is typed by its French twin). */
export const en: Record<MessageKey, string> = { ...shell, ...auth, ...home, ...conversations, ...sessions, ...account, ...matches, ...feedback };
