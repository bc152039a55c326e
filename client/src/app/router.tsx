import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { ACCOUNT_LINK_PATHS } from '@shared/auth/account.types';
import { PageLoader } from '@/components/ui/spinner';
import { RequireAuth } from './routes/app/require-auth';
import { LandingRoute } from './routes/landing';
import { NotFoundRoute } from './routes/not-found';
import { loadAuthPages } from './routes/preload';
import { RouteErrorBoundary } from './routes/route-error';

/*
 * Code splitting keeps the landing page light (docs/design.md §10 budget): the forms (zod,
 * react-hook-form) and the signed-in area each load as their own chunk, on first use.
 */
const SignupRoute = lazy(() => loadAuthPages().then((m) => ({ default: m.SignupRoute })));
const LoginRoute = lazy(() => loadAuthPages().then((m) => ({ default: m.LoginRoute })));
// The pages emailed links open, and the request for a reset link: public, in the same chunk.
const ForgotPasswordRoute = lazy(() =>
  loadAuthPages().then((m) => ({ default: m.ForgotPasswordRoute })),
);
const ResetPasswordRoute = lazy(() =>
  loadAuthPages().then((m) => ({ default: m.ResetPasswordRoute })),
);
const VerifyEmailRoute = lazy(() => loadAuthPages().then((m) => ({ default: m.VerifyEmailRoute })));
const ConfirmEmailChangeRoute = lazy(() =>
  loadAuthPages().then((m) => ({ default: m.ConfirmEmailChangeRoute })),
);
const AppArea = lazy(() => import('./routes/app/app-area'));
// The public photographer pages: the directory, and the profile with the booking flow.
const DirectoryRoute = lazy(() =>
  import('./routes/photographers/directory').then((m) => ({ default: m.DirectoryRoute })),
);
const PhotographerProfileRoute = lazy(() =>
  import('./routes/photographers/profile').then((m) => ({
    default: m.PhotographerProfileRoute,
  })),
);

// The public page that checks an image's Content Credentials.
const VerifyRoute = lazy(() => import('./routes/verify').then((m) => ({ default: m.VerifyRoute })));

function Page({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoader />}>{children}</Suspense>;
}

/** New pages start at the top, as a full page load would. */
function ScrollToTopOnNavigate() {
  const { pathname } = useLocation();
  useEffect(() => {
    window.scrollTo?.(0, 0);
  }, [pathname]);
  return null;
}

export function AppRoutes() {
  const { pathname } = useLocation();
  return (
    <RouteErrorBoundary resetKey={pathname}>
      <ScrollToTopOnNavigate />
      <Routes>
        <Route index element={<LandingRoute />} />
        <Route
          path="signup"
          element={
            <Page>
              <SignupRoute />
            </Page>
          }
        />
        <Route
          path="login"
          element={
            <Page>
              <LoginRoute />
            </Page>
          }
        />
        <Route
          path="forgot-password"
          element={
            <Page>
              <ForgotPasswordRoute />
            </Page>
          }
        />
        <Route
          path={ACCOUNT_LINK_PATHS.passwordReset}
          element={
            <Page>
              <ResetPasswordRoute />
            </Page>
          }
        />
        <Route
          path={ACCOUNT_LINK_PATHS.verifyEmail}
          element={
            <Page>
              <VerifyEmailRoute />
            </Page>
          }
        />
        <Route
          path={ACCOUNT_LINK_PATHS.emailChange}
          element={
            <Page>
              <ConfirmEmailChangeRoute />
            </Page>
          }
        />
        <Route
          path="photographers"
          element={
            <Page>
              <DirectoryRoute />
            </Page>
          }
        />
        <Route
          path="photographers/:id"
          element={
            <Page>
              <PhotographerProfileRoute />
            </Page>
          }
        />
        <Route
          path="verify"
          element={
            <Page>
              <VerifyRoute />
            </Page>
          }
        />
        <Route
          path="app/*"
          element={
            <RequireAuth>
              {(session) => (
                <Page>
                  <AppArea session={session} />
                </Page>
              )}
            </RequireAuth>
          }
        />
        <Route path="*" element={<NotFoundRoute />} />
      </Routes>
    </RouteErrorBoundary>
  );
}
