import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { AccountErrorCode } from '@shared/auth/account.types';
import { AuthErrorCode, PASSWORD_MIN_LENGTH } from '@shared/auth/auth.types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { PasswordField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/api-client';
import { describeError } from '@/lib/error-messages';
import { applyServerFieldErrors } from '@/lib/form-errors';
import { useConfirmPasswordReset } from '../api/password-reset';
import { resetPasswordFormSchema, type ResetPasswordFormValues } from './password-form-schemas';
import './auth-form.css';

export type ResetLinkProblem = 'expired' | 'invalid';

/** A problem with the link itself rather than with the password typed. */
export function resetLinkProblem(error: unknown): ResetLinkProblem | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === AccountErrorCode.ResetTokenExpired) return 'expired';
  if (error.code === AccountErrorCode.ResetTokenInvalid) return 'invalid';
  if (error.fieldErrors.some((detail) => detail.path === 'token')) return 'invalid';
  return null;
}

interface ResetPasswordFormProps {
  token: string;
  onReset: () => void;
  onLinkProblem: (problem: ResetLinkProblem) => void;
}

/** The new password, typed twice, for the account the emailed link belongs to. */
export function ResetPasswordForm({ token, onReset, onLinkProblem }: ResetPasswordFormProps) {
  const form = useForm<ResetPasswordFormValues>({
    resolver: zodResolver(resetPasswordFormSchema),
    defaultValues: { password: '', confirmPassword: '' },
  });
  const { errors } = form.formState;
  const reset = useConfirmPasswordReset();

  const submit = form.handleSubmit(({ password }) => {
    reset.mutate(
      { token, password },
      {
        onSuccess: onReset,
        onError: (error) => {
          const problem = resetLinkProblem(error);
          if (problem) return onLinkProblem(problem);
          if (error instanceof ApiError && error.code === AuthErrorCode.WeakPassword) {
            form.setError(
              'password',
              { type: 'server', message: error.message },
              { shouldFocus: true },
            );
            return;
          }
          applyServerFieldErrors(error, ['password'], form.setError);
        },
      },
    );
  });

  const shownOnFields =
    reset.error instanceof ApiError &&
    (reset.error.code === AuthErrorCode.WeakPassword ||
      reset.error.fieldErrors.some((detail) => detail.path === 'password'));

  return (
    <form className="auth-form" noValidate onSubmit={(event) => void submit(event)}>
      {reset.isError && !shownOnFields && !resetLinkProblem(reset.error) ? (
        <Alert tone="danger" title="We couldn't change your password">
          {describeError(reset.error)}
        </Alert>
      ) : null}
      <PasswordField
        label="New password"
        autoComplete="new-password"
        autoFocus
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.`}
        error={errors.password?.message}
        {...form.register('password')}
      />
      <PasswordField
        label="Confirm new password"
        autoComplete="new-password"
        error={errors.confirmPassword?.message}
        {...form.register('confirmPassword')}
      />
      <Button type="submit" size="lg" fullWidth loading={reset.isPending}>
        {reset.isPending ? 'Saving…' : 'Save the new password'}
      </Button>
    </form>
  );
}
