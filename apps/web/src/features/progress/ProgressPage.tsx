import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { GoalCard } from '../enrolment/GoalCard';
import { useGoals } from '../enrolment/goal-api';
import { type Enrolment, formatDay, formatMoment, useMyEnrolments, useProgramme } from '../programmes/programme-api';
import { type RoleProgress, type Scales, useMyProgress } from './progress-api';

const SCALES: readonly (keyof Scales)[] = ['confidence', 'communication', 'leadership', 'networkSize'];

/** Where the person stands in each programme they take part in: goals, self-assessment from baseline to now, sessions held. */
export function ProgressPage() {
  const { t } = useTranslation();
  const enrolments = useMyEnrolments();
  if (!enrolments.data) return <QueryState status={enrolments.isError ? 'error' : 'pending'} onRetry={() => void enrolments.refetch()} />;
  const active = enrolments.data.filter((enrolment) => enrolment.status === 'active');
  const programmeIds = [...new Set(active.map((enrolment) => enrolment.programId))];
  return (
    <Page title={t('progress.title')}>
      {programmeIds.length === 0 ? (
        <p>
          {t('progress.none')} <Link to="/programmes">{t('progress.seeProgrammes')}</Link>
        </p>
      ) : (
        programmeIds.map((programId) => (
          <ProgrammeProgress
            key={programId}
            programId={programId}
            enrolments={active.filter((enrolment) => enrolment.programId === programId)}
          />
        ))
      )}
    </Page>
  );
}

function ProgrammeProgress({ programId, enrolments }: { programId: string; enrolments: Enrolment[] }) {
  const { t } = useTranslation();
  const progress = useMyProgress(programId);
  // The programme itself, not the list of published ones: a closed programme keeps its name here.
  const name = useProgramme(programId).data?.name ?? t('progress.aProgramme');
  const headingId = `progress-${programId}`;
  return (
    <section aria-labelledby={headingId} className="programme-progress">
      <h2 id={headingId}>
        <Link to={`/programmes/${programId}`}>{name}</Link>
      </h2>
      {progress.isPending || progress.isError ? (
        <QueryState status={progress.isError ? 'error' : 'pending'} onRetry={() => void progress.refetch()} />
      ) : (
        enrolments.map((enrolment) => (
          <RoleSection key={enrolment.id} enrolment={enrolment} view={progress.data?.roles.find((role) => role.role === enrolment.role)} showRole={enrolments.length > 1} />
        ))
      )}
      {progress.data === null && <p className="muted">{t('progress.notYetCounted')}</p>}
    </section>
  );
}

function RoleSection({ enrolment, view, showRole }: { enrolment: Enrolment; view?: RoleProgress; showRole: boolean }) {
  const { t, i18n } = useTranslation();
  const goals = useGoals(enrolment.id);
  const baseline = view?.baseline ?? enrolment.baseline;
  const now = view?.latestSelfAssessment;
  // Under a role's own heading, the cards' headings are one level down.
  const Card = showRole ? 'h4' : 'h3';
  return (
    <div className="role-progress">
      {showRole && <h3>{t('progress.asRole', { role: t(`programmes.role.${enrolment.role}`) })}</h3>}
      <div className="progress-grid">
        <div className="card">
          <Card>{t('progress.sessions')}</Card>
          <p className="figure">{view?.sessionsHeld ?? 0}</p>
          <p>{view?.lastSessionAt ? t('progress.lastSession', { at: formatMoment(view.lastSessionAt, i18n.language) }) : t('progress.noSessionYet')}</p>
          {view?.menteeRatings && (
            <p>
              {view.menteeRatings.status === 'shown' && view.menteeRatings.average !== null
                ? t('progress.ratings', { average: view.menteeRatings.average })
                : t('progress.ratingsHidden', { n: view.menteeRatings.minimumRaters })}
            </p>
          )}
          <Link to="/sessions">{t('progress.toSessions')}</Link>
        </div>
        <div className="card">
          <Card>{t('progress.selfAssessment')}</Card>
          <table className="scales">
            <caption className="visually-hidden">{t('progress.scalesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('progress.scale')}</th>
                <th scope="col">{t('progress.baseline')}</th>
                <th scope="col">{now ? t(`progress.form.${now.form}`) : t('progress.now')}</th>
              </tr>
            </thead>
            <tbody>
              {SCALES.map((scale) => (
                <tr key={scale}>
                  <th scope="row">{t(`enrolment.scale.${scale}`)}</th>
                  <td>{t('progress.outOfFive', { value: baseline[scale] })}</td>
                  <td>{now ? t('progress.change', { value: now.scales[scale], delta: signed(now.scales[scale] - baseline[scale]) }) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {now ? (
            <p className="muted">{t('progress.answeredOn', { day: formatDay(now.submittedAt.slice(0, 10), i18n.language) })}</p>
          ) : (
            <p className="muted">{t('progress.noPulseYet')}</p>
          )}
        </div>
      </div>
      <Card>{t('progress.goals')}</Card>
      {goals.isPending || goals.isError ? (
        <QueryState status={goals.isError ? 'error' : 'pending'} onRetry={() => void goals.refetch()} />
      ) : goals.data.length === 0 ? (
        <p>{enrolment.role === 'mentee' ? t('progress.noGoalsMentee') : t('progress.noGoals')}</p>
      ) : (
        <ul className="goal-list">
          {goals.data.map((goal) => (
            <li key={goal.id}>
              <GoalCard goal={goal} canRecord={false} />
            </li>
          ))}
        </ul>
      )}
      <Link to={`/enrolments/${enrolment.id}/goals`}>{t('progress.manageGoals')}</Link>
    </div>
  );
}

function signed(delta: number): string {
  return delta > 0 ? `+${delta}` : String(delta);
}
