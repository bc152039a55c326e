import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import {
  passwordResetRequestSchema,
  type PasswordResetRequestInput,
} from '@shared/auth/account.schema';
import { PASSWORD_RESET_TTL_MINUTES } from '@shared/auth/account.types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { describeError } from '@/lib/error-messages';
import { applyServerFieldErrors } from '@/lib/form-errors';
import { useRequestPasswordReset } from '../api/password-reset';
import './auth-form.css';

const FIELDS = ['email'] as const satisfies (keyof PasswordResetRequestInput)[];

/** Asks for a reset link; the answer reads the same whether or not the address has an account. */
export function ForgotPasswordForm({ defaultEmail = '' }: { defaultEmail?: string }) {
  const form = useForm<
    z.input<typeof passwordResetRequestSchema>,
    unknown,
    PasswordResetRequestInput
  >({
    resolver: zodResolver(passwordResetRequestSchema),
    defaultValues: { email: defaultEmail },
  });
  const { errors } = form.formState;
  const request = useRequestPasswordReset();

  const submit = form.handleSubmit((values) => {
    request.mutate(values, {
      onError: (error) => applyServerFieldErrors(error, FIELDS, form.setError),
    });
  });

  if (request.isSuccess) {
    return (
      <Alert tone="success" title="Check your inbox">
        If an account exists for <strong>{request.variables.email}</strong>, we sent a link valid
        for {PASSWORD_RESET_TTL_MINUTES} minutes. Follow it to choose a new password.
      </Alert>
    );
  }

  return (
    <form className="auth-form" noValidate onSubmit={(event) => void submit(event)}>
      {request.isError && !form.formState.errors.email ? (
        <Alert tone="danger" title="We couldn't send the link">
          {describeError(request.error)}
        </Alert>
      ) : null}
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        autoFocus
        error={errors.email?.message}
        {...form.register('email')}
      />
      <Button type="submit" size="lg" fullWidth loading={request.isPending}>
        {request.isPending ? 'Sending…' : 'Send the link'}
      </Button>
    </form>
  );
}
