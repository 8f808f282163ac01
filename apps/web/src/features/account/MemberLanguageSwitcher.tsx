import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { applyLanguage } from '../../i18n/i18n';
import { useMe } from '../home/use-me';
import { useSaveProfile } from './use-save-profile';

/**
 * The language switcher of a signed-in person: their profile's language is
 * applied as soon as it is known (after signing in, after a reload), and a
 * switch is saved to it, so it follows them to their next visit and device.
 */
export function MemberLanguageSwitcher() {
  const { i18n } = useTranslation();
  const locale = useMe().data?.locale;
  const save = useSaveProfile(['locale']);
  useEffect(() => {
    if (locale && locale !== i18n.language) applyLanguage(i18n, locale);
    // Only when the profile's language changes (i18n is one instance): a switch not yet saved is not undone.
  }, [locale, i18n]);
  return <LanguageSwitcher onChange={(language) => save.mutate({ locale: language })} />;
}
