import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { ComparisonDto, StudioOptionDto } from '@shared/compare/compare.types';
import type { UseCase } from '@shared/compare/use-cases';
import { countOf } from '@shared/compare/wording';
import { formatPrice } from '@shared/money';
import { Skeleton } from '@/components/ui/skeleton';
import { viewerTimeZone } from '@/lib/zoned-time';
import { comparisonQueryOptions } from '../api/get-comparison';
import { CHOICE_SUMMARY } from './recommendation-panel';
import './sample-comparison.css';

/**
 * A small live comparison for the landing page (no draft, no account): the recommendation,
 * the AI draft and the top two studio options. Kept light: no chart, no page styles.
 */
export function SampleComparison({ useCase = 'profile' }: { useCase?: UseCase }) {
  // A sample is a nice-to-have: if it fails, the page around it says the same in words.
  // Studios in the visitor's zone, as on the full comparison (the landing page shares this query).
  const sample = useQuery({
    ...comparisonQueryOptions({ useCase, viewerTimeZone: viewerTimeZone() }),
    retry: false,
  });

  if (sample.isPending) {
    return (
      <div className="sample sample--loading" aria-busy="true">
        <span className="visually-hidden">Loading a sample comparison…</span>
        <Skeleton width="60%" height="1.5rem" />
        <Skeleton width="90%" />
        <Skeleton width="80%" />
      </div>
    );
  }
  if (sample.isError) {
    return (
      <p className="sample sample--unavailable">
        The live sample comparison isn&apos;t available right now.{' '}
        <Link to="/photographers">See photographers near you</Link>.
      </p>
    );
  }
  return <SampleView comparison={sample.data} />;
}

function SampleView({ comparison }: { comparison: ComparisonDto }) {
  const { ai, recommendation } = comparison;
  const studios = comparison.studios.slice(0, 2);
  return (
    <section className="sample" aria-labelledby="sample-title">
      <p className="sample__use">Sample: {comparison.useCaseLabel}</p>
      <p className="sample__area text-sm text-muted">{comparison.area.summary}</p>
      <p className="sample__pick">{CHOICE_SUMMARY[recommendation.choice]}</p>
      <h3 id="sample-title" className="sample__headline">
        {recommendation.headline}
      </h3>
      <ul className="sample__reasons">
        {recommendation.reasons.slice(0, 3).map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <ul className="sample__options" aria-label="Options compared">
        <li className="sample__option sample__option--ai">
          <p className="sample__name">AI draft</p>
          <p className="sample__price">
            {ai.hdUnlockPriceCents > 0
              ? `${formatPrice(ai.hdUnlockPriceCents, ai.currency)} for HD`
              : 'Free HD in this demo'}
          </p>
          <p className="sample__detail">Ready in {ai.turnaroundLabel}</p>
          <p className="sample__detail">{ai.aiLabel}</p>
        </li>
        {studios.map((studio) => (
          <SampleStudio key={`${studio.photographer.id}/${studio.package.id}`} studio={studio} />
        ))}
      </ul>
      {studios.length === 0 ? (
        <p className="sample__empty">
          {comparison.noStudioReason ?? 'No studio nearby right now.'}{' '}
          <Link to="/photographers">Browse all photographers</Link>.
        </p>
      ) : null}
    </section>
  );
}

function SampleStudio({ studio }: { studio: StudioOptionDto }) {
  return (
    <li className="sample__option">
      <p className="sample__name">
        <Link to={`/photographers/${studio.photographer.id}`}>
          {studio.photographer.displayName}
        </Link>
      </p>
      <p className="sample__price">{formatPrice(studio.payableCents, studio.currency)}</p>
      <p className="sample__detail">
        {studio.package.name}, {studio.photographer.city}
      </p>
      <p className="sample__detail">
        {studio.daysToFinal === null
          ? 'No free time soon'
          : `Final images in ${countOf(studio.daysToFinal, 'day')}`}
      </p>
    </li>
  );
}
