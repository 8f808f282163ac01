import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { Page } from '../../components/Page';
import { useMyProgrammes } from './cohort-api';
import { Waiting } from './shared';

/** The programmes whose spaces the person may open; with only one, straight to its forum. */
export function CohortPage() {
  const { t } = useTranslation();
  const programmes = useMyProgrammes();
  if (!programmes.data) return <Waiting failed={programmes.isError} retry={() => void programmes.refetch()} />;
  if (programmes.data.length === 1) return <Navigate to={`/cohort/${programmes.data[0].id}/forum`} replace />;
  return (
    <Page title={t('cohort.title')}>
      <p>{t('cohort.intro')}</p>
      {programmes.data.length === 0 ? (
        <p>{t('cohort.none')}</p>
      ) : (
        <>
          <h2 id="programmes-heading">{t('cohort.programmes')}</h2>
          <ul className="card-list" aria-labelledby="programmes-heading">
            {programmes.data.map((programme) => (
              <li key={programme.id} className="card">
                <Link to={`/cohort/${programme.id}/forum`}>{programme.name}</Link>
                {programme.closed && <p className="meta">{t('cohort.closed')}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
