import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useApi } from '../../app/session';
import { Button } from '../../components/Button';
import { SingleChoice } from '../../components/ChoiceGroup';
import { FormError } from '../../components/FormError';
import { NO_PROBLEMS, type Problems, problemsOf } from '../../components/form-problems';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { TextField } from '../../components/TextField';
import { ApiRefusal, activeEnrolment, dataOf, type Enrolment, type Programme, programmeKeys, type ProgrammeRole, useMyEnrolments, useProgramme } from '../programmes/programme-api';
import { QuestionField } from './QuestionField';
import { type Answers, answerToSend, type Baseline, BASELINE_SCALES, onFields, type Survey, useChoices, useSurvey } from './survey';

const LEVELS = ['1', '2', '3', '4', '5'].map((level) => ({ value: level, label: level }));

/** Enrolling in a programme as mentor or mentee, or changing one's answers: the programme's survey, then the baseline self-assessment. */
export function EnrolmentPage() {
  const { programId = '', role: roleParam } = useParams();
  const role: ProgrammeRole = roleParam === 'mentor' ? 'mentor' : 'mentee';
  const programme = useProgramme(programId);
  const survey = useSurvey(programId, role);
  const enrolments = useMyEnrolments();
  if (!programme.data || !survey.data || !enrolments.data) {
    const failed = programme.isError || survey.isError || enrolments.isError;
    return <QueryState status={failed ? 'error' : 'pending'} onRetry={() => void Promise.all([programme.refetch(), survey.refetch(), enrolments.refetch()])} />;
  }
  const existing = activeEnrolment(enrolments.data, programId, role);
  // Keyed by the enrolment, so the form starts again from the saved answers when they change.
  return <EnrolmentForm key={existing?.id ?? 'new'} programme={programme.data} survey={survey.data} role={role} existing={existing} />;
}

function EnrolmentForm({ programme, survey, role, existing }: { programme: Programme; survey: Survey; role: ProgrammeRole; existing?: Enrolment }) {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Answers>(() => ({ ...(existing?.answers ?? {}) }));
  const [baseline, setBaseline] = useState<Baseline>(() => ({ ...(existing?.baseline ?? {}) }));
  const [capacity, setCapacity] = useState(String(existing?.capacity ?? programme.defaultMentorCapacity));
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const choices = useChoices(survey.questions, answers);
  const fields = [...survey.questions.map((question) => `answers.${question.id}`), ...BASELINE_SCALES.map((scale) => `baseline.${scale}`), 'capacity'];

  const save = useMutation({
    mutationFn: async () => {
      const sent = Object.fromEntries(
        survey.questions.map((question) => [question.id, answerToSend(question, answers[question.id])] as const).filter(([, value]) => value !== undefined),
      );
      const body = {
        templateVersion: survey.version,
        answers: sent,
        baseline: baseline as Required<Baseline>,
        ...(role === 'mentor' && capacity.trim() !== '' ? { capacity: Number(capacity) } : {}),
      };
      if (existing) return dataOf(await api.PUT('/v1/enrollments/{id}', { params: { path: { id: existing.id } }, body: { ...body, version: existing.version } }));
      return dataOf(await api.POST('/v1/enrollments', { body: { ...body, programId: programme.id, role } }));
    },
    onSuccess: async (enrolment) => {
      await queryClient.invalidateQueries({ queryKey: programmeKeys.myEnrolments });
      // A new mentee goes on to their goals; anyone else back to the programme.
      if (!existing && role === 'mentee') navigate(`/enrolments/${enrolment.id}/goals?welcome=1`);
      else navigate(`/programmes/${programme.id}?saved=1`);
    },
    onError: (error) => setProblems(problemsOf(onFields(error instanceof ApiRefusal ? error.problem : undefined), fields)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblems(NO_PROBLEMS);
    save.mutate();
  };

  if (choices.pending) return <QueryState status={choices.failed ? 'error' : 'pending'} onRetry={choices.retry} />;
  const title = t(existing ? 'enrolment.editTitle' : `enrolment.title.${role}`, { programme: programme.name });
  return (
    <Page title={title}>
      <p>
        <Link to={`/programmes/${programme.id}`}>{t('enrolment.backToProgramme', { programme: programme.name })}</Link>
      </p>
      <p>{t(`enrolment.intro.${role}`)}</p>
      <form onSubmit={submit} noValidate aria-labelledby="page-title">
        <FormError message={problems.general} />
        <section aria-labelledby="survey-heading">
          <h2 id="survey-heading">{t('enrolment.survey')}</h2>
          {survey.questions.map((question) => (
            <QuestionField
              key={question.id}
              question={question}
              choices={choices.choicesOf(question)}
              value={answers[question.id]}
              onChange={(value) => setAnswers((current) => ({ ...current, [question.id]: value }))}
              error={problems.fields[`answers.${question.id}`]}
            />
          ))}
          {role === 'mentor' && (
            <TextField
              label={t('enrolment.capacity')}
              hint={t('enrolment.capacityHint', { n: programme.defaultMentorCapacity })}
              type="number"
              inputMode="numeric"
              min={1}
              value={capacity}
              onChange={(event) => setCapacity(event.target.value)}
              error={problems.fields['capacity']}
            />
          )}
        </section>
        <section aria-labelledby="baseline-heading">
          <h2 id="baseline-heading">{t('enrolment.baseline')}</h2>
          <p className="field-hint">{t('enrolment.baselineHint')}</p>
          {BASELINE_SCALES.map((scale) => (
            <SingleChoice
              key={scale}
              label={t(`enrolment.scale.${scale}`)}
              hint={t(`enrolment.scaleHint.${scale}`)}
              choices={LEVELS}
              value={baseline[scale] === undefined ? null : String(baseline[scale])}
              onChange={(level) => setBaseline((current) => ({ ...current, [scale]: Number(level) }))}
              error={problems.fields[`baseline.${scale}`]}
              orientation="horizontal"
              isRequired
            />
          ))}
        </section>
        <Button type="submit" isDisabled={save.isPending}>
          {save.isPending ? t('enrolment.sending') : t(existing ? 'enrolment.save' : 'enrolment.submit')}
        </Button>
      </form>
    </Page>
  );
}
