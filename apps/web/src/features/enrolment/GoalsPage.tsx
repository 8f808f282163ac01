import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useApi } from '../../app/session';
import { Button } from '../../components/Button';
import { SingleChoice } from '../../components/ChoiceGroup';
import { FormError } from '../../components/FormError';
import { NO_PROBLEMS, type Problems, problemsOf } from '../../components/form-problems';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { ApiRefusal, dataOf, type Enrolment, formatDay, type Programme, today, useProgramme } from '../programmes/programme-api';
import { type Goal, type GoalCheck, type GoalMetric, goalKeys, type SetGoal, useEnrolment, useGoalCheck, useGoalMetrics, useGoals } from './goal-api';
import { GoalCard } from './GoalCard';

const GOAL_FIELDS = ['title', 'objective', 'metric', 'baselineValue', 'targetValue', 'dueOn'] as const;
type GoalField = (typeof GOAL_FIELDS)[number];
type Typed = Record<GoalField, string>;
const EMPTY: Typed = { title: '', objective: '', metric: '', baselineValue: '', targetValue: '', dueOn: '' };

/** A number typed, as a number; what is not one is left out, so that the check says a number is needed. */
function numberOf(text: string): number | undefined {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(value) ? undefined : value;
}

function draftOf(typed: Typed) {
  return {
    title: typed.title || undefined,
    objective: typed.objective || undefined,
    metric: typed.metric || undefined,
    baselineValue: numberOf(typed.baselineValue),
    targetValue: numberOf(typed.targetValue),
    dueOn: typed.dueOn || undefined,
  };
}

/** A participant's goals in one programme: what they aim for, how far they are, and a new goal checked as it is written. */
export function GoalsPage() {
  const { enrollmentId = '' } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const enrolment = useEnrolment(enrollmentId);
  const programme = useProgramme(enrolment.data?.programId ?? '');
  const goals = useGoals(enrolment.data?.id);
  const metrics = useGoalMetrics(enrolment.data?.programId);
  if (!enrolment.data || !programme.data || !goals.data || !metrics.data) {
    const failed = enrolment.isError || programme.isError || goals.isError || metrics.isError;
    return (
      <QueryState
        status={failed ? 'error' : 'pending'}
        onRetry={() => void Promise.all([enrolment.refetch(), programme.refetch(), goals.refetch(), metrics.refetch()])}
      />
    );
  }
  const kept = goals.data.filter((goal) => goal.status !== 'abandoned');
  const canAdd = enrolment.data.status === 'active' && programme.data.status !== 'closed' && kept.length < 3;
  return (
    <Page title={t('goals.title', { programme: programme.data.name })}>
      {new URLSearchParams(location.search).get('welcome') && (
        <p role="status" className="notice">
          {t('goals.welcome')}
        </p>
      )}
      <p>
        <Link to={`/programmes/${programme.data.id}`}>{t('enrolment.backToProgramme', { programme: programme.data.name })}</Link>
      </p>
      <p>{t('goals.intro')}</p>
      <section aria-labelledby="goals-heading">
        <h2 id="goals-heading">{t('goals.yours')}</h2>
        {goals.data.length === 0 ? (
          <p>{t('goals.none')}</p>
        ) : (
          <ul className="goal-list">
            {goals.data.map((goal) => (
              <li key={goal.id}>
                <GoalCard goal={goal} metric={metrics.data.find((metric) => metric.id === goal.metric)} canRecord={enrolment.data.status === 'active'} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {canAdd ? (
        <NewGoal enrolment={enrolment.data} programme={programme.data} metrics={metrics.data} />
      ) : (
        enrolment.data.status === 'active' && <p>{t('goals.limit')}</p>
      )}
    </Page>
  );
}

function NewGoal({ enrolment, programme, metrics }: { enrolment: Enrolment; programme: Programme; metrics: GoalMetric[] }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState<Typed>(EMPTY);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [savedTitle, setSavedTitle] = useState<string | null>(null);
  const check = useGoalCheck(enrolment.id, draftOf(typed));
  const edit = (field: GoalField) => (event: { target: { value: string } }) => setTyped((current) => ({ ...current, [field]: event.target.value }));
  const metric = metrics.find((candidate) => candidate.id === typed.metric);
  const offered = typed.objective ? metrics.filter((candidate) => candidate.objectives.includes(typed.objective as never)) : metrics;

  const save = useMutation({
    mutationFn: async () => {
      const draft = draftOf(typed);
      // The service names every field still missing or wrong; what is typed is sent as it is.
      const body = { ...draft, title: draft.title ?? '', objective: draft.objective ?? '', metric: draft.metric ?? '', targetValue: draft.targetValue ?? Number.NaN, dueOn: draft.dueOn ?? '' } as SetGoal;
      return dataOf(await api.POST('/v1/enrollments/{enrollmentId}/goals', { params: { path: { enrollmentId: enrolment.id } }, body }));
    },
    onSuccess: async (goal: Goal) => {
      setTyped(EMPTY);
      setSavedTitle(goal.title);
      await queryClient.invalidateQueries({ queryKey: goalKeys.of(enrolment.id) });
    },
    onError: (error) => setProblems(problemsOf(error instanceof ApiRefusal ? error.problem : undefined, GOAL_FIELDS)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblems(NO_PROBLEMS);
    setSavedTitle(null);
    save.mutate();
  };

  return (
    <section aria-labelledby="new-goal-heading" className="new-goal">
      <h2 id="new-goal-heading">{t('goals.new')}</h2>
      <p role="status" className="notice-inline">
        {savedTitle ? t('goals.saved', { title: savedTitle }) : ''}
      </p>
      <form className="goal-editor" onSubmit={submit} noValidate aria-labelledby="new-goal-heading">
          <FormError message={problems.general} />
          <TextField label={t('goals.field.title')} hint={t('goals.hint.title')} value={typed.title} onChange={edit('title')} error={problems.fields['title']} maxLength={400} />
          <SingleChoice
            label={t('goals.field.objective')}
            choices={programme.objectives.map((objective) => ({ value: objective, label: t(`programmes.objective.${objective}`) }))}
            value={typed.objective || null}
            onChange={(objective) => setTyped((current) => ({ ...current, objective }))}
            error={problems.fields['objective']}
          />
          <SelectField
            label={t('goals.field.metric')}
            hint={t('goals.hint.metric')}
            options={[{ value: '', label: t('enrolment.choose') }, ...offered.map((candidate) => ({ value: candidate.id, label: t(`goals.metric.${candidate.id}`, { defaultValue: candidate.label }) }))]}
            value={typed.metric}
            onChange={edit('metric')}
            error={problems.fields['metric']}
          />
          <div className="field-row">
            <TextField
              label={t('goals.field.baselineValue')}
              hint={metric?.kind === 'scale' ? t('goals.hint.baselineScale', { min: metric.min, max: metric.max }) : t('goals.hint.baselineCount')}
              type="number"
              inputMode="decimal"
              value={typed.baselineValue}
              onChange={edit('baselineValue')}
              error={problems.fields['baselineValue']}
            />
            <TextField
              label={t('goals.field.targetValue')}
              hint={metric ? t('goals.hint.target', { min: metric.min, max: metric.max }) : undefined}
              type="number"
              inputMode="decimal"
              value={typed.targetValue}
              onChange={edit('targetValue')}
              error={problems.fields['targetValue']}
            />
          </div>
          <TextField
            label={t('goals.field.dueOn')}
            hint={t('goals.hint.dueOn', { from: formatDay(today() > programme.startsOn ? today() : programme.startsOn, i18n.language), to: formatDay(programme.endsOn, i18n.language) })}
            type="date"
            min={today()}
            max={programme.endsOn}
            value={typed.dueOn}
            onChange={edit('dueOn')}
            error={problems.fields['dueOn']}
          />
          {/* Between the fields and the button: beside the fields on a desk, right under them on a phone. */}
          <SmartVerdict check={check.data} checking={check.isFetching} failed={check.isError} typed={typed} />
          <Button type="submit" isDisabled={save.isPending}>
            {save.isPending ? t('goals.setting') : t('goals.set')}
          </Button>
      </form>
    </section>
  );
}

/** The service's verdict on each SMART criterion, in words, updated as the person types. */
function SmartVerdict({ check, checking, failed, typed }: { check?: GoalCheck; checking: boolean; failed: boolean; typed: Typed }) {
  const { t } = useTranslation();
  return (
    <aside className="smart-verdict" aria-labelledby="smart-heading">
      <h3 id="smart-heading">{t('goals.smart.title')}</h3>
      <div aria-live="polite">
        {!check ? (
          <p>{failed ? t('goals.smart.unavailable') : t('goals.smart.waiting')}</p>
        ) : (
          <>
            <p className={check.smart ? 'verdict-pass' : 'verdict-fail'}>{check.smart ? t('goals.smart.allPass') : t('goals.smart.notYet')}</p>
            <ul className="criteria">
              {check.criteria.map((result) => (
                <li key={result.criterion} className={result.passed ? 'criterion-pass' : 'criterion-fail'}>
                  <span aria-hidden="true" className="criterion-mark">
                    {result.passed ? '✓' : '✗'}
                  </span>{' '}
                  <strong>{t(`goals.criterion.${result.criterion}`)}</strong>
                  {' — '}
                  {result.passed ? t('goals.smart.passed') : t('goals.smart.failed')}
                  {result.reason && (
                    <span className="criterion-reason">
                      {/* A field not filled in yet is simply to fill in; the service's why is for what was typed. */}
                      {typed[result.path as GoalField] === ''
                        ? t('goals.smart.toFill', { field: t(`goals.field.${result.path}`) })
                        : t('goals.smart.reason', { field: t(`goals.field.${result.path}`, { defaultValue: result.path }), reason: result.reason })}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <p className="muted" aria-hidden="true">
        {checking ? t('goals.smart.checking') : '\u00a0'}
      </p>
    </aside>
  );
}
