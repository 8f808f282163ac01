import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { CheckboxGroup, FieldError } from 'react-aria-components';
import { CheckboxChoices, GroupHeading, SingleChoice } from '../../components/ChoiceGroup';
import { SelectField } from '../../components/SelectField';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import { AvailabilityField } from './AvailabilityField';
import { type Availability, type Choice, chosenIds, type LevelledChoice, type Question } from './survey';

/** Past this many choices, a filter finds one (a long taxonomy on a phone, or by keyboard). */
const FILTER_FROM = 12;
/** Up to this many options a single choice shows them all as radio buttons; beyond, the platform's own picker. */
const RADIOS_UP_TO = 8;
const LEVELS = ['1', '2', '3', '4', '5'] as const;

type Props = { question: Question; choices: Choice[]; value: unknown; onChange: (value: unknown) => void; error?: string };

/** One question of the survey, drawn by its type, with the service's problem beside it. */
export function QuestionField({ question, choices, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const label = question.required ? question.prompt : t('enrolment.optional', { prompt: question.prompt });
  switch (question.type) {
    case 'single_choice':
      if (choices.length <= RADIOS_UP_TO) {
        return <SingleChoice label={label} hint={question.help} choices={choices} value={typeof value === 'string' ? value : null} onChange={onChange} error={error} isRequired={question.required} />;
      }
      return (
        <SelectField
          label={label}
          hint={question.help}
          options={[{ value: '', label: t('enrolment.choose') }, ...choices]}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value || undefined)}
          error={error}
          required={question.required}
        />
      );
    case 'multiple_choice':
      return <ManyChoices question={question} label={label} choices={choices} value={value} onChange={onChange} error={error} />;
    case 'scale':
      return (
        <SingleChoice
          label={label}
          hint={[question.help, t('enrolment.scaleEnds', { min: question.minLabel ?? '1', max: question.maxLabel ?? '5' })].filter(Boolean).join(' ')}
          choices={LEVELS.map((level) => ({ value: level, label: level }))}
          value={value === undefined || value === null ? null : String(value)}
          onChange={(level) => onChange(Number(level))}
          error={error}
          isRequired={question.required}
          orientation="horizontal"
        />
      );
    case 'number':
      return (
        <TextField
          label={question.unit ? t('enrolment.withUnit', { label, unit: question.unit }) : label}
          hint={question.help}
          type="number"
          inputMode={question.integer ? 'numeric' : 'decimal'}
          min={question.min}
          max={question.max}
          step={question.integer ? 1 : 'any'}
          value={value === undefined || value === null ? '' : String(value)}
          onChange={(event) => onChange(event.target.value)}
          error={error}
          required={question.required}
        />
      );
    case 'short_text': {
      const common = {
        label,
        hint: question.help,
        maxLength: question.maxLength,
        value: typeof value === 'string' ? value : '',
        error,
        required: question.required,
      };
      return (question.maxLength ?? 0) > 200 ? (
        <TextArea {...common} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <TextField {...common} onChange={(event) => onChange(event.target.value)} />
      );
    }
    case 'availability':
      return (
        <AvailabilityField
          label={label}
          hint={question.help}
          minSlots={question.minSlots ?? 1}
          value={(value as Availability | undefined) ?? undefined}
          onChange={onChange}
          error={error}
        />
      );
  }
}

/** Several choices: a filter when the list is long, and a level 1–5 for each one chosen when the question asks for levels. */
function ManyChoices({ question, label, choices, value, onChange, error }: Omit<Props, 'question'> & { question: Question; label: string }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const [showAll, setShowAll] = useState(false);
  const filterId = useId();
  const chosen = chosenIds(value);
  const levels = new Map(Array.isArray(value) && question.withLevels ? (value as LevelledChoice[]).map((item) => [item.id, item.level] as const) : []);
  const needle = filter.trim().toLocaleLowerCase();
  // A long list shows what is chosen and what the filter finds, not dozens of boxes to Tab through, unless asked to.
  const long = choices.length > FILTER_FROM;
  const shown =
    !long || showAll
      ? choices
      : choices.filter((choice) => chosen.includes(choice.value) || (needle !== '' && choice.label.toLocaleLowerCase().includes(needle)));
  const limits = [
    question.minSelected ? t('enrolment.atLeast', { n: question.minSelected }) : null,
    question.maxSelected && question.maxSelected < choices.length ? t('enrolment.atMost', { n: question.maxSelected }) : null,
  ].filter(Boolean);
  const change = (ids: string[]) => onChange(question.withLevels ? ids.map((id) => ({ id, level: levels.get(id) })) : ids);
  const hintId = useId();
  const hint = [question.help, ...limits].filter(Boolean).join(' ');
  return (
    <div className="question-many">
      {/* The group's own label and hint come first, then the filter, then the choices it finds. */}
      <CheckboxGroup className="field choice-group" value={chosen} onChange={change} isInvalid={Boolean(error)} isRequired={question.required} validationBehavior="aria">
        <GroupHeading label={label} hint={hint} />
        {long && (
          <div className="choice-filter">
            {/* Short on screen; the name a screen reader gives says which question's list it filters. */}
            <label htmlFor={filterId}>{t('enrolment.filterShort')}</label>
            <input
              id={filterId}
              type="search"
              aria-label={t('enrolment.filter', { prompt: question.prompt })}
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
              autoComplete="off"
              aria-describedby={hintId}
            />
            <p id={hintId} className="field-hint">
              {shown.length === 0 ? t('enrolment.nothingShown') : ''}
            </p>
            <Button variant="secondary" className="show-all" aria-expanded={showAll} onPress={() => setShowAll((all) => !all)}>
              {showAll ? t('enrolment.showFewer') : t('enrolment.showAll', { n: choices.length })}
            </Button>
          </div>
        )}
        <CheckboxChoices choices={shown} />
        <FieldError className="field-error">{error}</FieldError>
      </CheckboxGroup>
      {question.withLevels && chosen.length > 0 && (
        <div className="levels">
          {chosen.map((id) => (
            <SingleChoice
              key={id}
              label={t('enrolment.levelOf', { choice: choices.find((choice) => choice.value === id)?.label ?? id })}
              hint={t('enrolment.levelHint')}
              choices={LEVELS.map((level) => ({ value: level, label: level }))}
              value={levels.get(id) === undefined ? null : String(levels.get(id))}
              onChange={(level) => onChange(chosen.map((other) => ({ id: other, level: other === id ? Number(level) : levels.get(other) })))}
              orientation="horizontal"
              isRequired
            />
          ))}
        </div>
      )}
    </div>
  );
}
