import type { BrowserLocale, ViewportName } from '@passerelle/testing';
import { en } from '../../apps/web/src/i18n/en';
import { fr } from '../../apps/web/src/i18n/fr';

/** The application's messages, as the browser suites find elements by them. */
export const CATALOGUES = { fr, en } as const;
export type Language = keyof typeof CATALOGUES;
export type Text = (typeof CATALOGUES)[Language];
/** The browser's language that makes the application speak each of ours. */
export const LOCALES: Record<Language, BrowserLocale> = { fr: 'fr-FR', en: 'en-GB' };

/** A message with its `{{name}}` placeholders filled in, as i18next fills them. */
export const say = (message: string, values: Record<string, string | number> = {}) => message.replace(/{{(\w+)}}/g, (_, name: string) => String(values[name]));

/** Every width at every language, as the suites scan the pages. */
export const EVERY_VIEW: ReadonlyArray<readonly [ViewportName, Language]> = [
  ['desk', 'fr'],
  ['phone', 'fr'],
  ['desk', 'en'],
  ['phone', 'en'],
] as const;
