import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { AuthLayout } from '@/components/layouts/auth-layout';
import { useMe } from '@/features/auth/api/get-me';
import { LoginForm } from '@/features/auth/components/login-form';
import { authPath, safeNextPath } from './next-path';

export function LoginRoute() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const nextParam = params.get('next');
  const next = safeNextPath(nextParam);

  if (me.data) return <Navigate to={next} replace />;

  return (
    <AuthLayout
      title="Log in"
      subtitle="Welcome back to Lensbridge."
      footer={
        <>
          New here? <Link to={authPath('signup', { next: nextParam })}>Create an account</Link>
        </>
      }
    >
      <title>Log in · Lensbridge</title>
      <LoginForm
        defaultEmail={params.get('email') ?? undefined}
        onSuccess={() => void navigate(next, { replace: true })}
        forgotPasswordHref={(email) => authPath('forgot-password', { email })}
      />
    </AuthLayout>
  );
}
