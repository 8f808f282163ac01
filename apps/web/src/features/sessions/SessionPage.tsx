import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Button } from '../../components/Button';
import { FormError } from '../../components/FormError';
import { NO_PROBLEMS, type Problems, problemsOf } from '../../components/form-problems';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { SelectField } from '../../components/SelectField';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import { useDateTime } from '../conversations/use-date-time';
import { DURATIONS } from './ProposeSessionPage';
import { MODE_LABELS, STATUS_LABELS, useSessionTime } from './session-format';
import {
  type MentoringSession,
  SessionCallFailed,
  useCalendarDownload,
  useCancelSession,
  useConfirmSession,
  useRescheduleSession,
  useSessionDetails,
  useSessionNotices,
} from './session-queries';
import { usePartnerNames } from './SessionsPage';
import { wallClockOf, zonedInstant } from './zoned-time';

const refusalOf = (failure: Error) => (failure instanceof SessionCallFailed ? failure.error : undefined);

/** One session: when and how, and what the person can do with it (confirm, move, cancel, join, add to a calendar). */
export function SessionPage() {
  const { sessionId = '' } = useParams();
  const { t } = useTranslation();
  const session = useSessionDetails(sessionId);
  const names = usePartnerNames();
  const when = useSessionTime();
  if (!session.data) return <QueryState status={session.isError ? 'error' : 'pending'} onRetry={() => void session.refetch()} />;
  const current = session.data;
  const name = names.get(current.matchId);
  const open = current.status === 'proposed' || current.status === 'confirmed';
  return (
    <Page title={name ? t('sessions.titleWith', { name }) : t('sessions.titleOne')} actions={<Link to="/sessions">{t('sessions.back')}</Link>}>
      <dl className="session-facts">
        <dt>{t('sessions.fact.when')}</dt>
        <dd>{when(current)}</dd>
        <dt>{t('sessions.fact.duration')}</dt>
        <dd>{t('sessions.duration', { minutes: current.durationMinutes })}</dd>
        <dt>{t('sessions.fact.mode')}</dt>
        <dd>{t(MODE_LABELS[current.mode])}</dd>
        {current.location && (
          <>
            <dt>{t('sessions.fact.location')}</dt>
            <dd>{current.location}</dd>
          </>
        )}
        {current.agenda && (
          <>
            <dt>{t('sessions.fact.agenda')}</dt>
            <dd className="session-agenda">{current.agenda}</dd>
          </>
        )}
        <dt>{t('sessions.fact.status')}</dt>
        <dd>
          <strong>{t(STATUS_LABELS[current.status])}</strong>
          {current.status === 'proposed' && ` · ${current.awaitingMyConfirmation ? t('sessions.awaitingYou') : t('sessions.awaitingThem')}`}
          {current.cancelReason && ` · ${t('sessions.cancelledBecause', { reason: current.cancelReason })}`}
        </dd>
      </dl>
      {open && <SessionActions session={current} />}
      <SessionNotices sessionId={current.id} />
    </Page>
  );
}

function SessionActions({ session }: { session: MentoringSession }) {
  const { t } = useTranslation();
  const confirm = useConfirmSession(session.id);
  const calendar = useCalendarDownload(session.id);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  return (
    <section className="session-actions" aria-labelledby="session-actions-title">
      <h2 id="session-actions-title">{t('sessions.actions')}</h2>
      <FormError message={problems.general} />
      <div className="session-buttons">
        {session.awaitingMyConfirmation && (
          <Button
            isDisabled={confirm.isPending}
            onPress={() => confirm.mutate(undefined, { onSuccess: () => setProblems(NO_PROBLEMS), onError: (failure) => setProblems(problemsOf(refusalOf(failure), [])) })}
          >
            {t('sessions.confirm')}
          </Button>
        )}
        {session.meetingUrl && (
          <a className="button button-secondary" href={session.meetingUrl} target="_blank" rel="noopener noreferrer">
            {t('sessions.join')}
            <span className="visually-hidden"> {t('sessions.newWindow')}</span>
          </a>
        )}
        <Button variant="secondary" isDisabled={calendar.isPending} onPress={() => calendar.mutate(undefined, { onError: (failure) => setProblems(problemsOf(refusalOf(failure), [])) })}>
          {t('sessions.addToCalendar')}
        </Button>
      </div>
      <RescheduleForm session={session} />
      <CancelForm session={session} />
    </section>
  );
}

function RescheduleForm({ session }: { session: MentoringSession }) {
  const { t } = useTranslation();
  const reschedule = useRescheduleSession(session.id);
  const [form, setForm] = useState(() => ({ ...wallClockOf(session.startsAt, session.timeZone), durationMinutes: String(session.durationMinutes) }));
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [done, setDone] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    reschedule.mutate(
      { startsAt: form.date && form.time ? zonedInstant(form.date, form.time, session.timeZone) : '', durationMinutes: Number(form.durationMinutes) },
      {
        onSuccess: () => {
          setProblems(NO_PROBLEMS);
          setDone(true);
        },
        onError: (failure) => setProblems(problemsOf(refusalOf(failure), ['startsAt', 'durationMinutes'])),
      },
    );
  };
  return (
    <form className="session-form" onSubmit={submit} noValidate aria-labelledby="reschedule-title">
      <h3 id="reschedule-title">{t('sessions.reschedule')}</h3>
      <p className="field-hint">{t('sessions.rescheduleHint', { zone: session.timeZone })}</p>
      <FormError message={problems.general} />
      <TextField label={t('sessions.field.newDate')} type="date" value={form.date} error={problems.fields.startsAt} onChange={(event) => setForm({ ...form, date: event.target.value })} />
      <TextField label={t('sessions.field.newTime')} type="time" value={form.time} onChange={(event) => setForm({ ...form, time: event.target.value })} />
      <SelectField
        label={t('sessions.field.duration')}
        options={DURATIONS.map((minutes) => ({ value: String(minutes), label: t('sessions.duration', { minutes }) }))}
        value={form.durationMinutes}
        error={problems.fields.durationMinutes}
        onChange={(event) => setForm({ ...form, durationMinutes: event.target.value })}
      />
      <Button type="submit" variant="secondary" isDisabled={reschedule.isPending}>
        {t('sessions.rescheduleSend')}
      </Button>
      <p role="status" className="form-done">
        {done ? t('sessions.rescheduled') : null}
      </p>
    </form>
  );
}

function CancelForm({ session }: { session: MentoringSession }) {
  const { t } = useTranslation();
  const cancel = useCancelSession(session.id);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    cancel.mutate(reason, { onError: (failure) => setProblems(problemsOf(refusalOf(failure), ['reason'])) });
  };
  return (
    <form className="session-form" onSubmit={submit} noValidate aria-labelledby="cancel-title">
      <h3 id="cancel-title">{t('sessions.cancel')}</h3>
      <FormError message={problems.general} />
      <TextArea label={t('sessions.field.reason')} hint={t('sessions.field.reasonHint')} rows={2} value={reason} error={problems.fields.reason} onChange={(event) => setReason(event.target.value)} />
      <Button type="submit" variant="danger" isDisabled={cancel.isPending}>
        {t('sessions.cancelSend')}
      </Button>
    </form>
  );
}

/** The notices and reminders the service sent about this session (also mailed). */
function SessionNotices({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const notices = useSessionNotices(sessionId);
  const when = useDateTime();
  return (
    <section className="session-notices" aria-labelledby="session-notices-title">
      <h2 id="session-notices-title">{t('sessions.notices')}</h2>
      <p className="field-hint">{t('sessions.noticesHint')}</p>
      {!notices.data ? (
        <QueryState status={notices.isError ? 'error' : 'pending'} onRetry={() => void notices.refetch()} />
      ) : notices.data.length === 0 ? (
        <p>{t('sessions.noNotice')}</p>
      ) : (
        <ul className="notice-list">
          {notices.data.map((notice) => (
            <li key={notice.id}>
              <strong>{notice.title}</strong> · <time dateTime={notice.createdAt}>{when(notice.createdAt)}</time>
              <p>{notice.body}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
