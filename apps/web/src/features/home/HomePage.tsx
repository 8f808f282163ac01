import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useGoals } from '../enrolment/goal-api';
import { type Enrolment, formatDay, formatMoment, intakeIsOpen, type Programme, useMyEnrolments, usePublishedProgrammes } from '../programmes/programme-api';
import { useMyConversations, useMyMatches, useMySessions } from './home-api';
import { useMe } from './use-me';

/** A part of the home: its heading, and its content once its data is there (each part loads, fails and retries on its own). */
function Panel({ id, title, queries, children }: { id: string; title: string; queries: UseQueryResult[]; children: () => ReactNode }) {
  const failed = queries.some((query) => query.isError);
  const ready = queries.every((query) => query.data !== undefined);
  return (
    <section className="card home-panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {ready ? children() : <QueryState status={failed ? 'error' : 'pending'} onRetry={() => void Promise.all(queries.map((query) => query.refetch()))} />}
    </section>
  );
}

/** The signed-in person's home: their programmes, their pair, the next session, unread messages, what is open to answer, and their progress. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const enrolments = useMyEnrolments();
  const programmes = usePublishedProgrammes();
  const matches = useMyMatches();
  const conversations = useMyConversations();
  const sessions = useMySessions();
  if (!me.data) return <QueryState status={me.isError ? 'error' : 'pending'} onRetry={() => void me.refetch()} />;
  const active = enrolments.data?.filter((enrolment) => enrolment.status === 'active') ?? [];
  const nameOf = (programId: string) => programmes.data?.find((programme) => programme.id === programId)?.name ?? t('progress.aProgramme');
  return (
    <Page title={t('home.title')}>
      <p className="lead">{t('home.greeting', { name: me.data.displayName })}</p>
      <div className="home-grid">
        <Panel id="home-programmes" title={t('home.programmes')} queries={[enrolments, programmes]}>
          {() => <MyProgrammes enrolments={enrolments.data ?? []} programmes={programmes.data ?? []} />}
        </Panel>

        <Panel id="home-match" title={t('home.match')} queries={[matches, conversations]}>
          {() => {
            const current = matches.data?.find((match) => match.status === 'active');
            // A proposal waits for this person only until they accept it; then it waits for the other side.
            const waiting =
              matches.data?.filter((match) => match.status === 'proposed' && (match.menteeId === me.data.id ? match.menteeAcceptedAt === null : match.mentorAcceptedAt === null)) ?? [];
            const counterpart = conversations.data?.find((conversation) => conversation.matchId === current?.id)?.counterpart;
            return (
              <>
                {current ? (
                  <p>
                    {t(counterpart?.role === 'mentor' ? 'home.yourMentor' : 'home.yourMentee', { name: counterpart?.displayName ?? t('home.someone'), programme: nameOf(current.programId) })}
                  </p>
                ) : (
                  <p>{t('home.noMatch')}</p>
                )}
                {waiting.length > 0 && <p className="notice">{t('home.proposalsWaiting', { n: waiting.length })}</p>}
                <Link to="/matches">{t('home.toMatches')}</Link>
              </>
            );
          }}
        </Panel>

        <Panel id="home-session" title={t('home.nextSession')} queries={[sessions]}>
          {() => <NextSession sessions={sessions.data ?? []} />}
        </Panel>

        <Panel id="home-messages" title={t('home.messages')} queries={[conversations]}>
          {() => {
            const unread = (conversations.data ?? []).reduce((sum, conversation) => sum + conversation.unreadCount, 0);
            return (
              <>
                <p className={unread > 0 ? 'figure-text' : undefined}>{unread > 0 ? t('home.unread', { n: unread }) : t('home.noUnread')}</p>
                <Link to="/conversations">{t('home.toConversations')}</Link>
              </>
            );
          }}
        </Panel>

        <Panel id="home-surveys" title={t('home.surveys')} queries={[enrolments, programmes, sessions]}>
          {() => <OpenSurveys enrolments={enrolments.data ?? []} programmes={programmes.data ?? []} heldSessions={(sessions.data ?? []).filter((session) => session.status === 'completed').length} />}
        </Panel>

        <Panel id="home-progress" title={t('home.progress')} queries={[enrolments]}>
          {() =>
            active.length === 0 ? (
              <p>{t('home.noProgress')}</p>
            ) : (
              <>
                <ul className="plain-list">
                  {active.map((enrolment) => (
                    <GoalSummary key={enrolment.id} enrolment={enrolment} programme={nameOf(enrolment.programId)} />
                  ))}
                </ul>
                <Link to="/progress">{t('home.toProgress')}</Link>
              </>
            )
          }
        </Panel>
      </div>
    </Page>
  );
}

function MyProgrammes({ enrolments, programmes }: { enrolments: Enrolment[]; programmes: Programme[] }) {
  const { t } = useTranslation();
  const active = enrolments.filter((enrolment) => enrolment.status === 'active');
  return (
    <>
      {active.length === 0 ? (
        <p>{t('home.notEnrolled')}</p>
      ) : (
        <ul className="plain-list">
          {active.map((enrolment) => {
            const programme = programmes.find((candidate) => candidate.id === enrolment.programId);
            return (
              <li key={enrolment.id}>
                <Link to={`/programmes/${enrolment.programId}`}>{programme?.name ?? t('progress.aProgramme')}</Link>
                <span className="status status-active block">{t('programmes.status.active', { role: t(`programmes.role.${enrolment.role}`) })}</span>
              </li>
            );
          })}
        </ul>
      )}
      <Link to="/programmes">{t('home.toProgrammes')}</Link>
    </>
  );
}

function NextSession({ sessions }: { sessions: { id: string; status: string; startsAt: string; mode: string; awaitingMyConfirmation: boolean }[] }) {
  const { t, i18n } = useTranslation();
  const now = Date.now();
  const next = sessions.find((session) => (session.status === 'confirmed' || session.status === 'proposed') && Date.parse(session.startsAt) >= now);
  return (
    <>
      {next ? (
        <>
          <p className="figure-text">{formatMoment(next.startsAt, i18n.language)}</p>
          <p>
            {t(`home.mode.${next.mode}`)}
            {' · '}
            {next.status === 'confirmed' ? t('home.confirmed') : next.awaitingMyConfirmation ? t('home.toConfirm') : t('home.proposed')}
          </p>
        </>
      ) : (
        <p>{t('home.noSession')}</p>
      )}
      <Link to="/sessions">{t('home.toSessions')}</Link>
    </>
  );
}

function OpenSurveys({ enrolments, programmes, heldSessions }: { enrolments: Enrolment[]; programmes: Programme[]; heldSessions: number }) {
  const { t, i18n } = useTranslation();
  const open = programmes.filter((programme) => intakeIsOpen(programme) && !enrolments.some((enrolment) => enrolment.programId === programme.id && enrolment.status === 'active'));
  return (
    <>
      {open.length === 0 && heldSessions === 0 && <p>{t('home.noSurveys')}</p>}
      <ul className="plain-list">
        {open.map((programme) => (
          <li key={programme.id}>
            <Link to={`/programmes/${programme.id}`}>{t('home.intakeSurvey', { programme: programme.name })}</Link>{' '}
            <span className="muted">{t('home.until', { day: formatDay(programme.intakeClosesOn, i18n.language) })}</span>
          </li>
        ))}
        {heldSessions > 0 && (
          <li>
            <Link to="/feedback">{t('home.feedback', { n: heldSessions })}</Link>
          </li>
        )}
      </ul>
    </>
  );
}

/** One enrolment's goals in a line: how many, and how far along on average. */
function GoalSummary({ enrolment, programme }: { enrolment: Enrolment; programme: string }) {
  const { t } = useTranslation();
  const goals = useGoals(enrolment.id);
  const kept = goals.data?.filter((goal) => goal.status !== 'abandoned') ?? [];
  const average = kept.length === 0 ? 0 : Math.round(kept.reduce((sum, goal) => sum + goal.progressPercent, 0) / kept.length);
  return (
    <li>
      <strong>{programme}</strong> ({t(`programmes.role.${enrolment.role}`)}){' — '}
      {goals.data === undefined ? t('state.loading') : kept.length === 0 ? t('home.noGoals') : t('home.goalsProgress', { n: kept.length, percent: average })}
    </li>
  );
}
