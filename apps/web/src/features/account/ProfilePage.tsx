import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useMe } from '../home/use-me';
import { ConsentsForm } from './ConsentsForm';
import { MyDataSection } from './MyDataSection';
import { PasswordForm } from './PasswordForm';
import { ProfileForm } from './ProfileForm';

/** The person's own page: their profile, password, consents, their data and the erasure of their account. */
export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data) return <QueryState status={me.isError ? 'error' : 'pending'} onRetry={() => void me.refetch()} />;
  return (
    <Page title={t('profile.title')} width="narrow">
      <div className="sections">
        <ProfileForm me={me.data} />
        <PasswordForm />
        <ConsentsForm />
        <MyDataSection />
      </div>
    </Page>
  );
}
