import type { ComparisonDto, StudioOptionDto } from '@shared/compare/compare.types';
import { countOf } from '@shared/compare/wording';
import { minorUnitDigits } from '@shared/money';

const SECONDS_PER_DAY = 86_400;

export interface ChartPoint {
  key: string;
  /** Short mark drawn on the point: "AI" or the studio's rank. */
  mark: string;
  name: string;
  costCents: number;
  currency: string;
  days: number;
  when: string;
  kind: 'ai' | 'studio';
}

/** What the cost against time chart can honestly show. */
export interface ChartData {
  /** The cost axis' currency: the one most options are priced in (null when none is). */
  currency: string | null;
  /** The options priced in that currency, with a time: the points drawn. */
  plotted: ChartPoint[];
  /** Options priced in another currency: listed under the chart, never put on its axis. */
  otherCurrency: ChartPoint[];
  /** Studio options without a free time, so without a day for the final images. */
  unscheduled: StudioOptionDto[];
}

/** A chart with fewer points compares nothing: the page lists the options instead. */
export const MIN_POINTS_TO_CHART = 2;

export function daysPhrase(days: number): string {
  return days < 1 ? 'today' : countOf(days, 'day');
}

/** The AI draft and each studio package with a free time, as points. */
function pointsOf({ ai, studios }: ComparisonDto): ChartPoint[] {
  const points: ChartPoint[] = studios.flatMap((studio) =>
    studio.daysToFinal === null
      ? []
      : [
          {
            key: `${studio.photographer.id}/${studio.package.id}`,
            mark: String(studio.rank),
            name: `${studio.photographer.displayName}, ${studio.package.name}`,
            costCents: studio.payableCents,
            currency: studio.currency,
            days: studio.daysToFinal,
            when: daysPhrase(studio.daysToFinal),
            kind: 'studio' as const,
          },
        ],
  );
  return [
    {
      key: 'ai',
      mark: 'AI',
      name: 'AI draft (HD)',
      costCents: ai.hdUnlockPriceCents,
      currency: ai.currency,
      days: ai.turnaroundSeconds / SECONDS_PER_DAY,
      when: ai.turnaroundLabel,
      kind: 'ai',
    },
    ...points,
  ];
}

/**
 * Splits the options by currency: amounts in different currencies never share an axis, and
 * nothing is converted. The axis takes the currency most points share; a tie goes to the best
 * ranked studio's (the AI draft is priced in the platform's currency, wherever the studios are).
 */
export function chartData(comparison: ComparisonDto): ChartData {
  const points = pointsOf(comparison);
  const counts = new Map<string, number>();
  for (const p of points) counts.set(p.currency, (counts.get(p.currency) ?? 0) + 1);
  const preference = [...points.filter((p) => p.kind === 'studio'), ...points];
  const currency = preference.reduce<string | null>(
    (best, p) =>
      best === null || (counts.get(p.currency) ?? 0) > (counts.get(best) ?? 0) ? p.currency : best,
    null,
  );
  return {
    currency,
    plotted: points.filter((p) => p.currency === currency),
    otherCurrency: points.filter((p) => p.currency !== currency),
    unscheduled: comparison.studios.filter((s) => s.daysToFinal === null),
  };
}

/** A round maximum at or above `value` (…, 20, 25, 30, 40, 50, 60, 80, 100, …), at least 2. */
function wholeCeiling(value: number): number {
  if (value <= 2) return 2;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * power >= value) ?? 10;
  const nice = step * power;
  // Below 10 the steps above are not whole numbers or not halvable: round up to an even one.
  return nice < 10 ? Math.ceil(nice / 2) * 2 : nice;
}

/** Axis ticks in whole units: 0, the middle when it is whole, and the top. */
export function wholeTicks(max: number): number[] {
  const top = wholeCeiling(max);
  return [0, top / 2, top].filter((tick) => Number.isInteger(tick));
}

/** Cost ticks in minor units, each a whole major unit (€0, €100, €200; never €0.01). */
export function costTicks(maxCents: number, currency: string): number[] {
  const unit = 10 ** minorUnitDigits(currency);
  return wholeTicks(maxCents / unit).map((tick) => tick * unit);
}
