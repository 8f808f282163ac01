import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../app/session';
import { bodyOf, isNotFound, refusalOf } from '../../components/api-calls';
import { Button } from '../../components/Button';
import { formatDateTime } from '../../components/DateTime';
import { FormError } from '../../components/FormError';
import { problemsOf } from '../../components/form-problems';
import { Page } from '../../components/Page';
import type { MessageKey } from '../../i18n/fr';
import { cohortKeys, useProgrammeHeading, useResource } from './cohort-api';
import { NotInCohort, Waiting } from './shared';

/** One resource: its material (a text, or a link to it) and, for training, marking it completed. */
export function ResourcePage() {
  const { t, i18n } = useTranslation();
  const { programId = '', resourceId = '' } = useParams();
  const api = useApi();
  const queryClient = useQueryClient();
  const resource = useResource(resourceId);
  const programme = useProgrammeHeading(programId);
  const [general, setGeneral] = useState<MessageKey | null>(null);
  const complete = useMutation({
    mutationFn: () => bodyOf(api.POST('/v1/resources/{id}/completion', { params: { path: { id: resourceId } } })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: cohortKeys.resource(resourceId) }),
        queryClient.invalidateQueries({ queryKey: cohortKeys.resources(programId) }),
      ]),
    onError: (error) => setGeneral(problemsOf(refusalOf(error), []).general),
  });
  if (isNotFound(resource.error)) return <NotInCohort />;
  if (!resource.data) return <Waiting failed={resource.isError} retry={() => void resource.refetch()} />;
  const r = resource.data;
  return (
    <Page title={r.title}>
      <p>
        <Link to={`/cohort/${programId}/resources`}>{t('resources.backToList')}</Link>
      </p>
      <p className="meta">
        {t(`resources.kind.${r.kind}`)} · {t(`resources.audience.${r.audience}`)} · {programme.name}
      </p>
      {r.description && <p>{r.description}</p>}
      {r.body && <div className="text resource-body">{r.body}</div>}
      {r.url && (
        <p>
          <a href={r.url} target="_blank" rel="noreferrer">
            {t('resources.external')}
          </a>
        </p>
      )}
      {r.completable && (
        <div className="form-section">
          <FormError message={general} />
          <p role="status" className={r.myCompletion ? 'notice' : undefined}>
            {r.myCompletion ? t('resources.completedNotice', { date: formatDateTime(r.myCompletion.completedAt, i18n.language, 'date') }) : ''}
          </p>
          {!r.myCompletion && !programme.closed && (
            <Button
              isDisabled={complete.isPending}
              onPress={() => {
                setGeneral(null);
                complete.mutate();
              }}
            >
              {complete.isPending ? t('resources.marking') : t('resources.markComplete')}
            </Button>
          )}
        </div>
      )}
    </Page>
  );
}
