import { useTranslation } from 'react-i18next';
import type { Enrolment } from './programme-api';

/** Where the person stands in one programme: enrolled as mentor or mentee, withdrawn, or not enrolled. */
export function EnrolmentBadge({ enrolments }: { enrolments: readonly Enrolment[] }) {
  const { t } = useTranslation();
  if (enrolments.length === 0) return <p className="status">{t('programmes.status.none')}</p>;
  return (
    <ul className="status-list">
      {enrolments.map((enrolment) => (
        <li key={enrolment.id} className={`status status-${enrolment.status}`}>
          {t(`programmes.status.${enrolment.status}`, { role: t(`programmes.role.${enrolment.role}`) })}
        </li>
      ))}
    </ul>
  );
}
