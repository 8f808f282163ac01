import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { ObjectiveList } from './ObjectiveList';
import { EnrolmentBadge } from './EnrolmentBadge';
import { formatDay, intakeIsOpen, useMyEnrolments, usePublishedProgrammes } from './programme-api';

/** The network's published programmes, each with where the person stands in it. */
export function ProgrammesPage() {
  const { t, i18n } = useTranslation();
  const programmes = usePublishedProgrammes();
  const enrolments = useMyEnrolments();
  if (!programmes.data || !enrolments.data) {
    const failed = programmes.isError || enrolments.isError;
    return <QueryState status={failed ? 'error' : 'pending'} onRetry={() => void Promise.all([programmes.refetch(), enrolments.refetch()])} />;
  }
  return (
    <Page title={t('programmes.title')}>
      <p>{t('programmes.intro')}</p>
      {programmes.data.length === 0 ? (
        <p>{t('programmes.none')}</p>
      ) : (
        <ul className="card-list">
          {programmes.data.map((programme) => (
            <li key={programme.id} className="card programme-card">
              <h2>
                <Link to={`/programmes/${programme.id}`}>{programme.name}</Link>
              </h2>
              <ObjectiveList objectives={programme.objectives} />
              <p className="muted">{t('programmes.runs', { from: formatDay(programme.startsOn, i18n.language), to: formatDay(programme.endsOn, i18n.language) })}</p>
              <p>
                {intakeIsOpen(programme)
                  ? t('programmes.intakeOpenUntil', { day: formatDay(programme.intakeClosesOn, i18n.language) })
                  : t('programmes.intakeClosed')}
              </p>
              <EnrolmentBadge enrolments={enrolments.data.filter((enrolment) => enrolment.programId === programme.id)} />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
