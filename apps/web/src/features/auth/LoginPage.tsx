import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { nextPathOf, useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { FormError } from '../../components/FormError';
import { NO_PROBLEMS, type Problems, problemsOf } from '../../components/form-problems';
import { Page } from '../../components/Page';
import { TextField } from '../../components/TextField';
import type { MessageKey } from '../../i18n/fr';

const FIELDS = ['network', 'email', 'password'] as const;
type Field = (typeof FIELDS)[number];

/** The form's inputs in their keyboard order, with what lets browsers and password managers fill them. */
const INPUTS: Record<Field, { label: MessageKey; type: string; autoComplete: string }> = {
  network: { label: 'login.network', type: 'text', autoComplete: 'organization' },
  email: { label: 'login.email', type: 'email', autoComplete: 'username' },
  password: { label: 'login.password', type: 'password', autoComplete: 'current-password' },
};

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
  const [credentials, setCredentials] = useState<Record<Field, string>>({ network: search.get('network') ?? '', email: '', password: '' });
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [submitting, setSubmitting] = useState(false);
  const next = nextPathOf(location.search);

  if (state.status === 'signed-in' && !submitting) return <Navigate to={next} replace />;

  const edit = (field: Field) => (event: { target: { value: string } }) => setCredentials((current) => ({ ...current, [field]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
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
      <form onSubmit={submit} noValidate aria-labelledby="page-title">
        <FormError message={problems.general} />
        {FIELDS.map((field) => (
          <TextField
            key={field}
            label={t(INPUTS[field].label)}
            hint={
              field === 'network' ? (
                <>
                  {t('login.networkHint')} <span className="nowrap">{t('login.networkExample')}</span>
                </>
              ) : undefined
            }
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
        <Button type="submit" isDisabled={submitting}>
          {submitting ? t('login.submitting') : t('login.submit')}
        </Button>
      </form>
    </Page>
  );
}
