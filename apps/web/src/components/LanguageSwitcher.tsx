import { useTranslation } from 'react-i18next';
import { applyLanguage, LANGUAGES, type Language } from '../i18n/i18n';

/**
 * Switches the page's language at once; the document's lang follows, for
 * screen readers. `onChange` hears the choice (a signed-in person's is kept
 * with their profile).
 */
export function LanguageSwitcher({ onChange }: { onChange?: (language: Language) => void }) {
  const { t, i18n } = useTranslation();
  const change = (language: Language) => {
    applyLanguage(i18n, language);
    onChange?.(language);
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
