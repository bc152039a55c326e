import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { deleteAccountSchema, type DeleteAccountInput } from '@shared/auth/account.schema';
import {
  AccountErrorCode,
  type AccountDeletedDto,
  type BlockingBookingDto,
} from '@shared/auth/account.types';
import type { UserRole } from '@shared/auth/auth.types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { PasswordField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/api-client';
import { describeError } from '@/lib/error-messages';
import { dateTimeIn, viewerTimeZone } from '@/lib/zoned-time';
import { useDeleteAccount } from '../../api/account';
import './account.css';

/** The bookings a 409 ACCOUNT_HAS_BOOKINGS names in its details, or none. */
export function blockingBookings(error: unknown): BlockingBookingDto[] | null {
  if (!(error instanceof ApiError) || error.code !== AccountErrorCode.AccountHasBookings) {
    return null;
  }
  const details = error.details as { bookings?: unknown } | undefined;
  return Array.isArray(details?.bookings) ? (details.bookings as BlockingBookingDto[]) : [];
}

/** What deleting does, said before anything is asked: the same words for the page and dialog. */
function Consequences({ role }: { role: UserRole }) {
  const formerName = role === 'photographer' ? 'Former photographer' : 'Former client';
  return (
    <ul className="danger-zone__list">
      <li>Your name, email address and password are removed, and every device is signed out.</li>
      <li>Your AI drafts and the photos you uploaded for them are deleted.</li>
      {role === 'photographer' ? (
        <>
          <li>
            Your profile leaves the directory; its portfolio photos, bio and studio address are
            deleted.
          </li>
          <li>
            While clients have sessions booked with you (held, requested or confirmed), the account
            can&apos;t be deleted: cancel, decline or complete them first.
          </li>
        </>
      ) : (
        <li>
          Sessions you have booked that are still to come are cancelled, each refunded under its
          cancellation policy.
        </li>
      )}
      <li>
        Past bookings, payment records (kept for accounting) and reviews stay, shown as “
        {formerName}” instead of your name.
      </li>
    </ul>
  );
}

/** The danger zone: explains, then asks for the password before deleting the account. */
export function DeleteAccountSection({
  role,
  onDeleted,
}: {
  role: UserRole;
  onDeleted: (result: AccountDeletedDto) => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Consequences role={role} />
      <p className="text-sm text-muted">This can&apos;t be undone.</p>
      <div>
        <Button variant="danger" onClick={() => setOpen(true)}>
          Delete my account…
        </Button>
      </div>
      {open ? (
        <DeleteAccountDialog role={role} onClose={() => setOpen(false)} onDeleted={onDeleted} />
      ) : null}
    </>
  );
}

function DeleteAccountDialog({
  role,
  onClose,
  onDeleted,
}: {
  role: UserRole;
  onClose: () => void;
  onDeleted: (result: AccountDeletedDto) => void;
}) {
  const formId = useId();
  const form = useForm<DeleteAccountInput>({
    resolver: zodResolver(deleteAccountSchema),
    defaultValues: { password: '' },
  });
  const { errors } = form.formState;
  const remove = useDeleteAccount({ onDeleted });
  const blocking = blockingBookings(remove.error);

  const submit = form.handleSubmit((values) => {
    remove.mutate(values, {
      onError: (error) => {
        if (error instanceof ApiError && error.code === AccountErrorCode.PasswordIncorrect) {
          form.resetField('password');
          form.setError(
            'password',
            { type: 'server', message: "That isn't your current password" },
            { shouldFocus: true },
          );
        }
      },
    });
  });

  const close = () => {
    if (!remove.isPending) onClose();
  };

  return (
    <Dialog
      open
      onClose={close}
      title="Delete your account?"
      footer={
        <>
          <Button variant="secondary" onClick={close} disabled={remove.isPending}>
            Keep my account
          </Button>
          <Button type="submit" form={formId} variant="danger" loading={remove.isPending}>
            Delete my account
          </Button>
        </>
      }
    >
      <form id={formId} className="stack" noValidate onSubmit={(event) => void submit(event)}>
        {blocking ? <BlockingBookings bookings={blocking} /> : null}
        {remove.isError && !blocking && !errors.password ? (
          <Alert tone="danger" title="Your account was not deleted">
            {describeError(remove.error)}
          </Alert>
        ) : null}
        <Consequences role={role} />
        <PasswordField
          label="Your password"
          autoComplete="current-password"
          autoFocus
          hint="Type it to confirm that you want to delete the account."
          error={errors.password?.message}
          {...form.register('password')}
        />
      </form>
    </Dialog>
  );
}

function BlockingBookings({ bookings }: { bookings: BlockingBookingDto[] }) {
  const zone = viewerTimeZone();
  return (
    <Alert tone="danger" title="Clients are booked with you">
      <p>
        Cancel or complete these sessions first (the clients are refunded under your policy), then
        delete the account.
      </p>
      <ul className="danger-zone__bookings">
        {bookings.map((booking) => (
          <li key={booking.id}>
            <Link to={`/app/bookings/${encodeURIComponent(booking.id)}`}>
              <time dateTime={booking.startsAt}>{dateTimeIn(booking.startsAt, zone)}</time> with{' '}
              {booking.clientName}
            </Link>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
