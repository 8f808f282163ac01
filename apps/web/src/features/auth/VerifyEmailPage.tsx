import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useApi } from '../../app/session';
import { Page } from '../../components/Page';
import { TextField } from '../../components/TextField';
import { useSubmission } from '../../components/use-submission';
import { AuthForm } from './AuthForm';
import { MissingToken, tokenProblems } from './MissingToken';
import { useMailToken, withNetwork } from './mail-link';

const FIELDS = ['password'] as const;

/**
 * The verification link's page: the person proves the registration is
 * theirs with the password they chose when registering, and the account
 * becomes active; then they sign in with it.
 */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const network = search.get('network') ?? '';
  const token = useMailToken();
  const [password, setPassword] = useState('');
  const submission = useSubmission(FIELDS, (body: { token: string; password: string }) => api.POST('/v1/auth/verify-email', { body }), {
    onSuccess: () => navigate(withNetwork('/login', network, { notice: 'account-active' }), { replace: true }),
  });
  const problems = tokenProblems(submission.problems, submission.refusal, 'verify.error.link');

  if (!token) return <MissingToken title={t('verify.title')} again={withNetwork('/register', network)} againLabel={t('verify.registerAgain')} />;

  return (
    <Page title={t('verify.title')} width="narrow">
      <p>{t('verify.intro')}</p>
      <AuthForm
        general={problems.general}
        pending={submission.isPending}
        submit={t('verify.submit')}
        submitting={t('verify.submitting')}
        onSubmit={() => submission.mutate({ token, password })}
      >
        <TextField
          label={t('login.password')}
          hint={t('verify.passwordHint')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={problems.fields.password}
        />
      </AuthForm>
      <p className="form-links">
        <Link to={withNetwork('/register', network)}>{t('verify.registerAgain')}</Link>
      </p>
    </Page>
  );
}
