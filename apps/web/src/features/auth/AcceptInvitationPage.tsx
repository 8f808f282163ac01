import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useApi, useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { FormError } from '../../components/FormError';
import { Page } from '../../components/Page';
import { TextField } from '../../components/TextField';
import { useSubmission } from '../../components/use-submission';
import { CheckMailbox } from './CheckMailbox';
import { MissingToken, tokenProblems } from './MissingToken';
import { useMailToken, withNetwork } from './mail-link';

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
  const [acceptance, setAcceptance] = useState<Acceptance>({ network: search.get('network') ?? '', displayName: '', email: '', password: '' });
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

  const edit = (field: keyof Acceptance) => (event: { target: { value: string } }) => setAcceptance((current) => ({ ...current, [field]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    submission.mutate(acceptance);
  };

  return (
    <Page title={t('invitation.title')} width="narrow">
      <p>{t('invitation.intro')}</p>
      <form onSubmit={submit} noValidate aria-labelledby="page-title">
        <FormError message={problems.general} />
        {(!search.get('network') || problems.fields.network) && (
          <TextField
            label={t('login.network')}
            hint={
              <>
                {t('login.networkHint')} <span className="nowrap">{t('login.networkExample')}</span>
              </>
            }
            name="network"
            autoComplete="organization"
            autoCapitalize="none"
            required
            value={acceptance.network}
            onChange={edit('network')}
            error={problems.fields.network}
          />
        )}
        <TextField label={t('login.email')} hint={t('invitation.emailHint')} name="email" type="email" autoComplete="email" autoCapitalize="none" required value={acceptance.email} onChange={edit('email')} error={problems.fields.email} />
        <TextField label={t('register.displayName')} hint={t('register.displayNameHint')} name="displayName" autoComplete="name" required value={acceptance.displayName} onChange={edit('displayName')} error={problems.fields.displayName} />
        <TextField
          label={t('login.password')}
          hint={t('password.rules')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          value={acceptance.password}
          onChange={edit('password')}
          error={problems.fields.password}
        />
        <Button type="submit" isDisabled={submission.isPending}>
          {submission.isPending ? t('invitation.submitting') : t('invitation.submit')}
        </Button>
      </form>
    </Page>
  );
}
