import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { BookingDto } from '@shared/bookings/bookings.types';
import { USE_CASES, type UseCase } from '@shared/compare/use-cases';
import type { PhotographerProfileDto } from '@shared/photographers/photographers.types';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { useMe } from '@/features/auth/api/get-me';
import { BookingProgress } from '@/features/bookings/components/booking-progress';
import { useSlots } from '@/features/bookings/api/get-slots';
import { BookingRequest, type DraftHandOff } from '@/features/bookings/components/booking-request';
import { SlotPicker } from '@/features/bookings/components/slot-picker';
import { usePhotographer } from '@/features/photographers/api/get-photographer';
import { PackagePicker } from '@/features/photographers/components/package-picker';
import { PortfolioGallery } from '@/features/photographers/components/portfolio-gallery';
import { Rating } from '@/features/photographers/components/rating';
import { ReviewsList } from '@/features/photographers/components/reviews-list';
import { styleName } from '@/features/photographers/components/style-names';
import { ApiError } from '@/lib/api-client';
import { describeError } from '@/lib/error-messages';
import { dayKeyIn, timeIn, viewerTimeZone } from '@/lib/zoned-time';
import { authPath } from '../next-path';
import { PublicFrame } from './public-frame';

export function PhotographerProfileRoute() {
  const { id = '' } = useParams();
  const profile = usePhotographer(id);

  return (
    <PublicFrame>
      {profile.isPending ? <ProfileSkeleton /> : null}
      {profile.isError ? (
        <div className="pub-page">
          <title>Photographer not found · Lensbridge</title>
          {profile.error instanceof ApiError && profile.error.status === 404 ? (
            <div className="pub-empty">
              <h1 className="pub-empty__title">We can&apos;t find this photographer</h1>
              <p className="text-muted">
                The profile may have been unpublished, or the link is out of date.
              </p>
              <ButtonLink to="/photographers">See all photographers</ButtonLink>
            </div>
          ) : (
            <Alert tone="danger" title="Could not load this photographer">
              <p>{describeError(profile.error)}</p>
              <Button variant="secondary" size="sm" onClick={() => void profile.refetch()}>
                Try again
              </Button>
            </Alert>
          )}
        </div>
      ) : null}
      {profile.data ? <Profile photographer={profile.data} /> : null}
    </PublicFrame>
  );
}

function Profile({ photographer: p }: { photographer: PhotographerProfileDto }) {
  const viewerZone = viewerTimeZone();
  return (
    <div className="pub-page">
      <title>{`${p.displayName} · Lensbridge`}</title>
      <p className="pub-back">
        <Link to="/photographers">← All photographers</Link>
      </p>
      <header className="pg-profile__header">
        <div className="pg-profile__intro">
          <h1 className="page-title">{p.displayName}</h1>
          <p className="pg-profile__meta">
            <span>{p.city}</span>
            <span aria-hidden="true">·</span>
            <Rating rating={p.rating} />
          </p>
          {p.styles.length ? (
            <ul className="pg-profile__styles" aria-label="Styles">
              {p.styles.map((style) => (
                <li key={style} className="pg-chip">
                  {styleName(style)}
                </li>
              ))}
            </ul>
          ) : null}
          {p.bio ? <p className="pg-profile__bio">{p.bio}</p> : null}
        </div>
        <dl className="pg-profile__facts">
          {p.studioAddress ? (
            <div>
              <dt>Studio</dt>
              <dd>{p.studioAddress}</dd>
            </div>
          ) : null}
          <div>
            <dt>Studio time zone</dt>
            <dd>
              {p.timeZone}{' '}
              <span className="text-muted">(now {timeIn(new Date(), p.timeZone)})</span>
            </dd>
          </div>
          <div>
            <dt>Bookings</dt>
            <dd>
              {p.policy.bookingMode === 'approval'
                ? 'Requests, approved by the photographer'
                : 'Confirmed instantly'}
            </dd>
          </div>
        </dl>
      </header>

      <section aria-labelledby="portfolio-title" className="pub-section">
        <h2 id="portfolio-title" className="pub-section__title">
          Portfolio
        </h2>
        <PortfolioGallery images={p.portfolio} photographerName={p.displayName} />
      </section>

      <section aria-labelledby="reviews-title" className="pub-section">
        <h2 id="reviews-title" className="pub-section__title">
          What clients say
        </h2>
        <ReviewsList photographerId={p.id} photographerName={p.displayName} />
      </section>

      <BookingSection photographer={p} viewerZone={viewerZone} />
    </div>
  );
}

function BookingSection({
  photographer: p,
  viewerZone,
}: {
  photographer: PhotographerProfileDto;
  viewerZone: string;
}) {
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const [booking, setBooking] = useState<BookingDto | null>(null);
  const active = p.packages.filter((pkg) => pkg.active);
  const packageId = active.some((pkg) => pkg.id === params.get('package'))
    ? params.get('package')!
    : (active[0]?.id ?? null);
  const pkg = active.find((candidate) => candidate.id === packageId) ?? null;
  const chosenStart = params.get('start');
  const draft = draftFrom(params);
  // `slot` comes from the comparison page: it is offered only if it is still free.
  const offered = isoInstant(params.get('slot'));
  const slotCheck = useSlots(
    offered && pkg && !chosenStart
      ? {
          photographerId: p.id,
          packageId: pkg.id,
          from: offered,
          to: new Date(Date.parse(offered) + 60_000).toISOString(),
        }
      : null,
  );

  const update = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true, preventScrollReset: true });
  };

  const stillFree =
    slotCheck.data?.slots.find((slot) => Date.parse(slot) === Date.parse(offered ?? '')) ?? null;
  const startsAt = chosenStart ?? stillFree;
  const slotGone = offered !== null && !chosenStart && slotCheck.isFetched && !stillFree;

  // The way back after logging in keeps the choice and the draft brought from the comparison.
  const here = `/photographers/${p.id}?${new URLSearchParams({
    ...(packageId ? { package: packageId } : {}),
    ...(startsAt ? { start: startsAt } : {}),
    ...(draft ? { draftId: draft.draftId } : {}),
    ...(draft?.variantId ? { variantId: draft.variantId } : {}),
    ...(draft?.useCase ? { useCase: draft.useCase } : {}),
  }).toString()}`;

  return (
    <section aria-labelledby="book-title" className="pub-section">
      <h2 id="book-title" className="pub-section__title">
        Book a session
      </h2>
      {booking ? (
        <Card padding="lg" className="booking-card">
          <h3 className="booking-card__title">Your booking</h3>
          <BookingProgress
            booking={booking}
            onChange={setBooking}
            viewerZone={viewerZone}
            onStartOver={() => {
              setBooking(null);
              update({ start: null, slot: null });
            }}
          />
        </Card>
      ) : (
        <ol className="booking-steps">
          <li className="booking-step">
            <h3 className="booking-step__title">
              <span className="booking-step__number" aria-hidden="true">
                1
              </span>
              Choose a package
            </h3>
            <PackagePicker
              packages={p.packages}
              selectedId={packageId}
              onSelect={(id) => {
                update({ package: id, start: null, slot: null });
              }}
            />
          </li>
          {pkg ? (
            <li className="booking-step">
              <h3 className="booking-step__title">
                <span className="booking-step__number" aria-hidden="true">
                  2
                </span>
                Pick a time
              </h3>
              {slotGone ? (
                <Alert tone="info" title="That time was just taken">
                  The time you chose on the comparison is no longer free. Pick another one below.
                </Alert>
              ) : null}
              <SlotPicker
                key={pkg.id}
                photographerId={p.id}
                packageId={pkg.id}
                studioTimeZone={p.timeZone}
                viewerZone={viewerZone}
                horizonDays={p.policy.horizonDays}
                selected={startsAt}
                initialDay={offered && !chosenStart ? dayKeyIn(offered, viewerZone) : null}
                onSelect={(slot) => {
                  update({ start: slot, slot: null });
                }}
              />
            </li>
          ) : null}
          {pkg ? (
            <li className="booking-step">
              <h3 className="booking-step__title">
                <span className="booking-step__number" aria-hidden="true">
                  3
                </span>
                Confirm
              </h3>
              <BookingRequest
                photographerId={p.id}
                pkg={pkg}
                startsAt={startsAt}
                studioTimeZone={p.timeZone}
                viewerZone={viewerZone}
                session={me.data}
                loginHref={authPath('login', { next: here })}
                signupHref={authPath('signup', { next: here })}
                onHeld={setBooking}
                onSlotLost={() => update({ start: null, slot: null })}
                draft={draft}
              />
            </li>
          ) : null}
        </ol>
      )}
    </section>
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The draft the comparison page handed over (`draftId`, `variantId`, `useCase`), if well-formed. */
function draftFrom(params: URLSearchParams): DraftHandOff | null {
  const draftId = params.get('draftId');
  if (!draftId || !UUID.test(draftId)) return null;
  const variantId = params.get('variantId');
  const useCase = params.get('useCase');
  return {
    draftId,
    variantId: variantId && UUID.test(variantId) ? variantId : null,
    useCase: USE_CASES.includes(useCase as UseCase) ? (useCase as UseCase) : null,
  };
}

function isoInstant(value: string | null): string | null {
  if (!value || Number.isNaN(Date.parse(value))) return null;
  return new Date(value).toISOString();
}

function ProfileSkeleton() {
  return (
    <div className="pub-page" aria-busy="true" aria-label="Loading the photographer">
      <Skeleton width="40%" height="2rem" />
      <Skeleton width="25%" />
      <Skeleton width="70%" />
      <div className="pg-portfolio">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} height="14rem" radius="var(--radius-md)" />
        ))}
      </div>
    </div>
  );
}
