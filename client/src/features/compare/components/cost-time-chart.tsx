import type { ComparisonDto } from '@shared/compare/compare.types';
import { formatPrice } from '@shared/money';
import {
  type ChartData,
  type ChartPoint,
  chartData,
  costTicks,
  MIN_POINTS_TO_CHART,
  wholeTicks,
} from './chart-data';

const WIDTH = 640;
const HEIGHT = 320;
const PAD = { top: 40, right: 32, bottom: 52, left: 72 };
/** Points keep clear of the axes, so "now" and "free" do not sit on the axis lines. */
const INSET = 22;
const PLOT_W = WIDTH - PAD.left - PAD.right - INSET;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom - INSET;
const AXIS_X = PAD.left;
const AXIS_Y = HEIGHT - PAD.bottom;

const describe = (p: ChartPoint) => `${p.name}: ${formatPrice(p.costCents, p.currency)}, ${p.when}`;

/**
 * Cost (up) against days until the final images (across): cheap-and-now sits bottom left.
 * Inline SVG with a summary for screen readers and the same numbers as a hidden table. Only
 * amounts in one currency share the axis; with fewer than two such points there is no chart.
 */
export function CostTimeChart({ comparison }: { comparison: ComparisonDto }) {
  const data = chartData(comparison);
  const charted = data.currency !== null && data.plotted.length >= MIN_POINTS_TO_CHART;
  return (
    <figure className="cmp-chart">
      <figcaption className="cmp-chart__caption">
        <h2 className="cmp-section-title">Cost and time to the final images</h2>
        {charted ? (
          <p className="text-muted text-sm">
            Lower is cheaper, further left is sooner. Studio costs are what you would pay for this
            use case.
          </p>
        ) : null}
      </figcaption>
      {charted ? (
        <Plot points={data.plotted} currency={data.currency!} />
      ) : (
        <NothingToChart data={data} />
      )}
      {charted && data.otherCurrency.length ? (
        <ul className="cmp-chart__notes text-muted text-sm" aria-label="Not plotted">
          {data.otherCurrency.map((p) => (
            <li key={p.key}>
              Not plotted: priced in {p.currency}, and the chart is in {data.currency} —{' '}
              {describe(p)}.
            </li>
          ))}
        </ul>
      ) : null}
      {data.unscheduled.length ? (
        <p className="text-muted text-sm">
          Not on the chart (no free time yet):{' '}
          {data.unscheduled.map((s) => s.photographer.displayName).join(', ')}.
        </p>
      ) : null}
    </figure>
  );
}

/** Fewer than two comparable points: say so, and list what there is in words. */
function NothingToChart({ data }: { data: ChartData }) {
  const listed = [...data.plotted, ...data.otherCurrency];
  return (
    <div className="cmp-chart__empty">
      <p>
        <strong>Nothing to chart yet.</strong> A chart needs at least two options priced in the same
        currency with a date for the final images
        {data.otherCurrency.length ? '; amounts in different currencies are not compared' : ''}.
      </p>
      {listed.length ? (
        <ul className="cmp-list">
          {listed.map((p) => (
            <li key={p.key}>{describe(p)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Plot({ points, currency }: { points: ChartPoint[]; currency: string }) {
  const dayTicks = wholeTicks(Math.max(...points.map((p) => p.days)));
  const centTicks = costTicks(Math.max(...points.map((p) => p.costCents)), currency);
  const maxDays = dayTicks.at(-1)!;
  const maxCost = centTicks.at(-1)!;
  const x = (days: number) => AXIS_X + INSET + (Math.min(days, maxDays) / maxDays) * PLOT_W;
  const y = (cents: number) => AXIS_Y - INSET - (cents / maxCost) * PLOT_H;
  const summary = `Cost against days until the final images. ${points.map(describe).join('; ')}.`;

  return (
    <>
      <svg
        className="cmp-chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={summary}
        preserveAspectRatio="xMidYMid meet"
      >
        {centTicks.map((cents) => (
          <g key={`y${cents}`} className="cmp-chart__grid">
            <line x1={AXIS_X} x2={WIDTH - PAD.right} y1={y(cents)} y2={y(cents)} />
            <text x={AXIS_X - 8} y={y(cents)} textAnchor="end" dominantBaseline="middle">
              {formatPrice(cents, currency)}
            </text>
          </g>
        ))}
        {dayTicks.map((days) => (
          <text
            key={`x${days}`}
            className="cmp-chart__tick"
            x={x(days)}
            y={AXIS_Y + 20}
            textAnchor="middle"
          >
            {days}
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
          Cost ({currency})
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
    </>
  );
}
