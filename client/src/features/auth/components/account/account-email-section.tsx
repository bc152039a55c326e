import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { changeEmailSchema, type ChangeEmailInput } from '@shared/auth/account.schema';
import { AccountErrorCode, EMAIL_CHANGE_TTL_HOURS } from '@shared/auth/account.types';
import type { UserDto } from '@shared/auth/auth.types';
import { ResendVerificationButton } from '@/components/account/resend-verification-button';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { PasswordField, TextField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/api-client';
import { describeError } from '@/lib/error-messages';
import { applyServerFieldErrors } from '@/lib/form-errors';
import { useChangeEmail } from '../../api/account';
import './account.css';

const FIELDS = ['newEmail', 'password'] as const satisfies (keyof ChangeEmailInput)[];

/** The address, whether it is confirmed, and changing it (which the new address must confirm). */
export function AccountEmailSection({ user }: { user: UserDto }) {
  return (
    <>
      <div className="account-email">
        <p className="account-email__address">{user.email}</p>
        {user.emailVerified ? (
          <Badge tone="success">Confirmed</Badge>
        ) : (
          <Badge tone="warn">Not confirmed</Badge>
        )}
      </div>
      {user.emailVerified ? null : (
        <div className="account-email__unconfirmed">
          <p className="text-muted text-sm">
            We sent a link to {user.email}. Follow it to confirm the address: until then you
            can&apos;t book sessions or take payments.
          </p>
          <ResendVerificationButton email={user.email} />
        </div>
      )}
      <h3 className="account-section__subtitle">Change your email address</h3>
      <ChangeEmailForm currentEmail={user.email} />
    </>
  );
}

function ChangeEmailForm({ currentEmail }: { currentEmail: string }) {
  const form = useForm<z.input<typeof changeEmailSchema>, unknown, ChangeEmailInput>({
    resolver: zodResolver(changeEmailSchema),
    defaultValues: { newEmail: '', password: '' },
  });
  const { errors } = form.formState;
  const change = useChangeEmail();

  const submit = form.handleSubmit((values) => {
    change.mutate(values, {
      onSuccess: () => form.reset(),
      onError: (error) => {
        if (error instanceof ApiError && error.code === AccountErrorCode.PasswordIncorrect) {
          form.resetField('password');
          form.setError(
            'password',
            { type: 'server', message: "That isn't your current password" },
            { shouldFocus: true },
          );
          return;
        }
        applyServerFieldErrors(error, FIELDS, form.setError);
      },
    });
  });

  const onFields = Boolean(errors.newEmail || errors.password);

  return (
    <form className="account-form" noValidate onSubmit={(event) => void submit(event)}>
      {change.isSuccess ? (
        <Alert tone="success" title={`We sent a link to ${change.data.pendingEmail}`}>
          Your address changes when you follow it (within {EMAIL_CHANGE_TTL_HOURS} hours). Until
          then you keep logging in with {currentEmail}.
        </Alert>
      ) : null}
      {change.isError && !onFields ? (
        <Alert tone="danger" title="We couldn't start the change">
          {describeError(change.error)}
        </Alert>
      ) : null}
      <TextField
        label="New email address"
        type="email"
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        error={errors.newEmail?.message}
        {...form.register('newEmail')}
      />
      <PasswordField
        label="Your password"
        autoComplete="current-password"
        hint="So nobody at an unlocked computer can move your account to their address."
        error={errors.password?.message}
        {...form.register('password')}
      />
      <div className="account-form__actions">
        <Button type="submit" variant="secondary" loading={change.isPending}>
          Send the confirmation link
        </Button>
      </div>
    </form>
  );
}
