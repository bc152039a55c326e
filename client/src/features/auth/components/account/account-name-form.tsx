import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { updateMeSchema, type UpdateMeInput } from '@shared/auth/account.schema';
import type { UserDto } from '@shared/auth/auth.types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { describeError } from '@/lib/error-messages';
import { applyServerFieldErrors } from '@/lib/form-errors';
import { useUpdateMe } from '../../api/account';
import './account.css';

const FIELDS = ['name'] as const satisfies (keyof UpdateMeInput)[];

/** The name clients and photographers see on bookings and reviews. */
export function AccountNameForm({ user }: { user: UserDto }) {
  const form = useForm<z.input<typeof updateMeSchema>, unknown, UpdateMeInput>({
    resolver: zodResolver(updateMeSchema),
    defaultValues: { name: user.name },
  });
  const { errors } = form.formState;
  const update = useUpdateMe();

  const submit = form.handleSubmit((values) => {
    update.mutate(values, {
      onSuccess: (saved) => {
        form.reset({ name: saved.name });
        toast.success('Name saved');
      },
      onError: (error) => applyServerFieldErrors(error, FIELDS, form.setError),
    });
  });

  return (
    <form className="account-form" noValidate onSubmit={(event) => void submit(event)}>
      {update.isError && !errors.name ? (
        <Alert tone="danger" title="We couldn't save your name">
          {describeError(update.error)}
        </Alert>
      ) : null}
      <TextField
        label="Your name"
        autoComplete="name"
        hint="Shown to the people you book with, and on your reviews."
        error={errors.name?.message}
        {...form.register('name')}
      />
      <div className="account-form__actions">
        <Button type="submit" loading={update.isPending}>
          Save name
        </Button>
      </div>
    </form>
  );
}
