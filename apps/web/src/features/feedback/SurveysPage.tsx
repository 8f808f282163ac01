import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useDate } from '../matches/MatchCard';
import { useProgram, usePublicProfile } from '../matches/use-matches';
import { type OpenFeedback, useOpenFeedback } from './use-feedback';

/** Which session: its date, and who it was with when their profile can be read. */
export function SessionLine({ session }: { session: OpenFeedback['sessions'][number] }) {
  const { t } = useTranslation();
  const { date } = useDate();
  const partner = usePublicProfile(session.partnerId);
  const when = date(session.startsAt);
  return <p>{partner.data ? t('surveys.session.item', { date: when, name: partner.data.displayName }) : t('surveys.session.itemNoName', { date: when })}</p>;
}

/** Which programme a survey is about. */
export function useSurveyTitle(survey: OpenFeedback['surveys'][number]): string {
  const { t } = useTranslation();
  const program = useProgram(survey.programId);
  return t(`surveys.${survey.form}.item`, { program: program.data?.name ?? t('surveys.programFallback') });
}

function SessionItem({ session }: { session: OpenFeedback['sessions'][number] }) {
  const { t } = useTranslation();
  const { date } = useDate();
  const when = date(session.startsAt);
  return (
    <li className="card">
      <SessionLine session={session} />
      <Link to={`/surveys/session/${session.sessionId}`}>{t('surveys.session.give', { date: when })}</Link>
    </li>
  );
}

function SurveyItem({ survey }: { survey: OpenFeedback['surveys'][number] }) {
  const { t } = useTranslation();
  const { date } = useDate();
  const title = useSurveyTitle(survey);
  return (
    <li className="card">
      <p>
        <strong>{title}</strong>
      </p>
      <p>{survey.form === 'pulse' && survey.endsOn ? t('surveys.pulse.closes', { date: date(survey.endsOn) }) : t('surveys.exit.open')}</p>
      <Link to={`/surveys/${survey.form}/${survey.programId}`} aria-label={`${t('surveys.answer')} — ${title}`}>
        {t('surveys.answer')}
      </Link>
    </li>
  );
}

/** Everything the person may answer now; a form just sent says thank you here. */
export function SurveysPage() {
  const { t } = useTranslation();
  const open = useOpenFeedback();
  const location = useLocation();
  const thanked = (location.state as { thanked?: boolean } | null)?.thanked === true;
  if (!open.data) return <QueryState status={open.isError ? 'error' : 'pending'} onRetry={() => void open.refetch()} />;
  const { sessions, surveys } = open.data;
  return (
    <Page title={t('surveys.title')}>
      <p role="status" style={thanked ? undefined : { margin: 0 }}>
        {thanked ? t('surveys.thanks') : null}
      </p>
      <p>{t('surveys.intro')}</p>
      {sessions.length === 0 && surveys.length === 0 && <p>{t('surveys.empty')}</p>}
      {surveys.length > 0 && (
        <section aria-labelledby="surveys-programmes">
          <h2 id="surveys-programmes">{t('surveys.programmes.heading')}</h2>
          <ul className="stack-list">
            {surveys.map((survey) => (
              <SurveyItem key={`${survey.form}-${survey.programId}`} survey={survey} />
            ))}
          </ul>
        </section>
      )}
      {sessions.length > 0 && (
        <section aria-labelledby="surveys-sessions">
          <h2 id="surveys-sessions">{t('surveys.sessions.heading')}</h2>
          <ul className="stack-list">
            {sessions.map((session) => (
              <SessionItem key={session.sessionId} session={session} />
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}
