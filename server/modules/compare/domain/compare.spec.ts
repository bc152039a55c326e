import type { QualityCheck, QualityReport } from '../../../../shared/drafts/drafts.types';
import { STYLE_PRESET_PARAMS } from '../../../../shared/drafts/style-presets';
import type { UseCase } from '../../../../shared/compare/use-cases';
import { type CompareInput, compare, type DraftFacts, type StudioCandidate } from './compare';

const NOW = new Date('2026-11-21T10:00:00Z');

function check(id: QualityCheck['id'], status: QualityCheck['status'], fix = ''): QualityCheck {
  return {
    id,
    label: id === 'eyeContact' ? 'Eye contact' : id,
    status,
    measured: 'm',
    value: 0,
    fix,
  };
}

function aReport(
  checks: QualityCheck[] = [],
  verdicts: QualityReport['verdicts'] = [],
): QualityReport {
  return { gazePreference: 'direct', checks: [check('sharpness', 'pass'), ...checks], verdicts };
}

function aDraft(overrides: Partial<DraftFacts> = {}): DraftFacts {
  return {
    id: 'draft-1',
    variantId: 'variant-1',
    style: 'professional',
    params: { ...STYLE_PRESET_PARAMS.professional, backdrop: 'solid', backdropColor: '#f2f2f0' },
    previewUrl: '/api/drafts/draft-1/variants/variant-1/image?size=preview',
    width: 1600,
    height: 2000,
    turnaroundMs: 4230,
    report: aReport(),
    unlocked: false,
    ...overrides,
  };
}

function aCandidate(
  id: string,
  overrides: {
    styles?: string[];
    rating?: number | null;
    slot?: Date | null;
    priceCents?: number;
    includedImages?: number;
    extraImagePriceCents?: number;
    durationMinutes?: number;
    deliveryDays?: number;
    location?: 'studio' | 'on_location';
    currency?: string;
  } = {},
): StudioCandidate {
  return {
    photographer: {
      id,
      displayName: `Photographer ${id}`,
      city: 'Berlin',
      timeZone: 'Europe/Berlin',
      styles: overrides.styles ?? ['corporate'],
      rating: { average: overrides.rating === undefined ? 4.5 : overrides.rating, count: 10 },
    },
    pkg: {
      id: `pkg-${id}`,
      name: 'Headshot',
      durationMinutes: overrides.durationMinutes ?? 60,
      priceCents: overrides.priceCents ?? 20_000,
      currency: overrides.currency ?? 'EUR',
      deposit: { kind: 'percent', percent: 30 },
      includedImages: overrides.includedImages ?? 3,
      extraImagePriceCents: overrides.extraImagePriceCents ?? 2_500,
      deliveryDays: overrides.deliveryDays ?? 5,
      location: overrides.location ?? 'studio',
      travelFeeCents: 4_000,
    },
    earliestSlot: overrides.slot === undefined ? new Date('2026-11-23T09:00:00Z') : overrides.slot,
  };
}

function input(overrides: Partial<CompareInput> = {}): CompareInput {
  return {
    useCase: 'profile',
    now: NOW,
    city: 'Berlin',
    area: {
      basis: 'city',
      viewerTimeZone: null,
      cities: ['Berlin'],
      widened: false,
      summary: 'Showing studios in Berlin, the city you chose.',
    },
    date: null,
    draft: aDraft(),
    benchmarkMedianMs: 4900,
    unlock: { priceCents: 900, currency: 'EUR', online: true },
    credit: null,
    candidates: [aCandidate('a')],
    ...overrides,
  };
}

describe(compare.name, () => {
  it.each<[string, Partial<CompareInput>, 'ai' | 'studio' | 'hybrid', RegExp]>([
    ['profile refresh with a passing report', {}, 'ai', /passes every test/],
    [
      'profile refresh with warnings only',
      { draft: aDraft({ report: aReport([check('headTilt', 'warn')]) }) },
      'ai',
      /headtilt could be better/,
    ],
    [
      'profile refresh with failed eye contact',
      {
        draft: aDraft({
          report: aReport([check('eyeContact', 'fail', 'Look into the lens.')]),
        }),
      },
      'studio',
      /failed on eye contact.*cannot fix that/,
    ],
    ['executive with a passing report', { useCase: 'executive' }, 'studio', /real photograph/],
    ['print', { useCase: 'print' }, 'studio', /3\.2 MP/],
    ['actor or model', { useCase: 'actor' }, 'studio', /Casting directors/],
    ['conference bio with a passing report', { useCase: 'press' }, 'hybrid', /speaker page/],
    [
      'conference bio the report advises against',
      {
        useCase: 'press',
        draft: aDraft({
          report: aReport(
            [],
            [
              {
                useCase: 'press',
                label: 'x',
                verdict: 'studio_advised',
                reason: 'Too soft for press.',
              },
            ],
          ),
        }),
      },
      'studio',
      /Too soft for press/,
    ],
    [
      'website the report advises against',
      {
        useCase: 'website',
        draft: aDraft({
          report: aReport(
            [],
            [{ useCase: 'website', label: 'x', verdict: 'studio_advised', reason: 'Too dark.' }],
          ),
        }),
      },
      'studio',
      /Too dark/,
    ],
    ['no draft, profile', { draft: null }, 'ai', /Try a free AI draft/],
    ['no draft, conference bio', { draft: null, useCase: 'press' }, 'hybrid', /press kit/],
    ['no draft, executive', { draft: null, useCase: 'executive' }, 'studio', /official/],
  ])('recommends for %s', (_name, overrides, choice, text) => {
    const { recommendation } = compare(input(overrides));
    expect(recommendation.choice).toBe(choice);
    expect([recommendation.headline, ...recommendation.reasons].join(' ')).toMatch(text);
  });

  it('costs a studio row for the images the use case needs: price + extras + travel', () => {
    const onLocation = aCandidate('a', { location: 'on_location', includedImages: 2 });
    const [row] = compare(input({ useCase: 'executive', candidates: [onLocation] })).studios;
    expect(row).toMatchObject({
      imagesNeeded: 5,
      extraImages: 3,
      packagePriceCents: 20_000,
      extrasCents: 7_500,
      travelFeeCents: 4_000,
      totalCents: 31_500,
      // The deposit is of the booking's price (package + travel); extras are bought later.
      depositCents: 7_200,
      payableCents: 31_500,
    });
  });

  it.each<[string, CompareInput['credit'], number]>([
    [
      'a credit in the same currency',
      { draftId: 'd', amountCents: 900, currency: 'EUR', expiresAt: '' },
      900,
    ],
    [
      'a credit in another currency',
      { draftId: 'd', amountCents: 900, currency: 'USD', expiresAt: '' },
      0,
    ],
    [
      'a credit above the total',
      { draftId: 'd', amountCents: 99_999, currency: 'EUR', expiresAt: '' },
      19_950,
    ],
    ['no credit', null, 0],
  ])('takes %s off the payable amount', (_name, credit, expected) => {
    const [row] = compare(
      input({ credit, candidates: [aCandidate('a', { includedImages: 1 })] }),
    ).studios;
    expect(row!.creditCents).toBe(expected);
    expect(row!.payableCents).toBe(row!.totalCents - expected);
  });

  it('dates the final from the earliest slot plus delivery days, in the studio’s calendar', () => {
    const [row] = compare(input({ candidates: [aCandidate('a', { deliveryDays: 5 })] })).studios;
    // Session on Mon 23 Nov (Berlin) + 5 days → due by the end of Sat 28 Nov, Berlin time.
    expect(row!.deliveryBy).toBe('2026-11-28T22:59:59.999Z');
    expect(row!.daysToFinal).toBe(8);
  });

  it('keeps the best package per photographer: free time, style, session length, then cheaper', () => {
    const rows = compare(
      input({
        useCase: 'actor',
        candidates: [
          aCandidate('corporate-star', { styles: ['corporate'], rating: 5 }),
          aCandidate('actor', { styles: ['actor'], rating: 4.1 }),
          {
            ...aCandidate('actor', { styles: ['actor'], rating: 4.1, durationMinutes: 30 }),
            pkg: { ...aCandidate('actor').pkg, id: 'short', durationMinutes: 30 },
          },
          aCandidate('booked-out', { styles: ['actor'], rating: 5, slot: null }),
          aCandidate('natural', { styles: ['natural-light'], rating: 3 }),
        ],
      }),
    ).studios;
    // A package nobody can book yet ranks below every bookable one, whatever its rating.
    expect(rows.map((r) => r.photographer.id)).toEqual(['actor', 'natural', 'corporate-star']);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(rows[0]!.package.id).toBe('pkg-actor');
    expect(rows[0]!.fit[0]).toMatch(/actor-headshot style/);
    expect(rows[2]!.rankReason).toBe(
      'Ranked 3rd: better rated (★ 5.0), but lists no style that suits actor headshots.',
    );
  });

  it('says “1 edited image”, not “1 edited images”', () => {
    const [row] = compare(input({ candidates: [aCandidate('a', { includedImages: 1 })] })).studios;
    expect(row!.fit).toContain('1 edited image included (you need 1)');
  });

  it('passes the area the studios come from through to the page', () => {
    const area = {
      basis: 'timeZone' as const,
      viewerTimeZone: 'Europe/Berlin',
      cities: ['Berlin'],
      widened: false,
      summary: 'Showing studios near Berlin (your time zone).',
    };
    expect(compare(input({ city: null, area })).area).toEqual(area);
  });

  it('shows the draft’s chosen variant with its own parameters, and none without a draft', () => {
    const ai = compare(input()).ai;
    expect(ai).toMatchObject({ variantId: 'variant-1', style: 'professional' });
    expect(ai.params).toMatchObject({ backdrop: 'solid', backdropColor: '#f2f2f0' });
    expect(compare(input({ draft: null })).ai).toMatchObject({ variantId: null, params: null });
  });

  it('shows the AI row and says so plainly when there is no studio nearby', () => {
    const result = compare(input({ city: 'Reykjavik', candidates: [], useCase: 'executive' }));
    expect(result.studios).toEqual([]);
    expect(result.noStudioReason).toMatch(/No studio photographers in Reykjavik/);
    expect(result.ai.previewUrl).toContain('draft-1');
    expect(result.recommendation.reasons.join(' ')).toMatch(/No studio photographers in Reykjavik/);
  });

  it('uses the measured time of this draft, or the benchmark median without one', () => {
    expect(compare(input()).ai).toMatchObject({
      turnaroundSeconds: 4.2,
      turnaroundMeasured: true,
      turnaroundLabel: '4.2 s for this draft',
    });
    expect(compare(input({ draft: null })).ai).toMatchObject({
      turnaroundSeconds: 4.9,
      turnaroundMeasured: false,
      previewUrl: null,
      quality: null,
    });
  });

  it('prices the HD unlock, and says when it is free because nothing is charged online', () => {
    expect(compare(input()).ai.hdUnlockPriceCents).toBe(900);
    const manual = compare(input({ unlock: { priceCents: 900, currency: 'EUR', online: false } }));
    expect(manual.ai.hdUnlockPriceCents).toBe(0);
    expect(manual.ai.priceNote).toMatch(/no online payments/);
  });

  it('lists what the report found, failures first, with what the AI cannot fix', () => {
    const report = aReport([
      check('headTilt', 'warn', 'Level your head.'),
      check('eyeContact', 'fail', 'Look into the lens.'),
    ]);
    const { quality, limits, aiLabel } = compare(input({ draft: aDraft({ report }) })).ai;
    expect(quality).toMatchObject({ passed: 1, warned: 1, failed: 1 });
    expect(quality!.findings.map((f) => f.fix)).toEqual([
      'Look into the lens.',
      'Level your head.',
    ]);
    expect(limits.join(' ')).toMatch(/not suited to print/);
    expect(limits.join(' ')).toMatch(/official ID/);
    expect(aiLabel).toMatch(/AI-generated/);
  });

  it.each<UseCase>(['profile', 'website', 'press', 'executive', 'actor', 'print'])(
    'answers every use case (%s) with at least one reason',
    (useCase) => {
      const result = compare(input({ useCase }));
      expect(result.useCaseLabel.length).toBeGreaterThan(3);
      expect(result.recommendation.reasons.length).toBeGreaterThan(0);
    },
  );
});
