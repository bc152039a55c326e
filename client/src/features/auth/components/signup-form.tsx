import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import {
  AuthErrorCode,
  PASSWORD_MIN_LENGTH,
  type SelfServiceRole,
  type SessionDto,
} from '@shared/auth/auth.types';
import { registerSchema, type RegisterInput } from '@shared/auth/auth.schema';
import { CommonErrorCode } from '@shared/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { RadioCardGroup, type RadioCardOption } from '@/components/ui/radio-card-group';
import { PasswordField, TextField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/api-client';
import { describeError } from '@/lib/error-messages';
import { applyServerFieldErrors, unmatchedServerErrors } from '@/lib/form-errors';
import { useSignUp } from '../api/register';
import { CameraIcon, PortraitIcon } from './role-icons';
import './auth-form.css';

const FIELDS = ['name', 'email', 'password', 'role'] as const satisfies (keyof RegisterInput)[];

const roleOptions: readonly RadioCardOption<RegisterInput['role']>[] = [
  {
    value: 'client',
    title: 'I need a headshot',
    description: 'Try an AI draft, compare it with a studio session, book a photographer.',
    icon: <PortraitIcon />,
  },
  {
    value: 'photographer',
    title: "I'm a photographer",
    description: 'Show your packages and hours, and take bookings from clients.',
    icon: <CameraIcon />,
  },
];

interface SignupFormProps {
  defaultRole?: SelfServiceRole;
  /** Signed up and logged in: on into the app. */
  onSuccess: (session: SessionDto) => void;
  /** Accepted, but the log-in that followed did not work: the person continues from the email. */
  onCheckEmail: (email: string) => void;
}

export function SignupForm({ defaultRole, onSuccess, onCheckEmail }: SignupFormProps) {
  const form = useForm<z.input<typeof registerSchema>, unknown, RegisterInput>({
    resolver: zodResolver(registerSchema),
    defaultValues: { name: '', email: '', password: '', role: defaultRole },
  });
  const { errors } = form.formState;
  const registration = useSignUp();

  const submit = form.handleSubmit((values) => {
    registration.mutate(values, {
      onSuccess: (outcome) =>
        outcome.status === 'signed_in' ? onSuccess(outcome.session) : onCheckEmail(outcome.email),
      onError: (error) => {
        if (error instanceof ApiError && error.code === AuthErrorCode.WeakPassword) {
          form.setError(
            'password',
            { type: 'server', message: error.message },
            { shouldFocus: true },
          );
          return;
        }
        applyServerFieldErrors(error, FIELDS, form.setError);
      },
    });
  });

  return (
    <form className="auth-form" noValidate onSubmit={(event) => void submit(event)}>
      <SignupErrorAlert error={registration.error} />
      <TextField
        label="Your name"
        autoComplete="name"
        error={errors.name?.message}
        {...form.register('name')}
      />
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        error={errors.email?.message}
        {...form.register('email')}
      />
      <PasswordField
        label="Password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.`}
        error={errors.password?.message}
        {...form.register('password')}
      />
      <RadioCardGroup
        legend="How will you use Lensbridge?"
        options={roleOptions}
        error={errors.role?.message}
        inputProps={form.register('role')}
      />
      <Button type="submit" size="lg" fullWidth loading={registration.isPending}>
        {registration.isPending ? 'Creating your account…' : 'Create account'}
      </Button>
    </form>
  );
}

/** Sign-up never says whether an address has an account, so there is no "email taken" here. */
function SignupErrorAlert({ error }: { error: Error | null }) {
  if (!error) return null;
  if (error instanceof ApiError) {
    // Shown on the fields themselves.
    if (error.code === AuthErrorCode.WeakPassword) return null;
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
    <Alert tone="danger" title="We couldn't create your account">
      {describeError(error)}
    </Alert>
  );
}
