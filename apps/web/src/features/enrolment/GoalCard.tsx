import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/session';
import { Button } from '../../components/Button';
import { FormError } from '../../components/FormError';
import { NO_PROBLEMS, type Problems, problemsOf } from '../../components/form-problems';
import { TextField } from '../../components/TextField';
import { ApiRefusal, dataOf, formatDay, today } from '../programmes/programme-api';
import { type Goal, type GoalMetric, goalKeys } from './goal-api';

const PROGRESS_FIELDS = ['valueReached', 'reachedOn'] as const;

/** A goal: what it aims for, by when, how far along it is, and recording where one stands now. */
export function GoalCard({ goal, metric, canRecord }: { goal: Goal; metric?: GoalMetric; canRecord: boolean }) {
  const { t, i18n } = useTranslation();
  const metricLabel = t(`goals.metric.${goal.metric}`, { defaultValue: metric?.label ?? goal.metric });
  return (
    <article className="card goal-card" aria-labelledby={`goal-${goal.id}`}>
      <h3 id={`goal-${goal.id}`}>{goal.title ?? t('goals.untitled')}</h3>
      <p className="muted">
        {t(`programmes.objective.${goal.objective}`)} · {metricLabel}
      </p>
      <p>{t('goals.aim', { from: goal.baselineValue, to: goal.targetValue, day: formatDay(goal.dueOn, i18n.language) })}</p>
      <p className={`status status-goal-${goal.status}`}>{t(`goals.status.${goal.status}`)}</p>
      <div className="progress-line">
        <progress id={`goal-progress-${goal.id}`} max={100} value={goal.progressPercent} aria-label={t('goals.progressOf', { title: goal.title ?? metricLabel })} />
        <span>{t('goals.percent', { percent: goal.progressPercent })}</span>
      </div>
      {goal.valueReached !== null && goal.reachedOn && <p>{t('goals.lastRecorded', { value: goal.valueReached, day: formatDay(goal.reachedOn, i18n.language) })}</p>}
      {canRecord && goal.status === 'in_progress' && <RecordProgress goal={goal} />}
    </article>
  );
}

function RecordProgress({ goal }: { goal: Goal }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(goal.valueReached === null ? '' : String(goal.valueReached));
  const [day, setDay] = useState(today());
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const record = useMutation({
    mutationFn: async () => {
      const number = Number(value.trim().replace(',', '.'));
      return dataOf(
        await api.POST('/v1/enrollments/{enrollmentId}/goals/{goalId}/progress', {
          params: { path: { enrollmentId: goal.enrollmentId, goalId: goal.id } },
          body: { valueReached: value.trim() === '' || !Number.isFinite(number) ? Number.NaN : number, reachedOn: day },
        }),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: goalKeys.of(goal.enrollmentId) }),
    onError: (error) => setProblems(problemsOf(error instanceof ApiRefusal ? error.problem : undefined, PROGRESS_FIELDS)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblems(NO_PROBLEMS);
    record.mutate();
  };
  return (
    <form className="record-progress" onSubmit={submit} noValidate aria-label={t('goals.record', { title: goal.title ?? '' })}>
      <FormError message={problems.general} />
      <div className="field-row">
        <TextField label={t('goals.field.valueReached')} type="number" inputMode="decimal" value={value} onChange={(event) => setValue(event.target.value)} error={problems.fields['valueReached']} />
        <TextField label={t('goals.field.reachedOn')} type="date" max={today()} value={day} onChange={(event) => setDay(event.target.value)} error={problems.fields['reachedOn']} />
      </div>
      <Button type="submit" variant="secondary" isDisabled={record.isPending}>
        {t('goals.recordButton')}
      </Button>
    </form>
  );
}
