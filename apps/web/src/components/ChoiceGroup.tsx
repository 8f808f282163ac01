import { Checkbox, CheckboxGroup, FieldError, Label, Radio, RadioGroup, Text } from 'react-aria-components';

type Choice = { value: string; label: string };

/** A group's label and hint, which React Aria ties to the group. */
export function GroupHeading({ label, hint }: { label: string; hint?: string }) {
  return (
    <>
      <Label>{label}</Label>
      {hint && (
        <Text slot="description" className="field-hint">
          {hint}
        </Text>
      )}
    </>
  );
}

/** The boxes of a checkbox group, one per choice. */
export function CheckboxChoices({ choices }: { choices: readonly Choice[] }) {
  return (
    <div className="choices">
      {choices.map((choice) => (
        <Checkbox key={choice.value} value={choice.value} className="choice">
          <span className="choice-box" aria-hidden="true" />
          {choice.label}
        </Checkbox>
      ))}
    </div>
  );
}
type Common = { label: string; choices: readonly Choice[]; hint?: string; error?: string; isRequired?: boolean };

/** Several choices among a few (skills, languages, consents): React Aria's checkbox group, its error tied to the group. */
export function MultiChoice({ label, choices, hint, error, value, onChange, isRequired }: Common & { value: string[]; onChange: (value: string[]) => void }) {
  return (
    <CheckboxGroup className="field choice-group" value={value} onChange={onChange} isInvalid={Boolean(error)} isRequired={isRequired} validationBehavior="aria">
      <GroupHeading label={label} hint={hint} />
      <CheckboxChoices choices={choices} />
      <FieldError className="field-error">{error}</FieldError>
    </CheckboxGroup>
  );
}

/** One choice among a few (a rating, a reason): React Aria's radio group, arrow keys moving between choices. */
export function SingleChoice({ label, choices, hint, error, value, onChange, isRequired, orientation = 'vertical' }: Common & { value: string | null; onChange: (value: string) => void; orientation?: 'vertical' | 'horizontal' }) {
  return (
    <RadioGroup className="field choice-group" value={value} onChange={onChange} isInvalid={Boolean(error)} isRequired={isRequired} orientation={orientation} validationBehavior="aria">
      <GroupHeading label={label} hint={hint} />
      <div className={`choices choices-${orientation}`}>
        {choices.map((choice) => (
          <Radio key={choice.value} value={choice.value} className="choice">
            <span className="choice-dot" aria-hidden="true" />
            {choice.label}
          </Radio>
        ))}
      </div>
      <FieldError className="field-error">{error}</FieldError>
    </RadioGroup>
  );
}
