import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { SELF_SERVICE_ROLES, type SelfServiceRole } from '@shared/auth/auth.types';
import { AuthLayout } from '@/components/layouts/auth-layout';
import { Button, ButtonLink } from '@/components/ui/button';
import { useMe } from '@/features/auth/api/get-me';
import { SignupForm } from '@/features/auth/components/signup-form';
import { authPath, safeNextPath } from './next-path';

function isSelfServiceRole(value: string | null): value is SelfServiceRole {
  return (SELF_SERVICE_ROLES as readonly (string | null)[]).includes(value);
}

export function SignupRoute() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const nextParam = params.get('next');
  const next = safeNextPath(nextParam);
  const role = params.get('role');
  /** Where the email went, once sign-up was accepted but could not log straight in. */
  const [sentTo, setSentTo] = useState<string | null>(null);

  if (me.data) return <Navigate to={next} replace />;

  if (sentTo !== null) {
    const loginHref = authPath('login', { next: nextParam, email: sentTo });
    return (
      <AuthLayout
        title="Check your inbox"
        footer={
          <>
            Wrong address?{' '}
            <Button variant="ghost" size="sm" onClick={() => setSentTo(null)}>
              Sign up again
            </Button>
          </>
        }
      >
        <title>Check your inbox · Lensbridge</title>
        {/* The same words whether or not the address already had an account. */}
        <div className="stack">
          <p>
            We sent a message to <strong>{sentTo}</strong>. Follow its link to continue.
          </p>
          <p className="text-muted text-sm">
            Nothing there after a few minutes? Check your spam folder.
          </p>
        </div>
        <ButtonLink to={loginHref} variant="secondary" fullWidth>
          Log in
        </ButtonLink>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      wide
      title="Create your account"
      subtitle="One account for drafts, comparisons and bookings."
      footer={
        <>
          Already have an account? <Link to={authPath('login', { next: nextParam })}>Log in</Link>
        </>
      }
    >
      <title>Sign up · Lensbridge</title>
      <SignupForm
        defaultRole={isSelfServiceRole(role) ? role : undefined}
        onSuccess={() => void navigate(next, { replace: true })}
        onCheckEmail={setSentTo}
      />
    </AuthLayout>
  );
}
