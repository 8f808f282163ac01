import { useState } from 'react';

/** A form's values, and for each field the change handler that keeps what the person typed. */
export function useFormValues<Values extends Record<string, string>>(initial: Values) {
  const [values, setValues] = useState(initial);
  const edit = (field: keyof Values) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));
  return [values, edit] as const;
}
