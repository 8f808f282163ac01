import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageKey } from '../../i18n/fr';
import { TextField } from '../../components/TextField';
import type { AuthApi, Credentials } from './auth-api';
import { type Field, FIELDS, NO_PROBLEMS, type Problems, problemsOf } from './login-problems';

/** The form's inputs in their keyboard order, with what lets browsers and password managers fill them. */
const INPUTS: Record<Field, { label: MessageKey; hint?: MessageKey; example?: MessageKey; type: string; autoComplete: string }> = {
  network: { label: 'login.network', hint: 'login.networkHint', example: 'login.networkExample', type: 'text', autoComplete: 'organization' },
  email: { label: 'login.email', type: 'email', autoComplete: 'username' },
  password: { label: 'login.password', type: 'password', autoComplete: 'current-password' },
};

/** Signs a member in; what they typed stays in the form whatever the answer. */
export function LoginForm({ auth, onSignedIn }: { auth: AuthApi; onSignedIn: (accessToken: string) => void }) {
  const { t } = useTranslation();
  const [credentials, setCredentials] = useState<Credentials>({ network: '', email: '', password: '' });
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [submitting, setSubmitting] = useState(false);

  const edit = (field: Field) => (event: { target: { value: string } }) => setCredentials((current) => ({ ...current, [field]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setProblems(NO_PROBLEMS);
    const outcome = await auth.logIn(credentials);
    setSubmitting(false);
    if (outcome.kind === 'signed-in') return onSignedIn(outcome.accessToken);
    setProblems(outcome.kind === 'rejected' ? problemsOf(outcome.error) : { fields: {}, general: 'login.error.unreachable' });
  };

  const hintOf = ({ hint, example }: { hint?: MessageKey; example?: MessageKey }) =>
    hint && (
      <>
        {t(hint)}
        {example && (
          <>
            {' '}
            <span className="nowrap">{t(example)}</span>
          </>
        )}
      </>
    );

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <p className="form-error" role="alert" aria-live="assertive">
        {problems.general ? t(problems.general) : null}
      </p>
      {FIELDS.map((field) => (
        <TextField
          key={field}
          label={t(INPUTS[field].label)}
          hint={hintOf(INPUTS[field])}
          name={field}
          type={INPUTS[field].type}
          autoComplete={INPUTS[field].autoComplete}
          autoCapitalize="none"
          required
          value={credentials[field]}
          onChange={edit(field)}
          error={problems.fields[field]}
        />
      ))}
      <button type="submit" disabled={submitting}>
        {submitting ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
