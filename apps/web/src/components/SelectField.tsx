import type { SelectHTMLAttributes } from 'react';
import { Field } from './Field';

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  label: string;
  options: readonly { value: string; label: string }[];
  hint?: string;
  error?: string;
};

/** A labelled native select (the platform's own picker on a phone), its hint and error tied to it. */
export function SelectField({ label, options, hint, error, ...select }: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <select {...control} {...select}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
