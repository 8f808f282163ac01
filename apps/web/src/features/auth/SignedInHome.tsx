import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthApi, Member } from './auth-api';

type State = { kind: 'loading' } | { kind: 'loaded'; member: Member } | { kind: 'failed' };

/** The minimal home: who is signed in, read from the identity service with the in-memory token. */
export function SignedInHome({ auth, accessToken, onSignOut }: { auth: AuthApi; accessToken: string; onSignOut: () => void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let current = true;
    auth.me(accessToken).then(
      (member) => current && setState({ kind: 'loaded', member }),
      () => current && setState({ kind: 'failed' }),
    );
    return () => {
      current = false;
    };
  }, [auth, accessToken]);

  return (
    <section className="card" aria-labelledby="home-title">
      <h1 id="home-title">{t('home.title')}</h1>
      <p aria-live="polite" role={state.kind === 'failed' ? 'alert' : undefined}>
        {state.kind === 'loading' && t('home.loading')}
        {state.kind === 'loaded' && t('home.signedInAs', { name: state.member.displayName, email: state.member.email })}
        {state.kind === 'failed' && t('home.error')}
      </p>
      <button type="button" onClick={onSignOut}>
        {t('home.signOut')}
      </button>
    </section>
  );
}
