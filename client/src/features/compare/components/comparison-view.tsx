import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ComparisonDto } from '@shared/compare/compare.types';
import { countOf } from '@shared/compare/wording';
import { formatMoney } from '@shared/money';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { longDateIn } from '@/lib/zoned-time';
import { AiOptionCard } from './ai-option-card';
import { bookWithLookPath } from './book-with-look';
import { CostTimeChart } from './cost-time-chart';
import { RecommendationPanel } from './recommendation-panel';
import { StudioOptionRow } from './studio-option-row';
import './compare.css';

interface ComparisonViewProps {
  comparison: ComparisonDto;
  viewerZone: string;
  /** The AI card's call to action (unlock, or try a draft). */
  aiAction?: ReactNode;
  /** Takes the viewer to the city field (the studios shown are only as near as it says). */
  onChangeCity?: () => void;
}

/** The recommendation, then the AI draft next to the studio options, then cost against time. */
export function ComparisonView({
  comparison,
  viewerZone,
  aiAction,
  onChangeCity,
}: ComparisonViewProps) {
  const { ai, studios, credit, useCase, area } = comparison;
  return (
    <div className="cmp">
      <p className="cmp-area">
        {area.summary}{' '}
        {onChangeCity ? (
          <button type="button" className="cmp-link-button" onClick={onChangeCity}>
            Change city
          </button>
        ) : null}
      </p>

      <RecommendationPanel recommendation={comparison.recommendation} />

      {credit ? (
        <Alert tone="info" title="You have a draft credit">
          Your {formatMoney(credit.amountCents, credit.currency)} HD unlock counts toward a studio
          booking until {longDateIn(credit.expiresAt, viewerZone)}.
        </Alert>
      ) : null}

      <div className="cmp-options">
        <AiOptionCard ai={ai} action={aiAction} />

        <section className="cmp-studios" aria-labelledby="cmp-studios-title">
          <h2 id="cmp-studios-title" className="cmp-section-title">
            Studio sessions{area.cities.length === 1 ? ` near ${area.cities[0]}` : ''}
          </h2>
          <p className="text-sm text-muted">
            Costed for {comparison.useCaseLabel.toLowerCase()}:{' '}
            {countOf(comparison.imagesNeeded, 'finished image')}.
          </p>
          {studios.length ? (
            <ol className="cmp-studios__list">
              {studios.map((studio) => (
                <StudioOptionRow
                  key={`${studio.photographer.id}/${studio.package.id}`}
                  studio={studio}
                  viewerZone={viewerZone}
                  bookPath={bookWithLookPath(studio, ai, useCase)}
                  withLook={ai.draftId !== null}
                />
              ))}
            </ol>
          ) : (
            <Card className="cmp-empty">
              <h3 className="cmp-subtitle">No studio nearby</h3>
              <p>{comparison.noStudioReason ?? 'No studio package matches this search.'}</p>
              <p>
                <Link to="/photographers">Browse all photographers</Link>
              </p>
            </Card>
          )}
        </section>
      </div>

      <Card padding="lg">
        <CostTimeChart comparison={comparison} />
      </Card>
    </div>
  );
}
