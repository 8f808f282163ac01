import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ApiError } from '../../api/client';
import { useApi } from '../../app/session';
import type { Problems } from '../../components/form-problems';
import { Page } from '../../components/Page';
import { TextField } from '../../components/TextField';
import { useSubmission } from '../../components/use-submission';
import { AuthForm, NetworkField, NewPasswordField } from './AuthForm';
import { CheckMailbox } from './CheckMailbox';
import { withNetwork } from './mail-link';
import { useFormValues } from './use-form-values';

const FIELDS = ['network', 'displayName', 'email', 'password'] as const;
type Registration = Record<(typeof FIELDS)[number], string>;

/** A network that admits by invitation only names the invitation, which this form has no field for: it says so plainly. */
export function registrationProblems(problems: Problems, refusal: ApiError | undefined): Problems {
  const invitationOnly = refusal?.statusCode === 403 && refusal.details.some((detail) => detail.path === 'invitationToken');
  return invitationOnly ? { fields: problems.fields, general: 'register.error.invitationOnly' } : problems;
}

/**
 * Registering on an open network: the account exists once the address is
 * proven, by the link mailed to it. The answer is the same whether or not
 * the address already has an account (its owner gets a mail saying so).
 */
export function RegisterPage() {
  const { t } = useTranslation();
  const api = useApi();
  const [search] = useSearchParams();
  const [registration, edit] = useFormValues<Registration>({ network: search.get('network') ?? '', displayName: '', email: '', password: '' });
  const submission = useSubmission(FIELDS, (body: Registration) => api.POST('/v1/auth/register', { body }));
  const problems = registrationProblems(submission.problems, submission.refusal);

  if (submission.isSuccess) {
    return <CheckMailbox key="sent" email={registration.email} network={registration.network} body="register.sent.body" />;
  }

  return (
    <Page title={t('register.title')} width="narrow">
      <p>{t('register.intro')}</p>
      <AuthForm
        general={problems.general}
        pending={submission.isPending}
        submit={t('register.submit')}
        submitting={t('register.submitting')}
        onSubmit={() => submission.mutate(registration)}
      >
        <NetworkField value={registration.network} onChange={edit('network')} error={problems.fields.network} />
        <TextField label={t('register.displayName')} hint={t('register.displayNameHint')} name="displayName" autoComplete="name" required value={registration.displayName} onChange={edit('displayName')} error={problems.fields.displayName} />
        <TextField label={t('login.email')} name="email" type="email" autoComplete="email" autoCapitalize="none" required value={registration.email} onChange={edit('email')} error={problems.fields.email} />
        <NewPasswordField label={t('login.password')} name="password" value={registration.password} onChange={edit('password')} error={problems.fields.password} />
      </AuthForm>
      <p className="form-links">
        <Link to={withNetwork('/login', registration.network)}>{t('register.haveAccount')}</Link>
      </p>
    </Page>
  );
}
