import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { Link } from 'react-router';
import { loginSchema, type LoginInput } from '@shared/auth/auth.schema';
import { AuthErrorCode, type SessionDto } from '@shared/auth/auth.types';
import { CommonErrorCode } from '@shared/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { PasswordField, TextField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/api-client';
import { describeError } from '@/lib/error-messages';
import { applyServerFieldErrors, unmatchedServerErrors } from '@/lib/form-errors';
import { useLogin } from '../api/login';
import './auth-form.css';

const FIELDS = ['email', 'password'] as const satisfies (keyof LoginInput)[];

interface LoginFormProps {
  onSuccess: (session: SessionDto) => void;
  defaultEmail?: string;
  /** Where "Forgot password?" points, carrying the address typed so far. */
  forgotPasswordHref: (email: string) => string;
}

export function LoginForm({ onSuccess, defaultEmail = '', forgotPasswordHref }: LoginFormProps) {
  const form = useForm({
    resolver: zodResolver(loginSchema),
    defaultValues: { email: defaultEmail, password: '' },
  });
  const { errors } = form.formState;
  const login = useLogin();
  const typedEmail = useWatch({ control: form.control, name: 'email' });

  const submit = form.handleSubmit((values) => {
    login.mutate(values, {
      onSuccess,
      onError: (error) => {
        if (error instanceof ApiError && error.code === AuthErrorCode.InvalidCredentials) {
          // Keep the email; clear the password so the next attempt starts clean.
          form.resetField('password');
          form.setFocus('password');
          return;
        }
        applyServerFieldErrors(error, FIELDS, form.setError);
      },
    });
  });

  return (
    <form className="auth-form" noValidate onSubmit={(event) => void submit(event)}>
      <LoginErrorAlert error={login.error} />
      <TextField
        label="Email"
        type="email"
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        autoFocus={!defaultEmail}
        error={errors.email?.message}
        {...form.register('email')}
      />
      <PasswordField
        label="Password"
        autoComplete="current-password"
        autoFocus={Boolean(defaultEmail)}
        error={errors.password?.message}
        {...form.register('password')}
      />
      <p className="auth-form__aside">
        <Link to={forgotPasswordHref(typedEmail.trim())}>Forgot password?</Link>
      </p>
      <Button type="submit" size="lg" fullWidth loading={login.isPending}>
        {login.isPending ? 'Logging in…' : 'Log in'}
      </Button>
    </form>
  );
}

function LoginErrorAlert({ error }: { error: Error | null }) {
  if (!error) return null;
  if (error instanceof ApiError) {
    if (error.code === AuthErrorCode.InvalidCredentials) {
      return (
        <Alert tone="danger" title="That email and password don't match">
          Check both for typos and try again.
        </Alert>
      );
    }
    if (error.code === CommonErrorCode.ValidationFailed) {
      const unmatched = unmatchedServerErrors(error, FIELDS);
      if (unmatched.length === 0) return null; // shown on the fields themselves
      return (
        <Alert tone="danger" title="Some details need another look">
          {unmatched.join(' ')}
        </Alert>
      );
    }
  }
  return (
    <Alert tone="danger" title="We couldn't log you in">
      {describeError(error)}
    </Alert>
  );
}
