import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { nextPathOf, useSession } from '../../app/session';
import { NO_PROBLEMS, type Problems, problemsOf } from '../../components/form-problems';
import { Page } from '../../components/Page';
import { TextField } from '../../components/TextField';
import type { MessageKey } from '../../i18n/fr';
import { AuthForm, NetworkField } from './AuthForm';
import { withNetwork } from './mail-link';
import { useFormValues } from './use-form-values';

const FIELDS = ['network', 'email', 'password'] as const;
type Field = (typeof FIELDS)[number];

/** The inputs after the network's, in their keyboard order, with what lets browsers and password managers fill them. */
const SIGN_IN_FIELDS = ['email', 'password'] as const;
const INPUTS: Record<(typeof SIGN_IN_FIELDS)[number], { label: MessageKey; type: string; autoComplete: string }> = {
  email: { label: 'login.email', type: 'email', autoComplete: 'username' },
  password: { label: 'login.password', type: 'password', autoComplete: 'current-password' },
};

/** What the login page confirms when a journey ends on it (`?notice=`). */
const NOTICES = new Map<string, MessageKey>([
  ['account-active', 'login.notice.accountActive'],
  ['password-reset', 'login.notice.passwordReset'],
  ['password-changed', 'login.notice.passwordChanged'],
  ['erased', 'login.notice.erased'],
]);

/** A wrong password says so without naming a field: which of the three was wrong is not told. */
function loginProblems(problems: Problems, statusCode: number | undefined): Problems {
  return statusCode === 401 ? { fields: {}, general: 'login.error.invalidCredentials' } : problems;
}

/**
 * Signs a member in, then takes them back to the page they were sent here
 * from. What they typed stays in the form whatever the answer. The network
 * comes prefilled from a mail's link (`?network=`).
 */
export function LoginPage() {
  const { t } = useTranslation();
  const { state, keeper } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const search = new URLSearchParams(location.search);
  const [credentials, edit] = useFormValues<Record<Field, string>>({ network: search.get('network') ?? '', email: '', password: '' });
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [submitting, setSubmitting] = useState(false);
  const next = nextPathOf(location.search);
  const notice = NOTICES.get(search.get('notice') ?? '');

  // A journey that ends the session (an erasure, a new password) comes here to close it, so that the
  // person reads why; signed out on a member page first, they would be sent here without a word.
  const closing = (location.state as { closeSession?: boolean } | null)?.closeSession === true;
  useEffect(() => {
    if (closing && state.status === 'signed-in') void keeper.signOut();
  }, [closing, state.status, keeper]);

  if (state.status === 'signed-in' && !submitting && !closing) return <Navigate to={next} replace />;

  const submit = async () => {
    setSubmitting(true);
    setProblems(NO_PROBLEMS);
    const outcome = await keeper.signIn(credentials);
    setSubmitting(false);
    if (outcome.kind === 'signed-in') return navigate(next, { replace: true });
    const error = outcome.kind === 'rejected' ? outcome.error : undefined;
    setProblems(loginProblems(problemsOf(error, FIELDS), error?.statusCode));
  };

  return (
    <Page title={t('login.title')} width="narrow">
      {search.get('expired') && <p role="status">{t('state.sessionExpired')}</p>}
      {notice && (
        <p role="status" className="notice">
          {t(notice)}
        </p>
      )}
      <AuthForm general={problems.general} pending={submitting} submit={t('login.submit')} submitting={t('login.submitting')} onSubmit={submit}>
        <NetworkField value={credentials.network} onChange={edit('network')} error={problems.fields.network} />
        {SIGN_IN_FIELDS.map((field) => (
          <TextField
            key={field}
            label={t(INPUTS[field].label)}
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
      </AuthForm>
      <p className="form-links">
        <Link to={withNetwork('/reset-password', credentials.network)}>{t('login.forgotPassword')}</Link>
        <Link to={withNetwork('/register', credentials.network)}>{t('login.register')}</Link>
      </p>
    </Page>
  );
}
