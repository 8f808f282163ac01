import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import type { MessageKey } from '../../i18n/fr';
import { TextField } from '../../components/TextField';
import type { AuthApi, Credentials } from './auth-api';

const FIELDS = ['network', 'email', 'password'] as const;
type Field = (typeof FIELDS)[number];

type Problems = { fields: Partial<Record<Field, string>>; general: MessageKey | null };

const NO_PROBLEMS: Problems = { fields: {}, general: null };

/** The server's field problems go beside their fields; anything else becomes one general message. */
function problemsOf(error: ApiError): Problems {
  const fields: Partial<Record<Field, string>> = {};
  for (const detail of error.details) {
    const field = FIELDS.find((name) => name === detail.path);
    if (field && !fields[field]) fields[field] = detail.issue;
  }
  if (Object.keys(fields).length > 0) return { fields, general: 'login.error.fields' };
  if (error.statusCode === 401) return { fields, general: 'login.error.invalidCredentials' };
  if (error.statusCode === 429) return { fields, general: 'login.error.throttled' };
  return { fields, general: 'login.error.unexpected' };
}

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

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <p className="form-error" role="alert" aria-live="assertive">
        {problems.general ? t(problems.general) : null}
      </p>
      <TextField
        label={t('login.network')}
        hint={t('login.networkHint')}
        name="network"
        autoComplete="organization"
        autoCapitalize="none"
        required
        value={credentials.network}
        onChange={edit('network')}
        error={problems.fields.network}
      />
      <TextField
        label={t('login.email')}
        name="email"
        type="email"
        autoComplete="username"
        required
        value={credentials.email}
        onChange={edit('email')}
        error={problems.fields.email}
      />
      <TextField
        label={t('login.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={credentials.password}
        onChange={edit('password')}
        error={problems.fields.password}
      />
      <button type="submit" disabled={submitting}>
        {submitting ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
