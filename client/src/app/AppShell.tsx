import { NavLink, Outlet } from 'react-router';
import { RequireSession, SessionBar, useSession } from '@/features/session';
import { common } from '@/i18n/common';
import { useMessages } from '@/i18n/LocaleProvider';
import { LanguageSwitch } from './LanguageSwitch';
import { navigation } from './navigation';

/** The frame of every screen: skip link, header with the language and session, the role's navigation. */
export function AppShell() {
  const t = useMessages(common);
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="app-header">
        <span className="app-name">{t.appTitle}</span>
        <LanguageSwitch />
        <SessionBar />
      </header>
      <Navigation />
      <main id="main" className="app-main" tabIndex={-1}>
        <RequireSession>
          <Outlet />
        </RequireSession>
      </main>
    </>
  );
}

function Navigation() {
  const { state } = useSession();
  const t = useMessages(common);
  if (state.status !== 'signedIn') return null;
  const items = navigation.filter((item) => item.roles.includes(state.me.role));
  return (
    <nav className="app-nav" aria-label={t.nav.label}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.to === '/'}>
              {t.nav[item.label]}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
