import { useEffect, useRef, type RefObject } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { OutboxStatus } from '@/lib/offline';
import { RequireSession, SessionBar, useSession } from '@/lib/session';
import { common } from '@/i18n/common';
import { useMessages } from '@/i18n/LocaleProvider';
import { LanguageSwitch } from './LanguageSwitch';
import { navigation } from './navigation';

/** The frame of every screen: skip link, header with the language, the outbox and session, the role's navigation. */
export function AppShell() {
  const t = useMessages(common);
  const { state } = useSession();
  const main = useRef<HTMLElement>(null);
  useFocusOnNewScreen(main);
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="app-header">
        <span className="app-name">{t.appTitle}</span>
        <LanguageSwitch />
        {/* Donors only read: they have nothing to send. */}
        {state.status === 'signedIn' && state.me.role !== 'donor' && <OutboxStatus />}
        <SessionBar />
      </header>
      <Navigation />
      <main id="main" className="app-main" tabIndex={-1} ref={main}>
        <RequireSession>
          <Outlet />
        </RequireSession>
      </main>
    </>
  );
}

/**
 * On each new screen, focus moves to the main content as it would after a page load, so that keyboard
 * and screen reader users carry on from there rather than from the link they left (or from nothing).
 * A screen that placed focus inside itself keeps it.
 */
function useFocusOnNewScreen(main: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    if (!main.current?.contains(document.activeElement)) main.current?.focus();
  }, [main, pathname]);
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
