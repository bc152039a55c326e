import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { SessionDto } from '@shared/auth/auth.types';
import type { BookingDto } from '@shared/bookings/bookings.types';
import { creditableCents, depositFor } from '@shared/bookings/pricing';
import { USE_CASE_LABELS, type UseCase } from '@shared/compare/use-cases';
import { formatMoney, formatPrice } from '@shared/money';
import type { PackageDto } from '@shared/photographers/photographers.types';
import { EmailNotVerifiedAlert } from '@/components/account/email-not-verified-alert';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { isEmailNotVerified } from '@/lib/email-verification';
import { longDateIn } from '@/lib/zoned-time';
import { useHoldSlot } from '../api/booking-actions';
import { creditFor, draftCreditsQueryKey, useDraftCredits } from '../api/draft-credits';
import { slotsQueryKey } from '../api/get-slots';
import { BookingWhen } from './booking-when';
import { BookingErrorAlert } from './booking-error-alert';
import { isCreditRefused, isDraftGone, isSlotLost } from './booking-errors';
import './booking-brief.css';
import './booking-flow.css';

const NOTES_MAX = 2000;

/** The AI draft a client brings from the comparison, to hand to the photographer as a brief. */
export interface DraftHandOff {
  draftId: string;
  /** The look to hand over; without one the server uses the draft's chosen look (last adjusted or picked). */
  variantId: string | null;
  useCase: UseCase | null;
}

/** The draft's own preview image (the client owns the draft, so they may load it). */
export function draftPreviewUrl(draftId: string, variantId: string): string {
  return `/api/drafts/${encodeURIComponent(draftId)}/variants/${encodeURIComponent(variantId)}/image?size=preview`;
}

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
  /** Present when the client came from the comparison with an AI draft. */
  draft?: DraftHandOff | null;
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
  draft = null,
}: BookingRequestProps) {
  const [notes, setNotes] = useState('');
  const [lostError, setLostError] = useState<unknown>(null);
  const [detachDraft, setDetachDraft] = useState(false);
  const [draftGone, setDraftGone] = useState(false);
  const [applyCredit, setApplyCredit] = useState(true);
  const [creditRefused, setCreditRefused] = useState(false);
  const hold = useHoldSlot();
  const queryClient = useQueryClient();
  const isClient = session?.user.role === 'client';
  const credits = useDraftCredits(isClient);
  const credit = creditRefused
    ? null
    : creditFor(credits.data, pkg.currency, draft?.draftId ?? null);
  const creditApplied = credit !== null && applyCredit;
  const attached = draft !== null && !draftGone && !detachDraft;

  const submit = () => {
    if (!startsAt) return;
    setLostError(null);
    hold.mutate(
      {
        packageId: pkg.id,
        startsAt,
        notes: notes.trim() || undefined,
        ...(attached
          ? {
              draftId: draft.draftId,
              draftVariantId: draft.variantId ?? undefined,
              useCase: draft.useCase ?? undefined,
            }
          : {}),
        ...(creditApplied ? { creditDraftId: credit.draftId } : {}),
      },
      {
        onSuccess: onHeld,
        onError: (error) => {
          // The person books again without what was refused; the alert says what happened.
          if (isCreditRefused(error)) {
            setCreditRefused(true);
            void queryClient.invalidateQueries({ queryKey: draftCreditsQueryKey });
          }
          if (isDraftGone(error)) setDraftGone(true);
          if (!isSlotLost(error)) return;
          setLostError(error);
          onSlotLost();
          void queryClient.invalidateQueries({ queryKey: slotsQueryKey(photographerId) });
        },
      },
    );
  };

  const lostAlert = lostError ? <BookingErrorAlert error={lostError} tone="warn" /> : null;
  const failedAlert =
    hold.isError && !isSlotLost(hold.error) ? (
      <BookingErrorAlert error={hold.error} email={session?.user.email} />
    ) : null;
  // Said before the client fills in notes; the server has the last word (403) either way.
  const unconfirmedAlert =
    session?.user.emailVerified === false && !isEmailNotVerified(hold.error) ? (
      <EmailNotVerifiedAlert email={session.user.email} />
    ) : null;

  if (!startsAt) {
    return (
      <div className="booking-step__content">
        {lostAlert}
        <p className="text-muted">Pick a free time above to continue.</p>
      </div>
    );
  }

  const travel = pkg.location === 'on_location' ? pkg.travelFeeCents : 0;
  const fullTotal = pkg.priceCents + travel;
  const creditCents = creditApplied ? Math.min(credit.amountCents, creditableCents(fullTotal)) : 0;
  const total = fullTotal - creditCents;
  const money = (cents: number) => formatMoney(cents, pkg.currency);
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
          {travel > 0 ? ` (incl. ${formatPrice(travel, pkg.currency)} travel)` : ''}
        </dd>
      </div>
      {creditApplied ? (
        <>
          <div>
            <dt>Breakdown</dt>
            <dd>
              <ul className="booking-breakdown">
                <li>
                  {pkg.name}: {money(pkg.priceCents)}
                </li>
                {travel > 0 ? <li>Travel: {money(travel)}</li> : null}
                <li className="booking-breakdown__credit">AI draft credit −{money(creditCents)}</li>
                <li>
                  <strong>Total: {money(total)}</strong>
                </li>
              </ul>
            </dd>
          </div>
          {pkg.depositCents > 0 ? (
            <div>
              <dt>Deposit</dt>
              <dd>
                {money(depositFor(pkg.deposit, total))}
                {pkg.deposit.kind === 'percent' ? ` (${pkg.deposit.percent} % of the total)` : ''}
              </dd>
            </div>
          ) : null}
        </>
      ) : null}
    </dl>
  );

  const creditOption = credit ? (
    <label className="booking-credit">
      <input
        type="checkbox"
        checked={applyCredit}
        onChange={(event) => setApplyCredit(event.target.checked)}
      />
      <span>
        Apply your {money(credit.amountCents)} AI draft credit (valid until{' '}
        {longDateIn(credit.expiresAt, viewerZone ?? studioTimeZone)})
      </span>
    </label>
  ) : null;

  if (session === null) {
    return (
      <div className="booking-step__content">
        {summary}
        <Alert tone="info" title="Log in to book this time">
          Your choice is kept: you come straight back here after logging in or signing up
          {draft ? ', with your AI draft attached as the brief' : ''}.
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
      {unconfirmedAlert}
      {summary}
      {creditOption}
      {draft && !draftGone ? (
        <DraftBrief draft={draft} detached={detachDraft} onDetachChange={setDetachDraft} />
      ) : null}
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

/** "Your brief": the draft's look the photographer will see, with a way to leave it off. */
function DraftBrief({
  draft,
  detached,
  onDetachChange,
}: {
  draft: DraftHandOff;
  detached: boolean;
  onDetachChange: (detached: boolean) => void;
}) {
  const [imageFailed, setImageFailed] = useState(false);
  return (
    <section
      className="draft-brief"
      aria-labelledby="draft-brief-title"
      data-detached={detached || undefined}
    >
      <h4 id="draft-brief-title" className="draft-brief__title">
        Your brief
      </h4>
      <div className="draft-brief__body">
        {draft.variantId && !imageFailed ? (
          <figure className="draft-brief__figure">
            <img
              className="booking-brief__image"
              src={draftPreviewUrl(draft.draftId, draft.variantId)}
              alt="Your AI draft"
              loading="lazy"
              onError={() => setImageFailed(true)}
            />
            <figcaption className="booking-brief__label">AI draft</figcaption>
          </figure>
        ) : null}
        <div className="draft-brief__text">
          {detached ? (
            <p>
              The draft is not attached: the photographer sees only your notes. Untick the box to
              attach it again.
            </p>
          ) : (
            <p>
              The photographer will see this look (style, backdrop colour, crop, ambience), your
              notes and the quality check&apos;s findings. If you delete the draft, they keep only
              the text.
            </p>
          )}
          {draft.useCase ? (
            <p className="text-sm text-muted">For: {USE_CASE_LABELS[draft.useCase]}</p>
          ) : null}
          <label className="booking-credit">
            <input
              type="checkbox"
              checked={detached}
              onChange={(event) => onDetachChange(event.target.checked)}
            />
            <span>Don&apos;t attach the draft</span>
          </label>
        </div>
      </div>
    </section>
  );
}
