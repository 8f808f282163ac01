import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useParams } from 'react-router';
import type { MessageKey } from '../../i18n/fr';

const SECTIONS: readonly { to: string; label: MessageKey }[] = [
  { to: 'forum', label: 'cohort.forum' },
  { to: 'gatherings', label: 'cohort.gatherings' },
  { to: 'resources', label: 'cohort.resources' },
];

/** A programme's three spaces, one link to each above whichever is open. */
export function CohortSpace() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  return (
    <>
      <nav className="cohort-sections" aria-label={t('cohort.sections')}>
        <ul>
          {SECTIONS.map((section) => (
            <li key={section.to}>
              <NavLink to={`/cohort/${programId}/${section.to}`}>{t(section.label)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
