import { Link } from 'react-router';
import type { PhotographerSummaryDto } from '@shared/photographers/photographers.types';
import { formatPrice } from '@shared/money';
import { Skeleton } from '@/components/ui/skeleton';
import { cityOfZone, dateTimeIn, viewerTimeZone } from '@/lib/zoned-time';
import { Rating } from './rating';
import { styleName } from './style-names';
import './photographers.css';

/** A directory card: cover photo, city, styles, from-price, rating and the next free time. */
export function PhotographerCard({
  photographer,
  viewerZone = viewerTimeZone(),
}: {
  photographer: PhotographerSummaryDto;
  viewerZone?: string;
}) {
  const p = photographer;
  return (
    <article className="pg-card">
      <Link to={`/photographers/${p.id}`} className="pg-card__link">
        <div className="pg-card__photo">
          {p.coverImageUrl ? (
            <img src={p.coverImageUrl} alt="" loading="lazy" width={480} height={600} />
          ) : (
            <span className="pg-card__no-photo">No portfolio yet</span>
          )}
        </div>
        <div className="pg-card__body">
          <h2 className="pg-card__name">{p.displayName}</h2>
          <p className="pg-card__city">
            {p.city} · <span className="text-muted">{cityOfZone(p.timeZone)} time</span>
          </p>
          {p.styles.length ? (
            <ul className="pg-card__styles" aria-label="Styles">
              {p.styles.slice(0, 3).map((style) => (
                <li key={style}>{styleName(style)}</li>
              ))}
              {p.styles.length > 3 ? <li>+{p.styles.length - 3}</li> : null}
            </ul>
          ) : null}
          <div className="pg-card__facts">
            <span className="pg-card__price">
              {p.fromPriceCents === 0 ? (
                <strong>Free session on offer</strong>
              ) : p.fromPriceCents !== null && p.currency ? (
                <>
                  <span className="text-muted">from</span>{' '}
                  <strong>{formatPrice(p.fromPriceCents, p.currency)}</strong>
                </>
              ) : (
                <span className="text-muted">No packages yet</span>
              )}
            </span>
            <Rating rating={p.rating} />
          </div>
          <p className="pg-card__next">
            {p.nextFreeSlot ? (
              <>
                Next free: <strong>{dateTimeIn(p.nextFreeSlot, viewerZone)}</strong>
                <span className="text-muted"> your time</span>
              </>
            ) : (
              <span className="text-muted">No free times in the next two weeks</span>
            )}
          </p>
        </div>
      </Link>
    </article>
  );
}

export function PhotographerCardSkeleton() {
  return (
    <div className="pg-card pg-card--skeleton" aria-hidden="true">
      <Skeleton height="auto" radius="0" className="pg-card__photo" />
      <div className="pg-card__body">
        <Skeleton width="70%" height="1.25rem" />
        <Skeleton width="45%" />
        <Skeleton width="85%" />
        <Skeleton width="60%" />
      </div>
    </div>
  );
}
