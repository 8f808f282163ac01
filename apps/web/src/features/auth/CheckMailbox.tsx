import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/Page';
import type { MessageKey } from '../../i18n/fr';
import { withNetwork } from './mail-link';

/** What follows a request answered by mail: where the mail went, what to do with it, and what if it does not come. */
export function CheckMailbox({ email, network, body }: { email: string; network: string; body: MessageKey }) {
  const { t } = useTranslation();
  return (
    <Page title={t('mailbox.title')} width="narrow">
      <p role="status">{t('mailbox.sentTo', { email })}</p>
      <p>{t(body)}</p>
      <p>{t('mailbox.nothing')}</p>
      <p className="form-links">
        <Link to={withNetwork('/login', network)}>{t('mailbox.toLogin')}</Link>
      </p>
    </Page>
  );
}
