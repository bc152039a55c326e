import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { SessionDto } from '@shared/auth/auth.types';
import type { BookingDto } from '@shared/bookings/bookings.types';
import { formatPrice } from '@shared/money';
import type { PackageDto } from '@shared/photographers/photographers.types';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { useHoldSlot } from '../api/booking-actions';
import { slotsQueryKey } from '../api/get-slots';
import { BookingWhen } from './booking-when';
import { describeBookingError, isSlotLost } from './booking-errors';
import './booking-flow.css';

const NOTES_MAX = 2000;

interface BookingRequestProps {
  photographerId: string;
  pkg: PackageDto;
  startsAt: string | null;
  studioTimeZone: string;
  /** `null` signed out, `undefined` while the session is checked. */
  session: SessionDto | null | undefined;
  loginHref: string;
  signupHref: string;
  onHeld: (booking: BookingDto) => void;
  /** The chosen slot was taken or became unbookable: clear it, the times were refreshed. */
  onSlotLost: () => void;
  viewerZone?: string;
}

/** Step 3: notes for the photographer, then hold the slot (signed-in clients only). */
export function BookingRequest({
  photographerId,
  pkg,
  startsAt,
  studioTimeZone,
  session,
  loginHref,
  signupHref,
  onHeld,
  onSlotLost,
  viewerZone,
}: BookingRequestProps) {
  const [notes, setNotes] = useState('');
  const [lostError, setLostError] = useState<unknown>(null);
  const hold = useHoldSlot();
  const queryClient = useQueryClient();

  const submit = () => {
    if (!startsAt) return;
    setLostError(null);
    hold.mutate(
      { packageId: pkg.id, startsAt, notes: notes.trim() || undefined },
      {
        onSuccess: onHeld,
        onError: (error) => {
          if (!isSlotLost(error)) return;
          setLostError(error);
          onSlotLost();
          void queryClient.invalidateQueries({ queryKey: slotsQueryKey(photographerId) });
        },
      },
    );
  };

  const lostAlert = lostError ? (
    <Alert tone="warn" title={describeBookingError(lostError).title}>
      {describeBookingError(lostError).text}
    </Alert>
  ) : null;
  const failedAlert =
    hold.isError && !isSlotLost(hold.error) ? (
      <Alert tone="danger" title={describeBookingError(hold.error).title}>
        {describeBookingError(hold.error).text}
      </Alert>
    ) : null;

  if (!startsAt) {
    return (
      <div className="booking-step__content">
        {lostAlert}
        <p className="text-muted">Pick a free time above to continue.</p>
      </div>
    );
  }

  const total = pkg.priceCents + (pkg.location === 'on_location' ? pkg.travelFeeCents : 0);
  const summary = (
    <dl className="booking-summary">
      <div>
        <dt>Session</dt>
        <dd>
          {pkg.name} · {pkg.durationMinutes} min
        </dd>
      </div>
      <div>
        <dt>When</dt>
        <dd>
          <BookingWhen
            booking={{
              startsAt,
              endsAt: new Date(Date.parse(startsAt) + pkg.durationMinutes * 60_000).toISOString(),
              timeZone: studioTimeZone,
            }}
            viewerZone={viewerZone}
          />
        </dd>
      </div>
      <div>
        <dt>Price</dt>
        <dd>
          {formatPrice(total, pkg.currency)}
          {pkg.location === 'on_location' && pkg.travelFeeCents > 0
            ? ` (incl. ${formatPrice(pkg.travelFeeCents, pkg.currency)} travel)`
            : ''}
        </dd>
      </div>
    </dl>
  );

  if (session === null) {
    return (
      <div className="booking-step__content">
        {summary}
        <Alert tone="info" title="Log in to book this time">
          Your choice is kept: you come straight back here after logging in or signing up.
        </Alert>
        <div className="booking-step__actions">
          <ButtonLink to={loginHref} size="lg">
            Log in to book
          </ButtonLink>
          <ButtonLink to={signupHref} size="lg" variant="secondary">
            Create an account
          </ButtonLink>
        </div>
      </div>
    );
  }

  if (session && session.user.role !== 'client') {
    return (
      <div className="booking-step__content">
        {summary}
        <Alert tone="info" title="Bookings are made from a client account">
          You are logged in as a {session.user.role}. Log in with a client account to book a
          session.
        </Alert>
      </div>
    );
  }

  return (
    <form
      className="booking-step__content"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {failedAlert}
      {summary}
      <div className="field">
        <label className="field__label" htmlFor="booking-notes">
          Notes for the photographer <span className="text-muted">(optional)</span>
        </label>
        <textarea
          id="booking-notes"
          className="field__input booking-notes"
          rows={3}
          maxLength={NOTES_MAX}
          value={notes}
          onChange={(event) => setNotes(event.target.value)}
          placeholder="What the photos are for, outfits you're bringing, anything we should know."
        />
        <p className="field__hint">
          {notes.length > NOTES_MAX - 200 ? `${NOTES_MAX - notes.length} characters left. ` : ''}
          We hold the time for 15 minutes while you confirm.
        </p>
      </div>
      <div className="booking-step__actions">
        <Button type="submit" size="lg" loading={hold.isPending || session === undefined}>
          Hold this time
        </Button>
      </div>
    </form>
  );
}
