import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { AccountErrorCode } from '@shared/auth/account.types';
import { AuthErrorCode, PASSWORD_MIN_LENGTH } from '@shared/auth/auth.types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { PasswordField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/api-client';
import { describeError } from '@/lib/error-messages';
import { applyServerFieldErrors } from '@/lib/form-errors';
import { useChangePassword } from '../../api/account';
import { changePasswordFormSchema, type ChangePasswordFormValues } from '../password-form-schemas';
import './account.css';

const FIELDS = ['currentPassword', 'newPassword'] as const;

/** Current password, then the new one twice; every other device is signed out. */
export function ChangePasswordForm() {
  const form = useForm<ChangePasswordFormValues>({
    resolver: zodResolver(changePasswordFormSchema),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const { errors } = form.formState;
  const change = useChangePassword();

  const submit = form.handleSubmit(({ currentPassword, newPassword }) => {
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.reset();
          toast.success('Password changed; other devices were signed out');
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === AccountErrorCode.PasswordIncorrect) {
            form.resetField('currentPassword');
            form.setError(
              'currentPassword',
              { type: 'server', message: "That isn't your current password" },
              { shouldFocus: true },
            );
            return;
          }
          if (error instanceof ApiError && error.code === AuthErrorCode.WeakPassword) {
            form.setError(
              'newPassword',
              { type: 'server', message: error.message },
              { shouldFocus: true },
            );
            return;
          }
          applyServerFieldErrors(error, FIELDS, form.setError);
        },
      },
    );
  });

  const onFields = Boolean(errors.currentPassword || errors.newPassword);

  return (
    <form className="account-form" noValidate onSubmit={(event) => void submit(event)}>
      {change.isError && !onFields ? (
        <Alert tone="danger" title="We couldn't change your password">
          {describeError(change.error)}
        </Alert>
      ) : null}
      <PasswordField
        label="Current password"
        autoComplete="current-password"
        error={errors.currentPassword?.message}
        {...form.register('currentPassword')}
      />
      <PasswordField
        label="New password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        error={errors.newPassword?.message}
        {...form.register('newPassword')}
      />
      <PasswordField
        label="Confirm new password"
        autoComplete="new-password"
        error={errors.confirmPassword?.message}
        {...form.register('confirmPassword')}
      />
      <div className="account-form__actions">
        <Button type="submit" variant="secondary" loading={change.isPending}>
          Change password
        </Button>
      </div>
    </form>
  );
}
