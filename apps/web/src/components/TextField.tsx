import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field } from './Field';

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  label: string;
  hint?: ReactNode;
  /** The server's problem with this field, shown beside it and announced. */
  error?: string;
};

/** A labelled input whose hint and error are tied to it, so that a screen reader reads them with the field. */
export function TextField({ label, hint, error, ...input }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => <input {...control} {...input} />}
    </Field>
  );
}
