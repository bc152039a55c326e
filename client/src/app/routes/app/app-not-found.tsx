import { ButtonLink } from '@/components/ui/button';

export function AppNotFoundRoute() {
  return (
    <div className="app-page app-page--narrow">
      <title>Page not found · Lensbridge</title>
      <div className="app-page__header">
        <p className="eyebrow">404</p>
        <h1 className="page-title">This page doesn't exist</h1>
        <p className="page-lead">The link may be old, or the page hasn't been built yet.</p>
      </div>
      <div>
        <ButtonLink to="/app">Back to your home</ButtonLink>
      </div>
    </div>
  );
}
