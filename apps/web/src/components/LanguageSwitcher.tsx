import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../i18n/i18n';

/** Switches the page's language at once; the document's lang follows, for screen readers. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const change = (language: Language) => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  };
  return (
    <label className="language-switcher">
      <span>{t('language.label')}</span>
      <select value={i18n.language} onChange={(event) => change(event.target.value as Language)}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
