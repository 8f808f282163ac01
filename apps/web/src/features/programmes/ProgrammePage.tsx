import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useApi } from '../../app/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormError } from '../../components/FormError';
import { problemsOf } from '../../components/form-problems';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import type { MessageKey } from '../../i18n/fr';
import { ObjectiveList } from './ObjectiveList';
import { ApiRefusal, dataOf, type Enrolment, formatDay, intakeIsOpen, programmeKeys, type ProgrammeRole, useMyEnrolments, useProgramme } from './programme-api';

const ROLES: readonly ProgrammeRole[] = ['mentee', 'mentor'];

/** A programme's page: what it is for, its charter, roles, dates and rhythm; enrolling, or managing one's enrolment. */
export function ProgrammePage() {
  const { programId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const programme = useProgramme(programId);
  const enrolments = useMyEnrolments();
  if (!programme.data || !enrolments.data) {
    const failed = programme.isError || enrolments.isError;
    return <QueryState status={failed ? 'error' : 'pending'} onRetry={() => void Promise.all([programme.refetch(), enrolments.refetch()])} />;
  }
  const day = (value: string) => formatDay(value, i18n.language);
  const mine = enrolments.data.filter((enrolment) => enrolment.programId === programId && enrolment.status === 'active');
  const open = intakeIsOpen(programme.data);
  return (
    <Page title={programme.data.name}>
      {new URLSearchParams(location.search).get('saved') && (
        <p role="status" className="notice">
          {t('programmes.saved')}
        </p>
      )}
      {programme.data.description && <p className="lead">{programme.data.description}</p>}

      <section aria-labelledby="programme-objectives">
        <h2 id="programme-objectives">{t('programmes.objectives')}</h2>
        <ObjectiveList objectives={programme.data.objectives} />
      </section>

      <section aria-labelledby="programme-facts">
        <h2 id="programme-facts">{t('programmes.facts')}</h2>
        <dl className="facts">
          <dt>{t('programmes.dates')}</dt>
          <dd>{t('programmes.runs', { from: day(programme.data.startsOn), to: day(programme.data.endsOn) })}</dd>
          <dt>{t('programmes.intake')}</dt>
          <dd>{t('programmes.intakeWindow', { from: day(programme.data.intakeOpensOn), to: day(programme.data.intakeClosesOn) })}</dd>
          <dt>{t('programmes.cadence')}</dt>
          <dd>{t('programmes.cadenceDays', { days: programme.data.cadenceDays })}</dd>
          <dt>{t('programmes.roles')}</dt>
          <dd>{t('programmes.rolesText', { capacity: programme.data.defaultMentorCapacity })}</dd>
        </dl>
      </section>

      {programme.data.charter && (
        <section aria-labelledby="programme-charter">
          <h2 id="programme-charter">{t('programmes.charter')}</h2>
          <p className="charter">{programme.data.charter}</p>
        </section>
      )}

      <section aria-labelledby="programme-enrolment">
        <h2 id="programme-enrolment">{t('programmes.yourPlace')}</h2>
        {mine.map((enrolment) => (
          <MyEnrolment key={enrolment.id} enrolment={enrolment} intakeOpen={open} />
        ))}
        {open ? (
          <ul className="action-list">
            {ROLES.filter((role) => !mine.some((enrolment) => enrolment.role === role)).map((role) => (
              <li key={role}>
                <Link className="button button-primary" to={`/programmes/${programId}/enrol/${role}`}>
                  {t(`programmes.enrolAs.${role}`)}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          mine.length === 0 && <p>{t('programmes.intakeClosedLong', { from: day(programme.data.intakeOpensOn), to: day(programme.data.intakeClosesOn) })}</p>
        )}
      </section>
    </Page>
  );
}

/** The person's active enrolment in this programme: change the answers while intake is open, set goals, withdraw. */
function MyEnrolment({ enrolment, intakeOpen }: { enrolment: Enrolment; intakeOpen: boolean }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const withdraw = useMutation({
    mutationFn: async () => dataOf(await api.POST('/v1/enrollments/{id}/withdraw', { params: { path: { id: enrolment.id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: programmeKeys.myEnrolments }),
    onError: (error) => setProblem(problemsOf(error instanceof ApiRefusal ? error.problem : undefined, []).general),
  });
  const role = t(`programmes.role.${enrolment.role}`);
  return (
    <div className="card enrolment-card">
      <p className="status status-active">
        {t('programmes.enrolledSince', { role, day: formatDay(enrolment.submittedAt.slice(0, 10), i18n.language) })}
      </p>
      <FormError message={problem} />
      <ul className="action-list">
        {intakeOpen && (
          <li>
            <Link className="button button-secondary" to={`/programmes/${enrolment.programId}/enrol/${enrolment.role}`}>
              {t('programmes.editAnswers')}
            </Link>
          </li>
        )}
        <li>
          <Link className="button button-secondary" to={`/enrolments/${enrolment.id}/goals`}>
            {t('programmes.goals')}
          </Link>
        </li>
        <li>
          <ConfirmDialog
            trigger={t('programmes.withdraw')}
            title={t('programmes.withdrawTitle')}
            body={t('programmes.withdrawBody', { role })}
            confirm={t('programmes.withdrawConfirm')}
            cancel={t('programmes.withdrawCancel')}
            onConfirm={() => {
              setProblem(null);
              withdraw.mutate();
            }}
          />
        </li>
      </ul>
    </div>
  );
}
