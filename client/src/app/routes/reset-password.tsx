import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PASSWORD_RESET_TTL_MINUTES } from '@shared/auth/account.types';
import { AuthLayout } from '@/components/layouts/auth-layout';
import { ButtonLink } from '@/components/ui/button';
import {
  ResetPasswordForm,
  type ResetLinkProblem,
} from '@/features/auth/components/reset-password-form';
import { authPath } from './next-path';

type Outcome = 'form' | 'done' | ResetLinkProblem;

const problems: Record<ResetLinkProblem, { title: string; text: string }> = {
  expired: {
    title: 'This link has expired',
    text: `A reset link works once, for ${PASSWORD_RESET_TTL_MINUTES} minutes. Ask for a new one and use it within that time.`,
  },
  invalid: {
    title: "This link isn't valid",
    text: 'It may be cut short: copy the whole link from the email, or ask for a new one.',
  },
};

/** `/reset-password?token=…`, opened from the email: choose a new password. */
export function ResetPasswordRoute() {
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const [outcome, setOutcome] = useState<Outcome>(token ? 'form' : 'invalid');

  if (outcome === 'done') {
    return (
      <AuthLayout title="Your password is changed">
        <title>Password changed · Lensbridge</title>
        <p>
          Every device that was signed in to your account has been signed out. Log in with your new
          password.
        </p>
        <ButtonLink to={authPath('login')} size="lg" fullWidth>
          Log in
        </ButtonLink>
      </AuthLayout>
    );
  }

  if (outcome !== 'form') {
    const problem = problems[outcome];
    return (
      <AuthLayout
        title={problem.title}
        footer={
          <>
            Remembered it? <Link to="/login">Log in</Link>
          </>
        }
      >
        <title>{`${problem.title} · Lensbridge`}</title>
        <p>{problem.text}</p>
        <ButtonLink to="/forgot-password" size="lg" fullWidth>
          Request a new link
        </ButtonLink>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Choose a new password">
      <title>Choose a new password · Lensbridge</title>
      <ResetPasswordForm
        token={token}
        onReset={() => setOutcome('done')}
        onLinkProblem={setOutcome}
      />
    </AuthLayout>
  );
}
