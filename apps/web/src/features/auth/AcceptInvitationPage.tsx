import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useApi, useSession } from '../../app/session';
import { Page } from '../../components/Page';
import { TextField } from '../../components/TextField';
import { useSubmission } from '../../components/use-submission';
import { AuthForm, NetworkField, NewPasswordField } from './AuthForm';
import { CheckMailbox } from './CheckMailbox';
import { MissingToken, tokenProblems } from './MissingToken';
import { useMailToken, withNetwork } from './mail-link';
import { useFormValues } from './use-form-values';

const FIELDS = ['network', 'displayName', 'email', 'password'] as const;
type Acceptance = Record<(typeof FIELDS)[number], string>;

/**
 * The invitation's page: the invited person chooses their name and
 * password, and is signed in at once (the invitation, mailed to their
 * address, already proved it). Should the address already have an account,
 * the service mails its owner instead, and the page says to look there.
 */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { keeper } = useSession();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const token = useMailToken();
  const [acceptance, edit] = useFormValues<Acceptance>({ network: search.get('network') ?? '', displayName: '', email: '', password: '' });
  const [signInFailed, setSignInFailed] = useState(false);
  const submission = useSubmission(
    FIELDS,
    (body: Acceptance) => api.POST('/v1/auth/register', { body: { ...body, invitationToken: token ?? '' } }),
    {
      onSuccess: async (_answer, { network, email, password }) => {
        const outcome = await keeper.signIn({ network, email, password });
        if (outcome.kind === 'signed-in') return navigate('/', { replace: true });
        setSignInFailed(true);
      },
    },
  );
  const problems = tokenProblems(submission.problems, submission.refusal, 'invitation.error.link', 'invitationToken');

  if (!token) return <MissingToken title={t('invitation.title')} again={withNetwork('/login', acceptance.network)} againLabel={t('mailbox.toLogin')} />;
  if (signInFailed) return <CheckMailbox key="sent" email={acceptance.email} network={acceptance.network} body="invitation.sent.body" />;

  return (
    <Page title={t('invitation.title')} width="narrow">
      <p>{t('invitation.intro')}</p>
      <AuthForm
        general={problems.general}
        pending={submission.isPending}
        submit={t('invitation.submit')}
        submitting={t('invitation.submitting')}
        onSubmit={() => submission.mutate(acceptance)}
      >
        {(!search.get('network') || problems.fields.network) && <NetworkField value={acceptance.network} onChange={edit('network')} error={problems.fields.network} />}
        <TextField label={t('login.email')} hint={t('invitation.emailHint')} name="email" type="email" autoComplete="email" autoCapitalize="none" required value={acceptance.email} onChange={edit('email')} error={problems.fields.email} />
        <TextField label={t('register.displayName')} hint={t('register.displayNameHint')} name="displayName" autoComplete="name" required value={acceptance.displayName} onChange={edit('displayName')} error={problems.fields.displayName} />
        <NewPasswordField label={t('login.password')} name="password" value={acceptance.password} onChange={edit('password')} error={problems.fields.password} />
      </AuthForm>
    </Page>
  );
}
