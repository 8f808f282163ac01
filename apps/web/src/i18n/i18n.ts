import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { fr } from './fr';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** French unless the browser prefers English first: the networks are French, their members mostly read French. */
export function preferredLanguage(browserLanguages: readonly string[]): Language {
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if ((LANGUAGES as readonly string[]).includes(base)) return base as Language;
  }
  return 'fr';
}

/** Shows the application in `language` at once; the document's lang follows, for screen readers. */
export function applyLanguage(instance: i18n, language: Language): void {
  void instance.changeLanguage(language);
  document.documentElement.lang = language;
}

/** One i18next instance per application (and per test), so that tests never share a language. */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'fr',
    resources: { fr: { translation: fr }, en: { translation: en } },
    // Keys are flat ('login.email'): dots are part of the key, not a nesting.
    keySeparator: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  });
  return instance;
}
