import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Button } from '../../components/Button';
import { SingleChoice } from '../../components/ChoiceGroup';
import { FormError } from '../../components/FormError';
import { NO_PROBLEMS, type Problems, problemsOf } from '../../components/form-problems';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { SelectField } from '../../components/SelectField';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import { useConversations } from '../conversations/conversation-queries';
import { useMe } from '../home/use-me';
import { MODE_LABELS } from './session-format';
import { type MentoringSession, type ProposeSession, SessionCallFailed, useProposeSession } from './session-queries';
import { browserTimeZone, timeZones, zonedInstant } from './zoned-time';

export const DURATIONS = [15, 30, 45, 60, 90, 120, 180, 240];
const FIELDS = ['matchId', 'startsAt', 'durationMinutes', 'mode', 'timeZone', 'location', 'agenda'];

/** Proposing a session to the other participant of a pair, who then confirms it. */
export function ProposeSessionPage() {
  const { t } = useTranslation();
  const conversations = useConversations();
  const me = useMe();
  if (!conversations.data || me.isPending) return <QueryState status={conversations.isError ? 'error' : 'pending'} onRetry={() => void conversations.refetch()} />;
  const pairs = conversations.data.items.filter((conversation) => conversation.status === 'open');
  return (
    <Page title={t('sessions.propose')} width="narrow">
      {pairs.length === 0 ? (
        <p>{t('sessions.noPair')}</p>
      ) : (
        <ProposeForm
          pairs={pairs.map((pair) => ({ value: pair.matchId, label: pair.counterpart.displayName ?? t('conversations.formerMember') }))}
          defaultZone={me.data?.timeZone ?? browserTimeZone()}
        />
      )}
    </Page>
  );
}

function ProposeForm({ pairs, defaultZone }: { pairs: { value: string; label: string }[]; defaultZone: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const propose = useProposeSession();
  const [form, setForm] = useState({
    matchId: pairs.some((pair) => pair.value === search.get('matchId')) ? (search.get('matchId') as string) : pairs[0].value,
    date: '',
    time: '',
    timeZone: defaultZone,
    durationMinutes: '60',
    mode: 'video' as MentoringSession['mode'],
    location: '',
    agenda: '',
  });
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const set = (field: keyof typeof form) => (value: string) => setForm((current) => ({ ...current, [field]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      matchId: form.matchId,
      // Left out when incomplete: the service then names the field that is missing.
      ...(form.date && form.time ? { startsAt: zonedInstant(form.date, form.time, form.timeZone) } : {}),
      durationMinutes: Number(form.durationMinutes),
      mode: form.mode,
      timeZone: form.timeZone,
      ...(form.mode === 'in_person' && form.location.trim() ? { location: form.location } : {}),
      ...(form.agenda.trim() ? { agenda: form.agenda } : {}),
    } as ProposeSession;
    propose.mutate(body, {
      onSuccess: (session) => navigate(`/sessions/${session.id}`),
      onError: (failure) => setProblems(problemsOf(failure instanceof SessionCallFailed ? failure.error : undefined, FIELDS)),
    });
  };
  return (
    <form onSubmit={submit} noValidate className="session-form">
      <FormError message={problems.general} />
      <SelectField label={t('sessions.field.pair')} options={pairs} value={form.matchId} error={problems.fields.matchId} onChange={(event) => set('matchId')(event.target.value)} />
      <TextField label={t('sessions.field.date')} type="date" required value={form.date} error={problems.fields.startsAt} onChange={(event) => set('date')(event.target.value)} />
      <TextField label={t('sessions.field.time')} type="time" required value={form.time} onChange={(event) => set('time')(event.target.value)} />
      <SelectField
        label={t('sessions.field.timeZone')}
        hint={t('sessions.field.timeZoneHint')}
        options={timeZones(form.timeZone).map((zone) => ({ value: zone, label: zone }))}
        value={form.timeZone}
        error={problems.fields.timeZone}
        onChange={(event) => set('timeZone')(event.target.value)}
      />
      <SelectField
        label={t('sessions.field.duration')}
        options={DURATIONS.map((minutes) => ({ value: String(minutes), label: t('sessions.duration', { minutes }) }))}
        value={form.durationMinutes}
        error={problems.fields.durationMinutes}
        onChange={(event) => set('durationMinutes')(event.target.value)}
      />
      <SingleChoice
        label={t('sessions.field.mode')}
        choices={(Object.keys(MODE_LABELS) as MentoringSession['mode'][]).map((mode) => ({ value: mode, label: t(MODE_LABELS[mode]) }))}
        value={form.mode}
        error={problems.fields.mode}
        onChange={(mode) => set('mode')(mode)}
      />
      {form.mode === 'in_person' && (
        <TextField label={t('sessions.field.location')} value={form.location} error={problems.fields.location} onChange={(event) => set('location')(event.target.value)} />
      )}
      {form.mode === 'video' && <p className="field-hint">{t('sessions.field.videoHint')}</p>}
      <TextArea label={t('sessions.field.agenda')} hint={t('sessions.field.agendaHint')} value={form.agenda} error={problems.fields.agenda} onChange={(event) => set('agenda')(event.target.value)} />
      <Button type="submit" isDisabled={propose.isPending}>
        {t('sessions.send')}
      </Button>
    </form>
  );
}
