import { useTranslation } from 'react-i18next';
import type { MessageKey } from '../../i18n/fr';
import type { PublicProfile } from './use-matches';

/** Each answer under its term, compactly: a profile is read at a glance. */
const TERM = { fontWeight: 600 } as const;
const ANSWER = { margin: '0 0 var(--space-2)' } as const;

const FIELDS: readonly { key: 'employer' | 'industry' | 'degree' | 'graduationYear' | 'city'; label: MessageKey }[] = [
  { key: 'employer', label: 'matches.profile.employer' },
  { key: 'industry', label: 'matches.profile.industry' },
  { key: 'degree', label: 'matches.profile.degree' },
  { key: 'graduationYear', label: 'matches.profile.graduationYear' },
  { key: 'city', label: 'matches.profile.city' },
];

/** What the other side chose to say about themselves; what they left blank is not shown. */
export function PartnerProfile({ profile }: { profile: PublicProfile }) {
  const { t, i18n } = useTranslation();
  const languages = new Intl.DisplayNames([i18n.language], { type: 'language' });
  const rows = FIELDS.filter((field) => profile[field.key] !== null);
  return (
    <dl>
      {rows.map((field) => (
        <div key={field.key}>
          <dt style={TERM}>{t(field.label)}</dt>
          <dd style={ANSWER}>{String(profile[field.key])}</dd>
        </div>
      ))}
      {profile.languages.length > 0 && (
        <div>
          <dt style={TERM}>{t('matches.profile.languages')}</dt>
          <dd style={ANSWER}>{profile.languages.map((code) => languages.of(code) ?? code).join(', ')}</dd>
        </div>
      )}
      {profile.bio && (
        <div>
          <dt style={TERM}>{t('matches.profile.bio')}</dt>
          <dd style={ANSWER}>{profile.bio}</dd>
        </div>
      )}
    </dl>
  );
}
