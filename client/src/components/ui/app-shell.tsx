import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { Wordmark } from './wordmark';
import './app-shell.css';

export interface NavItem {
  to: string;
  label: string;
  /** Only active on an exact match (for a section's home). */
  end?: boolean;
}

interface AppShellProps {
  homeTo: string;
  nav: readonly NavItem[];
  /** The signed-in person's name, role and log-out control, shown at the header's end. */
  account: ReactNode;
  /** Shown between the header and the page, e.g. a failed log-out. */
  banner?: ReactNode;
  children: ReactNode;
}

/** The frame of the signed-in app. On narrow screens the nav and account fold into a menu. */
export function AppShell({ homeTo, nav, account, banner, children }: AppShellProps) {
  const [menuOpen, setMenuOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key === 'Escape' && menuOpen) {
      setMenuOpen(false);
      toggleRef.current?.focus();
    }
  }

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header" onKeyDown={closeOnEscape}>
        <div className="container app-header__inner">
          <Link to={homeTo} className="app-header__brand" aria-label="Lensbridge home">
            <Wordmark />
          </Link>
          <button
            ref={toggleRef}
            type="button"
            className="app-header__toggle"
            aria-expanded={menuOpen}
            aria-controls={menuId}
            onClick={() => setMenuOpen((open) => !open)}
          >
            <MenuIcon open={menuOpen} />
            <span>Menu</span>
          </button>
          <div id={menuId} className="app-header__menu" data-open={menuOpen}>
            <nav className="app-nav" aria-label="Main">
              <ul className="app-nav__list">
                {nav.map((item) => (
                  <li key={item.to}>
                    <NavLink
                      to={item.to}
                      end={item.end}
                      className="app-nav__link"
                      onClick={() => setMenuOpen(false)}
                    >
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="app-header__account">{account}</div>
          </div>
        </div>
      </header>
      {banner ? <div className="container app-shell__banner">{banner}</div> : null}
      <main id="main" className="app-main" tabIndex={-1}>
        <div className="container">{children}</div>
      </main>
    </div>
  );
}

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        d={open ? 'M6 6l12 12M18 6L6 18' : 'M4 7h16M4 12h16M4 17h16'}
      />
    </svg>
  );
}
