import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { FormError } from '../../components/FormError';
import { TextField } from '../../components/TextField';
import type { MessageKey } from '../../i18n/fr';

/**
 * The form of a page reached without a session: named by the page's
 * heading, its general problem above the fields, and one submit button that
 * says when the request is on its way.
 */
export function AuthForm(props: {
  general: MessageKey | null;
  pending: boolean;
  submit: string;
  submitting: string;
  onSubmit: () => unknown;
  children: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void props.onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="page-title">
      <FormError message={props.general} />
      {props.children}
      <Button type="submit" isDisabled={props.pending}>
        {props.pending ? props.submitting : props.submit}
      </Button>
    </form>
  );
}

type FieldProps = { value: string; onChange: (event: { target: { value: string } }) => void; error?: string };

/** The network's field, with the example of a network's short name. */
export function NetworkField(props: FieldProps) {
  const { t } = useTranslation();
  return (
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
      {...props}
    />
  );
}

/** A password being chosen, with the rules it must keep; password managers offer to generate one. */
export function NewPasswordField({ label, name, ...props }: FieldProps & { label: string; name: string }) {
  const { t } = useTranslation();
  return <TextField label={label} hint={t('password.rules')} name={name} type="password" autoComplete="new-password" required {...props} />;
}
