import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { SELF_SERVICE_ROLES, type SelfServiceRole } from '@shared/auth/auth.types';
import { AuthLayout } from '@/components/layouts/auth-layout';
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

  if (me.data) return <Navigate to={next} replace />;

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
        loginHref={(email) => authPath('login', { next: nextParam, email })}
      />
    </AuthLayout>
  );
}
