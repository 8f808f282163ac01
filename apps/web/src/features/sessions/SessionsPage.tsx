import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useConversations } from '../conversations/conversation-queries';
import { MODE_LABELS, STATUS_LABELS, useSessionTime } from './session-format';
import { type MentoringSession, useSessionList } from './session-queries';

/** The person's sessions: those waiting for their answer, those ahead, and the rest. */
export function SessionsPage() {
  const { t } = useTranslation();
  const sessions = useSessionList();
  const names = usePartnerNames();
  if (!sessions.data) return <QueryState status={sessions.isError ? 'error' : 'pending'} onRetry={() => void sessions.refetch()} />;
  const now = Date.now();
  const ahead = (session: MentoringSession) => (session.status === 'proposed' || session.status === 'confirmed') && Date.parse(session.startsAt) > now;
  const toAnswer = sessions.data.filter((session) => ahead(session) && session.awaitingMyConfirmation);
  const upcoming = sessions.data.filter((session) => ahead(session) && !session.awaitingMyConfirmation);
  const past = sessions.data.filter((session) => !ahead(session)).reverse();
  return (
    <Page
      title={t('sessions.title')}
      actions={
        <Link className="button button-primary" to="/sessions/new">
          {t('sessions.propose')}
        </Link>
      }
    >
      {sessions.data.length === 0 && <p>{t('sessions.none')}</p>}
      <SessionGroup title={t('sessions.toAnswer')} sessions={toAnswer} names={names} />
      <SessionGroup title={t('sessions.upcoming')} sessions={upcoming} names={names} />
      <SessionGroup title={t('sessions.past')} sessions={past} names={names} />
    </Page>
  );
}

/** The other participant's name in each pair, by match id (from the pairs' conversations). */
export function usePartnerNames(): ReadonlyMap<string, string> {
  const conversations = useConversations();
  return new Map((conversations.data?.items ?? []).flatMap((conversation) => (conversation.counterpart.displayName ? [[conversation.matchId, conversation.counterpart.displayName] as const] : [])));
}

function SessionGroup({ title, sessions, names }: { title: string; sessions: MentoringSession[]; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const when = useSessionTime();
  if (sessions.length === 0) return null;
  return (
    <section className="session-group" aria-label={title}>
      <h2>{title}</h2>
      <ul className="session-list">
        {sessions.map((session) => (
          <li key={session.id} className="card session-card">
            <Link to={`/sessions/${session.id}`}>{when(session)}</Link>
            <p>
              {names.get(session.matchId) ? t('sessions.withName', { name: names.get(session.matchId) }) : null} {t(MODE_LABELS[session.mode])} ·{' '}
              {t('sessions.duration', { minutes: session.durationMinutes })} · <strong>{t(STATUS_LABELS[session.status])}</strong>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
