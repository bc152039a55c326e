import { describe, expect, it } from 'vitest';
import { aComparison, anAiOption, aStudioOption } from '@/testing/compare-factories';
import { chartData, costTicks, wholeTicks } from './chart-data';

describe('cost and day ticks', () => {
  it.each<[number, string, number[]]>([
    // Nothing to scale, or a single cent: whole units, never €0.01.
    [0, 'EUR', [0, 100, 200]],
    [1, 'EUR', [0, 100, 200]],
    [900, 'EUR', [0, 500, 1000]],
    [19_900, 'EUR', [0, 10_000, 20_000]],
    [34_000, 'EUR', [0, 20_000, 40_000]],
    [25_050, 'USD', [0, 15_000, 30_000]],
    // Yen have no minor unit.
    [1_500, 'JPY', [0, 750, 1_500]],
  ])('scales %i %s minor units to %j', (max, currency, ticks) => {
    expect(costTicks(max, currency)).toEqual(ticks);
  });

  it.each<[number, number[]]>([
    [0.00003, [0, 1, 2]],
    [1, [0, 1, 2]],
    [3, [0, 2, 4]],
    [8, [0, 4, 8]],
    // 15 has no whole middle: no 7.5 tick.
    [12, [0, 15]],
    [21, [0, 25]],
    [35, [0, 20, 40]],
  ])('counts days to %d as %j', (max, ticks) => {
    expect(wholeTicks(max)).toEqual(ticks);
  });
});

describe(chartData.name, () => {
  const studio = (rank: number, currency: string, daysToFinal: number | null = 5) =>
    aStudioOption({
      photographer: { ...aStudioOption().photographer, id: `p${rank}` },
      rank,
      currency,
      daysToFinal,
    });

  it.each<[string, Parameters<typeof aComparison>[0], string, string[], string[]]>([
    ['all in euros', { studios: [studio(1, 'EUR')] }, 'EUR', ['AI', '1'], []],
    [
      'studios in dollars, the AI draft in euros',
      { studios: [studio(1, 'USD'), studio(2, 'USD')] },
      'USD',
      ['1', '2'],
      ['AI'],
    ],
    // A tie goes to the best-ranked studio, so one point remains: the page shows no chart.
    ['one studio in dollars', { studios: [studio(1, 'USD')] }, 'USD', ['1'], ['AI']],
    ['no studio with a free time', { studios: [studio(1, 'EUR', null)] }, 'EUR', ['AI'], []],
  ])('with %s', (_name, overrides, currency, plotted, others) => {
    const data = chartData(aComparison({ ai: anAiOption(), ...overrides }));
    expect(data.currency).toBe(currency);
    expect(data.plotted.map((p) => p.mark)).toEqual(plotted);
    expect(data.otherCurrency.map((p) => p.mark)).toEqual(others);
  });
});
