import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApi } from '../../app/session';
import { Button } from '../../components/Button';
import { FormError } from '../../components/FormError';
import { TextField } from '../../components/TextField';
import { useSubmission } from '../../components/use-submission';

const FIELDS = ['currentPassword', 'newPassword'] as const;
type PasswordChange = Record<(typeof FIELDS)[number], string>;

/**
 * Changing one's password ends every session of the account, this one too:
 * the person signs in again with the new password.
 */
export function PasswordForm() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const [change, setChange] = useState<PasswordChange>({ currentPassword: '', newPassword: '' });
  const submission = useSubmission(FIELDS, (body: PasswordChange) => api.POST('/v1/users/me/password', { body }), {
    // The login page closes the session, and says why.
    onSuccess: () => navigate('/login?notice=password-changed', { replace: true, state: { closeSession: true } }),
  });
  const edit = (field: keyof PasswordChange) => (event: { target: { value: string } }) => setChange((current) => ({ ...current, [field]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    submission.mutate(change);
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="password-heading">
      <h2 id="password-heading">{t('password.section')}</h2>
      <p>{t('password.intro')}</p>
      <FormError message={submission.problems.general} />
      <TextField label={t('password.current')} name="currentPassword" type="password" autoComplete="current-password" required value={change.currentPassword} onChange={edit('currentPassword')} error={submission.problems.fields.currentPassword} />
      <TextField label={t('password.new')} hint={t('password.rules')} name="newPassword" type="password" autoComplete="new-password" required value={change.newPassword} onChange={edit('newPassword')} error={submission.problems.fields.newPassword} />
      <Button type="submit" isDisabled={submission.isPending}>
        {submission.isPending ? t('password.submitting') : t('password.submit')}
      </Button>
    </form>
  );
}
