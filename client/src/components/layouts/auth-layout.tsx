import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Card } from '../ui/card';
import { Wordmark } from '../ui/wordmark';
import './auth-layout.css';

interface AuthLayoutProps {
  title: string;
  subtitle?: ReactNode;
  /** Under the card: e.g. "Already have an account? Log in". */
  footer?: ReactNode;
  wide?: boolean;
  children: ReactNode;
}

/** The frame of the sign-up and log-in pages: the wordmark, one centred card, a footer line. */
export function AuthLayout({ title, subtitle, footer, wide, children }: AuthLayoutProps) {
  return (
    <div className="auth-page">
      <header className="auth-page__header">
        <Link to="/" className="auth-page__brand" aria-label="Lensbridge home">
          <Wordmark />
        </Link>
      </header>
      <main
        id="main"
        className={['auth-page__main', wide && 'auth-page__main--wide'].filter(Boolean).join(' ')}
      >
        <Card padding="lg" className="auth-card">
          <div className="auth-card__intro">
            <h1 className="auth-card__title">{title}</h1>
            {subtitle ? <p className="auth-card__subtitle">{subtitle}</p> : null}
          </div>
          {children}
        </Card>
        {footer ? <p className="auth-page__footer">{footer}</p> : null}
      </main>
    </div>
  );
}
