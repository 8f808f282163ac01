import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useApi } from '../../app/session';
import { Page } from '../../components/Page';
import { TextField } from '../../components/TextField';
import { useSubmission } from '../../components/use-submission';
import { AuthForm, NetworkField, NewPasswordField } from './AuthForm';
import { CheckMailbox } from './CheckMailbox';
import { tokenProblems } from './MissingToken';
import { useMailToken, withNetwork } from './mail-link';
import { useFormValues } from './use-form-values';

/**
 * A forgotten password: opened from the login page (or from the mail that
 * says an address already has an account), it asks for a reset link; opened
 * from that link, it sets the new password.
 */
export function ResetPasswordPage() {
  const token = useMailToken();
  const [search] = useSearchParams();
  const network = search.get('network') ?? '';
  return token ? <ChooseNewPassword token={token} network={network} /> : <RequestReset network={network} />;
}

const REQUEST_FIELDS = ['network', 'email'] as const;
type ResetRequest = Record<(typeof REQUEST_FIELDS)[number], string>;

function RequestReset({ network }: { network: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const [request, edit] = useFormValues<ResetRequest>({ network, email: '' });
  const submission = useSubmission(REQUEST_FIELDS, (body: ResetRequest) => api.POST('/v1/auth/password-reset', { body }));

  if (submission.isSuccess) return <CheckMailbox key="sent" email={request.email} network={request.network} body="reset.sent.body" />;

  return (
    <Page title={t('reset.request.title')} width="narrow">
      <p>{t('reset.request.intro')}</p>
      <AuthForm
        general={submission.problems.general}
        pending={submission.isPending}
        submit={t('reset.request.submit')}
        submitting={t('reset.request.submitting')}
        onSubmit={() => submission.mutate(request)}
      >
        <NetworkField value={request.network} onChange={edit('network')} error={submission.problems.fields.network} />
        <TextField label={t('login.email')} name="email" type="email" autoComplete="username" autoCapitalize="none" required value={request.email} onChange={edit('email')} error={submission.problems.fields.email} />
      </AuthForm>
      <p className="form-links">
        <Link to={withNetwork('/login', request.network)}>{t('mailbox.toLogin')}</Link>
      </p>
    </Page>
  );
}

const CONFIRM_FIELDS = ['newPassword'] as const;

function ChooseNewPassword({ token, network }: { token: string; network: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const [newPassword, setNewPassword] = useState('');
  const submission = useSubmission(CONFIRM_FIELDS, (body: { token: string; newPassword: string }) => api.POST('/v1/auth/password-reset/confirm', { body }), {
    onSuccess: () => navigate(withNetwork('/login', network, { notice: 'password-reset' }), { replace: true }),
  });
  const problems = tokenProblems(submission.problems, submission.refusal, 'reset.error.link');
  return (
    <Page title={t('reset.confirm.title')} width="narrow">
      <AuthForm
        general={problems.general}
        pending={submission.isPending}
        submit={t('reset.confirm.submit')}
        submitting={t('reset.confirm.submitting')}
        onSubmit={() => submission.mutate({ token, newPassword })}
      >
        <NewPasswordField
          label={t('reset.confirm.newPassword')}
          name="newPassword"
          value={newPassword}
          onChange={(event) => setNewPassword(event.target.value)}
          error={problems.fields.newPassword}
        />
      </AuthForm>
      <p className="form-links">
        <Link to={withNetwork('/reset-password', network)} reloadDocument>
          {t('reset.requestAgain')}
        </Link>
      </p>
    </Page>
  );
}
