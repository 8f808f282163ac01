import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button } from '../../components/Button';
import { MultiChoice, SingleChoice } from '../../components/ChoiceGroup';
import { FormError } from '../../components/FormError';
import { NO_PROBLEMS, type Problems, problemsOf } from '../../components/form-problems';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import type { MessageKey } from '../../i18n/fr';
import { EMPTY_DRAFT, type FeedbackDraft, type FeedbackForm, fieldsOf, HELPED, OUTCOMES, payloadOf, SCALES } from './feedback-payload';
import { SessionLine, useSurveyTitle } from './SurveysPage';
import { type OpenFeedback, useOpenFeedback, useSubmitFeedback } from './use-feedback';

function SurveySubject({ survey }: { survey: OpenFeedback['surveys'][number] }) {
  return (
    <p>
      <strong>{useSurveyTitle(survey)}</strong>
    </p>
  );
}

const FORMS: readonly FeedbackForm[] = ['session', 'pulse', 'exit'];
const ONE_TO_FIVE = ['1', '2', '3', '4', '5'] as const;
const ZERO_TO_TEN = Array.from({ length: 11 }, (_, index) => String(index));

/**
 * Session feedback, the pulse or the exit survey. The ratings are radio
 * groups (arrow keys move between the choices); the same four scales as at
 * enrolment, and for the exit survey the outcomes.
 */
export function FeedbackFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const form = FORMS.find((candidate) => candidate === params.form);
  const target = params.target ?? '';
  const open = useOpenFeedback();
  const submit = useSubmitFeedback();
  const [draft, setDraft] = useState<FeedbackDraft>(EMPTY_DRAFT);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const back = <Link to="/surveys">{t('feedback.back')}</Link>;

  if (!form) {
    return (
      <Page title={t('surveys.title')}>
        <p>{t('feedback.notOpen')}</p>
        {back}
      </Page>
    );
  }
  const title = t(`feedback.${form}.title`);
  if (!open.data) return <QueryState status={open.isError ? 'error' : 'pending'} onRetry={() => void open.refetch()} />;
  const session = form === 'session' ? open.data.sessions.find((candidate) => candidate.sessionId === target) : undefined;
  const survey = form !== 'session' ? open.data.surveys.find((candidate) => candidate.form === form && candidate.programId === target) : undefined;
  if (!session && !survey && !submit.isPending) {
    return (
      <Page title={title}>
        <p>{t('feedback.notOpen')}</p>
        {back}
      </Page>
    );
  }

  const fields = fieldsOf(form);
  const edit = (change: Partial<FeedbackDraft>) => setDraft((current) => ({ ...current, ...change }));
  const send = (event: FormEvent) => {
    event.preventDefault();
    setProblems(NO_PROBLEMS);
    submit.mutate(payloadOf(form, target, draft), {
      onSuccess: () => navigate('/surveys', { state: { thanked: true } }),
      onError: (refusal) => {
        const placed = problemsOf(refusal.error, fields);
        // A window that closed, or an answer already given, is said in this form's words.
        setProblems(refusal.error?.statusCode === 409 ? { fields: placed.fields, general: 'feedback.notOpen' } : placed);
      },
    });
  };
  // A question left blank is refused by the service as "required": said in the reader's language; other issues as the service words them.
  const issue = (field: string) => {
    const text = problems.fields[field];
    return text && /required/.test(text) ? t('feedback.answerRequired') : text;
  };
  const rating = (value: string, prefix: 'feedback.satisfaction' | 'feedback.scale') => ({ value, label: t(`${prefix}.${value}` as MessageKey) });

  return (
    <Page title={title} width="narrow">
      {session && <SessionLine session={session} />}
      {survey && <SurveySubject survey={survey} />}
      <p>{t(`feedback.${form}.intro`)}</p>
      <form onSubmit={send} noValidate aria-labelledby="page-title">
        <FormError message={problems.general} />
        <SingleChoice
          label={t(form === 'session' ? 'feedback.satisfaction.session' : 'feedback.satisfaction.programme')}
          choices={ONE_TO_FIVE.map((value) => rating(value, 'feedback.satisfaction'))}
          value={draft.satisfaction}
          onChange={(satisfaction) => edit({ satisfaction })}
          error={issue('satisfaction')}
          isRequired
        />
        {form === 'session' && (
          <MultiChoice
            label={t('feedback.helped')}
            choices={HELPED.map((value) => ({ value, label: t(`feedback.helped.${value}`) }))}
            value={draft.helped}
            onChange={(helped) => edit({ helped })}
            error={issue('helped')}
          />
        )}
        {form !== 'session' && (
          <>
            <SingleChoice
              label={t('feedback.nps')}
              hint={t('feedback.nps.hint')}
              orientation="horizontal"
              choices={ZERO_TO_TEN.map((value) => ({ value, label: value }))}
              value={draft.nps}
              onChange={(nps) => edit({ nps })}
              error={issue('nps')}
              isRequired
            />
            <fieldset className="choice-group">
              <legend>
                <h2>{t('feedback.scales.heading')}</h2>
              </legend>
              <p className="field-hint">
                {t('feedback.scales.hint')} {form === 'pulse' && t('feedback.scales.optional')}
              </p>
              <FormError message={problems.fields['scales'] ? 'form.error.fields' : null} />
              {SCALES.map((scale) => (
                <SingleChoice
                  key={scale}
                  label={t(`feedback.scale.${scale}`)}
                  orientation="horizontal"
                  choices={ONE_TO_FIVE.map((value) => rating(value, 'feedback.scale'))}
                  value={draft.scales[scale]}
                  onChange={(value) => edit({ scales: { ...draft.scales, [scale]: value } })}
                  error={issue(`scales.${scale}`)}
                  isRequired={form === 'exit'}
                />
              ))}
            </fieldset>
          </>
        )}
        {form === 'exit' && (
          <fieldset className="choice-group">
            <legend>
              <h2>{t('feedback.outcomes.heading')}</h2>
            </legend>
            <p className="field-hint">{t('feedback.outcomes.hint')}</p>
            {OUTCOMES.map((outcome) => (
              <TextField
                key={outcome}
                label={t(`feedback.outcome.${outcome}`)}
                name={outcome}
                type="number"
                inputMode="numeric"
                min={0}
                max={1000}
                required
                value={draft.outcomes[outcome]}
                onChange={(event) => edit({ outcomes: { ...draft.outcomes, [outcome]: event.target.value } })}
                error={issue(`outcomes.${outcome}`)}
              />
            ))}
          </fieldset>
        )}
        <TextArea label={t('feedback.comment')} hint={t('feedback.comment.hint')} name="comment" maxLength={2000} value={draft.comment} onChange={(event) => edit({ comment: event.target.value })} error={issue('comment')} />
        <Button type="submit" isDisabled={submit.isPending}>
          {submit.isPending ? t('feedback.submitting') : t('feedback.submit')}
        </Button>
      </form>
      <p>{back}</p>
    </Page>
  );
}
