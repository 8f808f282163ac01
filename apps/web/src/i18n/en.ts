import { auth } from './en/auth';
import { enrolment } from './en/enrolment';
import { home } from './en/home';
import { programmes } from './en/programmes';
import { progress } from './en/progress';
import { shell } from './en/shell';
import type { MessageKey } from './fr';

/** The English messages, under the keys of fr.ts (each feature's file is typed by its French twin). */
export const en: Record<MessageKey, string> = { ...shell, ...auth, ...home, ...programmes, ...enrolment, ...progress };
