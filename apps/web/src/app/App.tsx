import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createApiClient } from '../api/client';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { authApi, type AuthApi } from '../features/auth/auth-api';
import { LoginForm } from '../features/auth/LoginForm';
import { SignedInHome } from '../features/auth/SignedInHome';

/**
 * The application's shell. The access token lives in this component's state
 * only: never in localStorage or a cookie the page can read, so a script
 * injected into the page finds nothing stored, and a reload signs out.
 */
export function App({ auth }: { auth?: AuthApi }) {
  const { t } = useTranslation();
  const api = useMemo(() => auth ?? authApi(createApiClient()), [auth]);
  const [accessToken, setAccessToken] = useState<string | null>(null);
  return (
    <>
      <header className="app-header">
        <div>
          <p className="app-name">{t('app.name')}</p>
          <p className="app-tagline">{t('app.tagline')}</p>
        </div>
        <LanguageSwitcher />
      </header>
      <main className="app-main">
        {accessToken ? (
          <SignedInHome auth={api} accessToken={accessToken} onSignOut={() => setAccessToken(null)} />
        ) : (
          <LoginForm auth={api} onSignedIn={setAccessToken} />
        )}
      </main>
    </>
  );
}
