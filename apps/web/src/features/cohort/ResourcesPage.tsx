import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isNotFound } from '../../components/api-calls';
import { formatDateTime } from '../../components/DateTime';
import { Page } from '../../components/Page';
import { type Resource, useProgrammeHeading, useResources } from './cohort-api';
import { NotInCohort, Waiting } from './shared';

/** The material published for the person's role: training first, with what they completed, then the rest. */
export function ResourcesPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const resources = useResources(programId);
  const programme = useProgrammeHeading(programId);
  if (isNotFound(resources.error)) return <NotInCohort />;
  if (!resources.data) return <Waiting failed={resources.isError} retry={() => void resources.refetch()} />;
  const items = resources.data.items.filter((resource) => resource.status === 'published');
  const training = items.filter((resource) => resource.completable);
  const material = items.filter((resource) => !resource.completable);
  const done = training.filter((resource) => resource.myCompletion).length;
  return (
    <Page title={t('resources.title', { programme: programme.name })}>
      {items.length === 0 && <p>{t('resources.empty')}</p>}
      {training.length > 0 && (
        <section aria-labelledby="training-heading">
          <h2 id="training-heading">{t('resources.training')}</h2>
          <p>
            <label htmlFor="training-progress">{t('resources.progress', { done, total: training.length })}</label>{' '}
            <progress id="training-progress" max={training.length} value={done} />
          </p>
          <ResourceList programId={programId} items={training} />
        </section>
      )}
      {material.length > 0 && (
        <section aria-labelledby="material-heading">
          <h2 id="material-heading">{t('resources.material')}</h2>
          <ResourceList programId={programId} items={material} />
        </section>
      )}
    </Page>
  );
}

function ResourceList({ programId, items }: { programId: string; items: Resource[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="stack-list">
      {items.map((resource) => (
        <li key={resource.id} className="card">
          <h3 className="card-title">
            <Link to={`/cohort/${programId}/resources/${resource.id}`}>{resource.title}</Link>
          </h3>
          <p className="meta">
            {t(`resources.kind.${resource.kind}`)} · {t(`resources.audience.${resource.audience}`)}{' '}
            {resource.completable && (
              <span className={`badge ${resource.myCompletion ? 'badge-accent' : ''}`}>
                {resource.myCompletion
                  ? t('resources.completedOn', { date: formatDateTime(resource.myCompletion.completedAt, i18n.language, 'date') })
                  : t('resources.toDo')}
              </span>
            )}
          </p>
          {resource.description && <p>{resource.description}</p>}
        </li>
      ))}
    </ul>
  );
}
