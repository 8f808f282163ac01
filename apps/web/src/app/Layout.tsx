import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { Button } from '../components/Button';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { QueryState } from '../components/QueryState';
import { MemberLanguageSwitcher } from '../features/account/MemberLanguageSwitcher';
import { NAVIGATION } from './navigation';
import { NetworkName } from './NetworkName';
import { OfflineBanner } from './OfflineBanner';
import { useSession } from './session';

/** The header every page shares: the network's mark, the language, and for a signed-in person the menu and sign-out. */
function Header({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const { keeper } = useSession();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = useState(false);
  const signOut = async () => {
    await keeper.signOut();
    navigate('/login', { replace: true });
  };
  return (
    <header className="app-header">
      <a className="skip-link" href="#content">
        {t('app.skipToContent')}
      </a>
      <div className="app-brand">
        <p className="app-name">{signedIn ? <NetworkName /> : t('app.name')}</p>
        <p className="app-tagline">{t('app.tagline')}</p>
      </div>
      <div className="app-tools">
        {signedIn ? <MemberLanguageSwitcher /> : <LanguageSwitcher />}
        {signedIn && (
          <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="main-navigation" onClick={() => setMenuOpen((open) => !open)}>
            {t('nav.menu')}
          </button>
        )}
      </div>
      {signedIn && (
        <nav id="main-navigation" className={`app-nav${menuOpen ? ' app-nav-open' : ''}`} aria-label={t('nav.label')}>
          <ul>
            {NAVIGATION.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === '/'} onClick={() => setMenuOpen(false)}>
                  {t(item.label)}
                  {item.badge && <item.badge />}
                </NavLink>
              </li>
            ))}
          </ul>
          <Button variant="secondary" className="sign-out" onPress={() => void signOut()}>
            {t('nav.signOut')}
          </Button>
        </nav>
      )}
    </header>
  );
}

/** The frame of every page: header, offline notice, then the page itself. */
export function Layout({ signedIn }: { signedIn: boolean }) {
  return (
    <>
      <Header signedIn={signedIn} />
      <OfflineBanner />
      <main id="content" className="app-main">
        <Suspense fallback={<QueryState status="pending" />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
