import type { TextareaHTMLAttributes } from 'react';
import { Field } from './Field';

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & { label: string; hint?: string; error?: string };

/** A labelled multi-line input whose hint and error are tied to it, as TextField's are. */
export function TextArea({ label, hint, error, ...input }: TextAreaProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => <textarea rows={4} {...control} {...input} />}
    </Field>
  );
}
