import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ButtonLink } from '@/components/ui/button';
import { Wordmark } from '@/components/ui/wordmark';
import './status-page.css';

export function NotFoundRoute() {
  return (
    <StatusPage
      eyebrow="404"
      title="We can't find that page"
      text="The link may be mistyped or out of date."
      action={<ButtonLink to="/">Go to the home page</ButtonLink>}
    />
  );
}

export function StatusPage({
  eyebrow,
  title,
  text,
  action,
}: {
  eyebrow: string;
  title: string;
  text: string;
  action: ReactNode;
}) {
  return (
    <div className="status-page">
      <title>{`${title} · Lensbridge`}</title>
      <header className="status-page__header">
        <Link to="/" className="status-page__brand" aria-label="Lensbridge home">
          <Wordmark />
        </Link>
      </header>
      <main id="main" className="status-page__main">
        <p className="eyebrow">{eyebrow}</p>
        <h1 className="status-page__title">{title}</h1>
        <p className="status-page__text">{text}</p>
        <div>{action}</div>
      </main>
    </div>
  );
}
