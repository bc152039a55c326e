import fc from 'fast-check';
import type { UseCase } from '../../../../shared/compare/use-cases';
import { rankStudios, type UnrankedStudioOption } from './rank-studios';

function aStudio(
  id: string,
  overrides: {
    styles?: string[];
    rating?: number | null;
    payableCents?: number;
    currency?: string;
    daysToFinal?: number | null;
    durationMinutes?: number;
    location?: 'studio' | 'on_location';
    travelFeeCents?: number;
    packageId?: string;
  } = {},
): UnrankedStudioOption {
  const payable = overrides.payableCents ?? 20_000;
  const days = overrides.daysToFinal === undefined ? 5 : overrides.daysToFinal;
  return {
    photographer: {
      id,
      displayName: `Studio ${id.toUpperCase()}`,
      city: 'Berlin',
      timeZone: 'Europe/Berlin',
      styles: overrides.styles ?? ['corporate'],
      rating: { average: overrides.rating === undefined ? 4.5 : overrides.rating, count: 10 },
    },
    package: {
      id: overrides.packageId ?? `pkg-${id}`,
      name: 'Headshot',
      durationMinutes: overrides.durationMinutes ?? 60,
      location: overrides.location ?? 'studio',
      includedImages: 3,
      deliveryDays: 3,
    },
    currency: overrides.currency ?? 'EUR',
    imagesNeeded: 1,
    extraImages: 0,
    packagePriceCents: payable - (overrides.travelFeeCents ?? 0),
    extrasCents: 0,
    travelFeeCents: overrides.travelFeeCents ?? 0,
    totalCents: payable,
    depositCents: 0,
    creditCents: 0,
    payableCents: payable,
    earliestSlot: days === null ? null : '2026-11-23T09:00:00.000Z',
    deliveryBy: days === null ? null : '2026-11-28T22:59:59.999Z',
    daysToFinal: days,
    resolutionLabel: '',
    usageRights: '',
    credibility: '',
    fit: [],
  };
}

const rank = (options: UnrankedStudioOption[], useCase: UseCase = 'profile', shown = 3) =>
  rankStudios(options, useCase, shown);

describe(rankStudios.name, () => {
  it.each<[string, UnrankedStudioOption[], UseCase, string[]]>([
    [
      // The reported case: an on-location package above a cheaper studio one, with no reason.
      'a cheaper studio package above a dearer on-location one of the same fit',
      [
        aStudio('olga', { location: 'on_location', payableCents: 24_000, travelFeeCents: 6_000 }),
        aStudio('nina', { styles: ['natural-light'], payableCents: 15_000 }),
      ],
      'profile',
      [
        'Ranked 1st: cheapest for a LinkedIn profile (€150).',
        'Ranked 2nd: €90 more than Studio NINA. On location: the price includes €60 travel.',
      ],
    ],
    [
      'cheaper before sooner, and each says what it trades',
      [
        aStudio('fast', { payableCents: 20_000, daysToFinal: 3 }),
        aStudio('cheap', { payableCents: 15_000, daysToFinal: 9 }),
      ],
      'profile',
      [
        'Ranked 1st: cheapest for a LinkedIn profile (€150), though 9 days to the final images.',
        'Ranked 2nd: the soonest final images (in 3 days), but €50 more than Studio CHEAP.',
      ],
    ],
    [
      'a style that suits the use case above a cheaper one that does not, said so',
      [
        aStudio('actor', { styles: ['actor'], payableCents: 17_000, daysToFinal: 4 }),
        aStudio('corp', { styles: ['corporate'], payableCents: 24_000, daysToFinal: 6 }),
      ],
      'executive',
      [
        'Ranked 1st: works in the corporate style, which suits an executive portrait, though €70 more than Studio ACTOR.',
        'Ranked 2nd: cheapest for an executive portrait (€170) and the soonest final images (in 4 days), but lists no style that suits an executive portrait.',
      ],
    ],
    [
      'a session long enough for the use case above a short cheap one',
      [
        aStudio('short', { styles: ['actor'], durationMinutes: 30, payableCents: 9_000 }),
        aStudio('long', { styles: ['actor'], durationMinutes: 90, payableCents: 25_000 }),
      ],
      'actor',
      [
        'Ranked 1st: its 90-minute session is long enough for actor headshots, though €160 more than Studio SHORT.',
        'Ranked 2nd: cheapest for actor headshots (€90), but its 30-minute session is short for actor headshots (60 minutes suggested).',
      ],
    ],
    [
      'a package with a free time above one without, whatever the price',
      [
        aStudio('full', { payableCents: 10_000, daysToFinal: null }),
        aStudio('open', { payableCents: 30_000 }),
      ],
      'profile',
      [
        'Ranked 1st: it has a free time to book, though €200 more than Studio FULL.',
        'Ranked 2nd: cheapest for a LinkedIn profile (€100), but no free time in the next weeks.',
      ],
    ],
    [
      'prices in another currency after the main one, never compared on price',
      [
        aStudio('zurich', { currency: 'CHF', payableCents: 5_000 }),
        aStudio('berlin', { payableCents: 20_000 }),
        aStudio('munich', { payableCents: 22_000 }),
      ],
      'profile',
      [
        'Ranked 1st: cheapest for a LinkedIn profile (€200).',
        'Ranked 2nd: €20 more than Studio BERLIN.',
        'Ranked 3rd: priced in CHF, so not compared on price with the EUR ones.',
      ],
    ],
    [
      'only one package',
      [aStudio('solo', { location: 'on_location', travelFeeCents: 0 })],
      'profile',
      [
        'Ranked 1st: the only studio package found for this search. On location, with no travel fee.',
      ],
    ],
    [
      'equal in all but rating',
      [aStudio('new', { rating: null }), aStudio('known', { rating: 4.8 })],
      'profile',
      ['Ranked 1st: better rated (★ 4.8).', 'Ranked 2nd: not rated yet.'],
    ],
  ])('ranks %s', (_name, options, useCase, reasons) => {
    const ranked = rank(options, useCase);
    expect(ranked.map((o) => o.rankReason)).toEqual(reasons);
    expect(ranked.map((o) => o.rank)).toEqual(reasons.map((_r, i) => i + 1));
  });

  it('keeps one package per photographer, the one the rule prefers', () => {
    const ranked = rank([
      aStudio('a', { packageId: 'dear', payableCents: 30_000 }),
      aStudio('a', { packageId: 'cheap', payableCents: 12_000 }),
      aStudio('b', { payableCents: 20_000 }),
    ]);
    expect(ranked.map((o) => o.package.id)).toEqual(['cheap', 'pkg-b']);
  });

  it('shows the best few', () => {
    const many = ['a', 'b', 'c', 'd', 'e'].map((id, i) =>
      aStudio(id, { payableCents: 10_000 + i }),
    );
    expect(rank(many, 'profile', 3).map((o) => o.photographer.id)).toEqual(['a', 'b', 'c']);
  });

  // The rule, stated without the implementation: within one tier (free time, style, session
  // length, currency) nothing ranks above a cheaper option, nor above an equally priced sooner one.
  it('never ranks a dearer, or an equally priced later, option above another of its tier', () => {
    const anOption = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      packageId: fc.uuid(),
      styles: fc.subarray(['corporate', 'actor', 'editorial', 'natural-light']),
      rating: fc.option(fc.constantFrom(3, 4, 4.5, 5), { nil: null }),
      payableCents: fc.integer({ min: 0, max: 50 }).map((n) => n * 1_000),
      currency: fc.constantFrom('EUR', 'EUR', 'USD'),
      daysToFinal: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
      durationMinutes: fc.constantFrom(20, 30, 60),
    });
    const useCases: UseCase[] = ['profile', 'website', 'press', 'executive', 'actor', 'print'];
    fc.assert(
      fc.property(
        fc.array(anOption, { minLength: 1, maxLength: 10 }),
        fc.constantFrom(...useCases),
        (records, useCase) => {
          const ranked = rank(
            records.map((r) => aStudio(r.id, r)),
            useCase,
            6,
          );
          const tier = (o: UnrankedStudioOption) =>
            [
              o.earliestSlot !== null,
              o.photographer.styles.some((s) => FITS[useCase].includes(s)),
              o.package.durationMinutes >= MINUTES[useCase],
              o.currency,
            ].join('/');
          expect(new Set(ranked.map((o) => o.photographer.id)).size).toBe(ranked.length);
          ranked.forEach((o, i) => {
            expect(o.rank).toBe(i + 1);
            expect(o.rankReason).toMatch(/^Ranked \d+(st|nd|rd|th): \S.*\.$/);
          });
          for (let i = 0; i < ranked.length; i++) {
            for (let j = i + 1; j < ranked.length; j++) {
              const [above, below] = [ranked[i]!, ranked[j]!];
              if (tier(above) !== tier(below)) continue;
              expect(above.payableCents).toBeLessThanOrEqual(below.payableCents);
              if (above.payableCents === below.payableCents) {
                expect(above.daysToFinal ?? Infinity).toBeLessThanOrEqual(
                  below.daysToFinal ?? Infinity,
                );
              }
            }
          }
        },
      ),
    );
  });
});

// Restated here rather than imported, so the property checks the rule, not the code.
const FITS: Record<UseCase, string[]> = {
  profile: ['corporate', 'natural-light', 'studio'],
  website: ['corporate', 'studio', 'natural-light'],
  press: ['editorial', 'corporate', 'studio'],
  executive: ['corporate', 'editorial', 'studio'],
  actor: ['actor', 'natural-light', 'studio'],
  print: ['studio', 'editorial', 'corporate'],
};
const MINUTES: Record<UseCase, number> = {
  profile: 20,
  website: 30,
  press: 30,
  executive: 45,
  actor: 60,
  print: 45,
};
