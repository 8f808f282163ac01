import { useTranslation } from 'react-i18next';
import type { MessageKey } from '../i18n/fr';

/** A form's general message, announced as soon as it appears; empty (but present) otherwise, so it is announced when it fills. */
export function FormError({ message }: { message: MessageKey | null }) {
  const { t } = useTranslation();
  return (
    <p className="form-error" role="alert">
      {message ? t(message) : null}
    </p>
  );
}
