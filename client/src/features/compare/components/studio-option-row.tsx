import { Link } from 'react-router';
import type { RatingDto } from '@shared/photographers/photographers.types';
import type { StudioOptionDto } from '@shared/compare/compare.types';
import { countOf } from '@shared/compare/wording';
import { formatMoney } from '@shared/money';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { dateTimeIn, dayKeyIn, longDateIn, shortDateIn, timeIn } from '@/lib/zoned-time';
import { daysPhrase } from './chart-data';

function ratingText(rating: RatingDto): string {
  if (rating.average === null || rating.count === 0) return 'New on Lensbridge';
  return `★ ${rating.average.toFixed(1)} (${rating.count} review${rating.count === 1 ? '' : 's'})`;
}

/** "Tue 10 Mar, 10:00 your time · 09:00 in Europe/Berlin" (the date too when it differs). */
function EarliestSlot({ at, studioZone, viewerZone }: EarliestProps) {
  if (viewerZone === studioZone) {
    return (
      <>
        <strong>{dateTimeIn(at, viewerZone)} your time</strong>
        <span className="text-muted"> · the studio is in your time zone ({studioZone})</span>
      </>
    );
  }
  const otherDay = dayKeyIn(at, viewerZone) !== dayKeyIn(at, studioZone);
  return (
    <>
      <strong>{dateTimeIn(at, viewerZone)} your time</strong>
      <span className="text-muted">
        {' '}
        · {otherDay ? `${shortDateIn(at, studioZone)}, ` : ''}
        {timeIn(at, studioZone)} in {studioZone}
      </span>
    </>
  );
}

interface EarliestProps {
  at: string;
  studioZone: string;
  viewerZone: string;
}

interface StudioOptionRowProps {
  studio: StudioOptionDto;
  viewerZone: string;
  bookPath: string;
  /** True when a draft is attached: the booking carries its look as the brief. */
  withLook: boolean;
}

/** One studio package: who, what it costs for this use case, when, and the way to book it. */
export function StudioOptionRow({ studio, viewerZone, bookPath, withLook }: StudioOptionRowProps) {
  const { photographer: p, package: pkg, currency } = studio;
  const money = (cents: number) => formatMoney(cents, currency);
  const titleId = `cmp-studio-${p.id}-${pkg.id}`;
  const extraPrice = studio.extraImages > 0 ? studio.extrasCents / studio.extraImages : 0;

  return (
    <Card as="li" className="cmp-studio" aria-labelledby={titleId}>
      <div className="cmp-studio__head">
        <span className="cmp-studio__rank" aria-hidden="true">
          {studio.rank}
        </span>
        <div>
          <h3 id={titleId} className="cmp-studio__name">
            <Link to={`/photographers/${p.id}`}>{p.displayName}</Link>
          </h3>
          <p className="text-sm text-muted">
            {p.city} · {ratingText(p.rating)}
          </p>
        </div>
      </div>
      <p className="cmp-studio__why">{studio.rankReason}</p>

      <p className="cmp-studio__package">
        <strong>{pkg.name}</strong>{' '}
        <span className="text-muted">
          · {pkg.durationMinutes} min ·{' '}
          {pkg.location === 'studio' ? 'in the studio' : 'on location'} ·{' '}
          {countOf(pkg.includedImages, 'image')} included
        </span>
      </p>

      <dl className="cmp-cost" aria-label={`Cost with ${p.displayName}`}>
        <div>
          <dt>Package</dt>
          <dd>{money(studio.packagePriceCents)}</dd>
        </div>
        {studio.extraImages > 0 ? (
          <div>
            <dt>
              Extra image{studio.extraImages === 1 ? '' : 's'} ({studio.extraImages} ×{' '}
              {money(extraPrice)})
            </dt>
            <dd>{money(studio.extrasCents)}</dd>
          </div>
        ) : null}
        {studio.travelFeeCents > 0 ? (
          <div>
            <dt>Travel</dt>
            <dd>{money(studio.travelFeeCents)}</dd>
          </div>
        ) : null}
        <div className="cmp-cost__total">
          <dt>Total for {countOf(studio.imagesNeeded, 'image')}</dt>
          <dd>{money(studio.totalCents)}</dd>
        </div>
        {studio.creditCents > 0 ? (
          <>
            <div className="cmp-cost__credit">
              <dt>Your draft credit</dt>
              <dd>−{money(studio.creditCents)}</dd>
            </div>
            <div className="cmp-cost__total">
              <dt>You pay</dt>
              <dd>{money(studio.payableCents)}</dd>
            </div>
          </>
        ) : null}
        <div className="cmp-cost__deposit">
          <dt>Deposit to book</dt>
          <dd>{money(studio.depositCents)}</dd>
        </div>
      </dl>

      <dl className="cmp-facts">
        <div>
          <dt>Earliest session</dt>
          <dd>
            {studio.earliestSlot ? (
              <EarliestSlot
                at={studio.earliestSlot}
                studioZone={p.timeZone}
                viewerZone={viewerZone}
              />
            ) : (
              'No free time soon'
            )}
          </dd>
        </div>
        <div>
          <dt>Final images</dt>
          <dd>
            {studio.deliveryBy
              ? `by ${longDateIn(studio.deliveryBy, viewerZone)}`
              : 'Not scheduled'}
            {studio.daysToFinal !== null ? (
              <span className="cmp-facts__note">in {daysPhrase(studio.daysToFinal)}</span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>Resolution</dt>
          <dd>{studio.resolutionLabel}</dd>
        </div>
        <div>
          <dt>Usage</dt>
          <dd>{studio.usageRights}</dd>
        </div>
        <div>
          <dt>Credibility</dt>
          <dd>{studio.credibility}</dd>
        </div>
      </dl>

      {studio.fit.length ? (
        <ul className="cmp-list cmp-studio__fit" aria-label="Why it fits">
          {studio.fit.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : null}

      <div className="cmp-option__actions">
        <ButtonLink to={bookPath} aria-describedby={titleId}>
          {withLook ? 'Book this session with this look' : 'Book this session'}
        </ButtonLink>
      </div>
    </Card>
  );
}
