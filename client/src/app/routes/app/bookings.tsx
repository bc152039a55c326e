import { Link, Route, Routes, useParams, useSearchParams } from 'react-router';
import type { UserDto } from '@shared/auth/auth.types';
import { formatMoney } from '@shared/money';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { useCalendarConflicts } from '@/features/bookings/api/calendar-conflicts';
import { useBooking, useBookingEvents } from '@/features/bookings/api/get-booking';
import { useBookings } from '@/features/bookings/api/list-bookings';
import { AuditTrail } from '@/features/bookings/components/audit-trail';
import { BookingActionsBar } from '@/features/bookings/components/booking-actions-bar';
import { BookingBrief } from '@/features/bookings/components/booking-brief';
import { BookingList, splitBookings } from '@/features/bookings/components/booking-list';
import { BookingPaymentPanel } from '@/features/bookings/components/booking-payment-panel';
import { paymentOnItsWay } from '@/features/bookings/components/payment-notice';
import { PAY_AT_STUDIO } from '@/features/bookings/components/booking-progress';
import { BookingStatusBadge } from '@/features/bookings/components/booking-status';
import { BookingWhen } from '@/features/bookings/components/booking-when';
import {
  CalendarClashBanner,
  CalendarClashes,
} from '@/features/bookings/components/calendar-clash';
import { HoldCountdown } from '@/features/bookings/components/hold-countdown';
import { ApiError } from '@/lib/api-client';
import { describeError } from '@/lib/error-messages';
import { viewerTimeZone } from '@/lib/zoned-time';

/** `/app/bookings/*`: a client's bookings, a photographer's studio bookings, or all (admins). */
export default function BookingsArea({ user }: { user: UserDto }) {
  return (
    <Routes>
      <Route index element={<BookingsRoute user={user} />} />
      <Route path=":id" element={<BookingDetailRoute user={user} />} />
    </Routes>
  );
}

const titles = {
  client: { title: 'My bookings', lead: 'Your studio sessions, upcoming and past.' },
  photographer: {
    title: 'Bookings',
    lead: 'Sessions clients booked with you. Answer requests, and mark sessions done once they happened.',
  },
  admin: { title: 'All bookings', lead: 'Every booking on Lensbridge, with its state.' },
} as const;

function BookingsRoute({ user }: { user: UserDto }) {
  const bookings = useBookings();
  const conflicts = useCalendarConflicts({ enabled: user.role === 'photographer' });
  const clashes = conflicts.data;
  const { title, lead } = titles[user.role];
  const { upcoming, past } = splitBookings(bookings.data?.items ?? []);
  const waiting = upcoming.filter((b) => b.status === 'requested');
  const others =
    user.role === 'photographer' ? upcoming.filter((b) => b.status !== 'requested') : upcoming;
  const clashing = upcoming.filter((b) => clashes?.has(b.id)).length;

  return (
    <div className="app-page">
      <title>{`${title} · Lensbridge`}</title>
      <div className="app-page__header">
        <h1 className="page-title">{title}</h1>
        <p className="page-lead">{lead}</p>
        <p className="text-muted text-sm">
          Times are shown in your time zone ({viewerTimeZone()}) and the studio&apos;s.
        </p>
      </div>
      <CalendarClashBanner count={clashing} />
      {bookings.isPending ? (
        <div className="stack" aria-label="Loading bookings" aria-busy="true">
          {Array.from({ length: 3 }, (_, i) => (
            <Skeleton key={i} height="7rem" radius="var(--radius-lg)" />
          ))}
        </div>
      ) : null}
      {bookings.isError ? (
        <Alert tone="danger" title="Could not load bookings">
          <p>{describeError(bookings.error)}</p>
          <Button variant="secondary" size="sm" onClick={() => void bookings.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : null}
      {bookings.data && bookings.data.items.length === 0 ? (
        <Card padding="lg" className="stack">
          <h2 className="step-card__title">No bookings yet</h2>
          {user.role === 'client' ? (
            <>
              <p className="text-muted">
                Find a photographer near you and book a session in a few clicks.
              </p>
              <div>
                <ButtonLink to="/photographers">Find a photographer</ButtonLink>
              </div>
            </>
          ) : (
            <p className="text-muted">
              Bookings appear here as soon as clients make them.
              {user.role === 'photographer' ? (
                <>
                  {' '}
                  Make sure your <Link to="/app/studio/profile">profile</Link> is published and your{' '}
                  <Link to="/app/studio/availability">hours</Link> are set.
                </>
              ) : null}
            </p>
          )}
        </Card>
      ) : null}
      {user.role === 'photographer' && waiting.length ? (
        <section className="stack" aria-labelledby="waiting-title">
          <h2 id="waiting-title" className="section-heading">
            Needs your answer ({waiting.length})
          </h2>
          <BookingList
            bookings={waiting}
            viewer="photographer"
            label="Requests waiting for you"
            clashes={clashes}
          />
        </section>
      ) : null}
      {others.length ? (
        <section className="stack" aria-labelledby="upcoming-title">
          <h2 id="upcoming-title" className="section-heading">
            Upcoming
          </h2>
          <BookingList
            bookings={others}
            viewer={user.role}
            label="Upcoming bookings"
            clashes={clashes}
          />
        </section>
      ) : null}
      {past.length ? (
        <section className="stack" aria-labelledby="past-title">
          <h2 id="past-title" className="section-heading">
            Past and cancelled
          </h2>
          <BookingList bookings={past} viewer={user.role} label="Past bookings" />
        </section>
      ) : null}
    </div>
  );
}

function BookingDetailRoute({ user }: { user: UserDto }) {
  const { id = '' } = useParams();
  const booking = useBooking(id);
  const events = useBookingEvents(id);
  const conflicts = useCalendarConflicts({ enabled: user.role === 'photographer' });
  const [params] = useSearchParams();
  const checkoutResult = params.get('checkout');
  const b = booking.data;

  if (booking.isPending) return <Skeleton height="20rem" radius="var(--radius-lg)" />;
  if (booking.isError || !b) {
    const missing = booking.error instanceof ApiError && booking.error.status === 404;
    return (
      <Alert
        tone="danger"
        title={missing ? "We can't find this booking" : 'Could not load the booking'}
      >
        <p>
          {missing
            ? 'It may belong to another account, or the link is wrong.'
            : describeError(booking.error)}
        </p>
        <Link to="/app/bookings">Back to bookings</Link>
      </Alert>
    );
  }
  const { price, policy } = b;
  const money = (cents: number) => formatMoney(cents, price.currency);
  const other = user.role === 'photographer' ? b.client.name : b.photographer.name;

  return (
    <div className="app-page">
      <title>{`${price.packageName} with ${other} · Lensbridge`}</title>
      <p className="text-sm">
        <Link to="/app/bookings">← {user.role === 'client' ? 'My bookings' : 'Bookings'}</Link>
      </p>
      <div className="app-page__header">
        <div>
          <BookingStatusBadge status={b.status} viewer={user.role} />
        </div>
        <h1 className="page-title">
          {price.packageName} with {other}
        </h1>
        <p className="page-lead">
          <BookingWhen booking={b} />
        </p>
      </div>
      {b.status === 'held' && b.holdExpiresAt && !paymentOnItsWay(b) ? (
        <HoldCountdown expiresAt={b.holdExpiresAt} />
      ) : null}
      <CalendarClashes events={conflicts.data?.get(b.id)} booking={b} />
      <BookingActionsBar booking={b} viewer={user.role} />
      {/* It is the photographer's brief: first thing they read. */}
      {b.brief && user.role !== 'client' ? (
        <BookingBrief brief={b.brief} notes={b.notes} viewer={user.role} />
      ) : null}
      <BookingPaymentPanel booking={b} viewer={user.role} checkoutResult={checkoutResult} />
      <div className="booking-detail">
        <Card className="stack">
          <h2 className="section-heading">Details</h2>
          <dl className="details">
            <div className="details__row">
              <dt>Photographer</dt>
              <dd>
                {user.role === 'client' ? (
                  <Link to={`/photographers/${b.photographer.id}`}>{b.photographer.name}</Link>
                ) : (
                  b.photographer.name
                )}
              </dd>
            </div>
            {user.role !== 'client' ? (
              <div className="details__row">
                <dt>Client</dt>
                <dd>{b.client.name}</dd>
              </div>
            ) : null}
            <div className="details__row">
              <dt>Where</dt>
              <dd>
                {price.location === 'on_location'
                  ? "At the client's location"
                  : (b.photographer.studioAddress ?? b.photographer.city)}
              </dd>
            </div>
            <div className="details__row">
              <dt>Studio time zone</dt>
              <dd>{b.timeZone}</dd>
            </div>
            <div className="details__row">
              <dt>Included</dt>
              <dd>
                {price.includedImages} retouched images, delivered within {price.deliveryDays} days
              </dd>
            </div>
            <div className="details__row">
              <dt>Notes</dt>
              <dd>{b.notes ?? <span className="text-muted">None</span>}</dd>
            </div>
          </dl>
        </Card>
        <Card className="stack">
          <h2 className="section-heading">Price and payment</h2>
          <dl className="details">
            <div className="details__row">
              <dt>Session</dt>
              <dd>{money(price.packagePriceCents)}</dd>
            </div>
            {price.travelFeeCents > 0 ? (
              <div className="details__row">
                <dt>Travel</dt>
                <dd>{money(price.travelFeeCents)}</dd>
              </div>
            ) : null}
            {price.draftCredit ? (
              <div className="details__row">
                <dt>AI draft credit</dt>
                <dd>−{money(price.draftCredit.amountCents)}</dd>
              </div>
            ) : null}
            <div className="details__row">
              <dt>Total</dt>
              <dd>{money(price.totalCents)}</dd>
            </div>
            <div className="details__row">
              <dt>Payment</dt>
              <dd>{b.payment.provider === 'manual' ? PAY_AT_STUDIO : b.payment.label}</dd>
            </div>
            <div className="details__row">
              <dt>Cancellation</dt>
              <dd>
                <ul className="plain-list">
                  {[...policy.cancellationTiers]
                    .sort((a, b) => b.minHoursBefore - a.minHoursBefore)
                    .map((tier) => (
                      <li key={tier.minHoursBefore}>
                        {tier.refundPercent} % back{' '}
                        {tier.minHoursBefore > 0
                          ? `from ${tierTime(tier.minHoursBefore)} before`
                          : 'later'}
                      </li>
                    ))}
                  {policy.cancellationTiers.every((tier) => tier.minHoursBefore > 0) ? (
                    <li>Later: nothing back</li>
                  ) : null}
                </ul>
              </dd>
            </div>
          </dl>
        </Card>
      </div>
      {b.brief && user.role === 'client' ? (
        <BookingBrief brief={b.brief} notes={b.notes} viewer="client" />
      ) : null}
      <section className="stack" aria-labelledby="history-title">
        <h2 id="history-title" className="section-heading">
          History
        </h2>
        {events.data ? <AuditTrail events={events.data} /> : <Skeleton height="4rem" />}
      </section>
    </div>
  );
}

function tierTime(hours: number): string {
  return hours % 24 === 0 ? `${hours / 24} day${hours === 24 ? '' : 's'}` : `${hours} hours`;
}
