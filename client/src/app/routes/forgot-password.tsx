import { Link, useSearchParams } from 'react-router';
import { AuthLayout } from '@/components/layouts/auth-layout';
import { ForgotPasswordForm } from '@/features/auth/components/forgot-password-form';

export function ForgotPasswordRoute() {
  const [params] = useSearchParams();
  return (
    <AuthLayout
      title="Forgot your password?"
      subtitle="Enter the address you log in with and we'll email you a link to choose a new one."
      footer={
        <>
          Remembered it? <Link to="/login">Log in</Link>
        </>
      }
    >
      <title>Forgot password · Lensbridge</title>
      <ForgotPasswordForm defaultEmail={params.get('email') ?? undefined} />
    </AuthLayout>
  );
}
