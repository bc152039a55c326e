import type { ComparisonDto } from '@shared/compare/compare.types';
import { formatPrice } from '@shared/money';

const WIDTH = 640;
const HEIGHT = 320;
const PAD = { top: 40, right: 32, bottom: 52, left: 72 };
/** Points keep clear of the axes, so "now" and "free" do not sit on the axis lines. */
const INSET = 22;
const PLOT_W = WIDTH - PAD.left - PAD.right - INSET;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom - INSET;
const AXIS_X = PAD.left;
const AXIS_Y = HEIGHT - PAD.bottom;
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

/** One point for the AI draft and one per studio package that has a free time. */
export function chartPoints(comparison: ComparisonDto): ChartPoint[] {
  const { ai, studios } = comparison;
  const points: ChartPoint[] = [
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
  ];
  studios.forEach((studio, index) => {
    if (studio.daysToFinal === null) return;
    points.push({
      key: `${studio.photographer.id}/${studio.package.id}`,
      mark: String(index + 1),
      name: `${studio.photographer.displayName}, ${studio.package.name}`,
      costCents: studio.payableCents,
      currency: studio.currency,
      days: studio.daysToFinal,
      when: daysPhrase(studio.daysToFinal),
      kind: 'studio',
    });
  });
  return points;
}

export function daysPhrase(days: number): string {
  if (days < 1) return 'today';
  return `${days} day${days === 1 ? '' : 's'}`;
}

/** A round axis maximum at or above `value` (…, 20, 25, 30, 40, 50, 60, 80, 100, …). */
function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
}

/**
 * Cost (up) against days until the final images (across): cheap-and-now sits bottom left.
 * Inline SVG with a summary for screen readers and the same numbers as a hidden table.
 */
export function CostTimeChart({ comparison }: { comparison: ComparisonDto }) {
  const points = chartPoints(comparison);
  const maxDays = niceCeiling(Math.max(1, ...points.map((p) => p.days)));
  const maxCost = niceCeiling(Math.max(1, ...points.map((p) => p.costCents)));
  const axisCurrency = comparison.studios[0]?.currency ?? comparison.ai.currency;
  const x = (days: number) => AXIS_X + INSET + (Math.min(days, maxDays) / maxDays) * PLOT_W;
  const y = (cents: number) => AXIS_Y - INSET - (cents / maxCost) * PLOT_H;
  const summary = `Cost against days until the final images. ${points
    .map((p) => `${p.name}: ${formatPrice(p.costCents, p.currency)}, ${p.when}`)
    .join('; ')}.`;
  const unscheduled = comparison.studios.filter((s) => s.daysToFinal === null);

  return (
    <figure className="cmp-chart">
      <figcaption className="cmp-chart__caption">
        <h2 className="cmp-section-title">Cost and time to the final images</h2>
        <p className="text-muted text-sm">
          Lower is cheaper, further left is sooner. Studio costs are what you would pay for this use
          case.
        </p>
      </figcaption>
      <svg
        className="cmp-chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={summary}
        preserveAspectRatio="xMidYMid meet"
      >
        {[0, 0.5, 1].map((f) => (
          <g key={`y${f}`} className="cmp-chart__grid">
            <line x1={AXIS_X} x2={WIDTH - PAD.right} y1={y(f * maxCost)} y2={y(f * maxCost)} />
            <text x={AXIS_X - 8} y={y(f * maxCost)} textAnchor="end" dominantBaseline="middle">
              {formatPrice(f * maxCost, axisCurrency)}
            </text>
          </g>
        ))}
        {[0, 0.5, 1].map((f) => (
          <text
            key={`x${f}`}
            className="cmp-chart__tick"
            x={x(f * maxDays)}
            y={AXIS_Y + 20}
            textAnchor="middle"
          >
            {Number((f * maxDays).toFixed(1))}
          </text>
        ))}
        <line
          className="cmp-chart__axis"
          x1={AXIS_X}
          x2={WIDTH - PAD.right}
          y1={AXIS_Y}
          y2={AXIS_Y}
        />
        <line className="cmp-chart__axis" x1={AXIS_X} x2={AXIS_X} y1={PAD.top} y2={AXIS_Y} />
        <text className="cmp-chart__label cmp-chart__label--y" x={AXIS_X + 8} y={PAD.top - 16}>
          Cost
        </text>
        <text className="cmp-chart__label" x={AXIS_X + INSET + PLOT_W / 2} y={HEIGHT - 8}>
          Days until the final images
        </text>
        {points.map((p) => (
          <g
            key={p.key}
            className={`cmp-chart__point cmp-chart__point--${p.kind}`}
            transform={`translate(${x(p.days)} ${y(p.costCents)})`}
          >
            <circle r={p.kind === 'ai' ? 15 : 13} />
            <text textAnchor="middle" dominantBaseline="central">
              {p.mark}
            </text>
          </g>
        ))}
      </svg>
      <ul className="cmp-chart__legend" aria-hidden="true">
        {points.map((p) => (
          <li key={p.key}>
            <span className={`cmp-chart__key cmp-chart__key--${p.kind}`}>{p.mark}</span> {p.name}
            {' · '}
            {formatPrice(p.costCents, p.currency)} · {p.when}
          </li>
        ))}
      </ul>
      {unscheduled.length ? (
        <p className="text-muted text-sm">
          Not on the chart (no free time yet):{' '}
          {unscheduled.map((s) => s.photographer.displayName).join(', ')}.
        </p>
      ) : null}
      {/* Hidden in a div: a table ignores width and overflow, and widened the phone page. */}
      <div className="visually-hidden">
        <table>
          <caption>Cost and days until the final images, per option</caption>
          <thead>
            <tr>
              <th scope="col">Option</th>
              <th scope="col">Cost</th>
              <th scope="col">Final images in</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.key}>
                <th scope="row">{p.name}</th>
                <td>{formatPrice(p.costCents, p.currency)}</td>
                <td>{p.when}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
