import type { AiOptionDto, ComparisonDto, StudioOptionDto } from '@shared/compare/compare.types';
import { STYLE_PRESET_PARAMS } from '@shared/drafts/style-presets';

export const COMPARE_DRAFT_ID = '6f1c1e0a-1111-4a4a-8888-0000000000c1';

export function anAiOption(overrides: Partial<AiOptionDto> = {}): AiOptionDto {
  return {
    draftId: COMPARE_DRAFT_ID,
    variantId: 'variant-professional',
    style: 'professional',
    params: { ...STYLE_PRESET_PARAMS.professional },
    previewUrl: `/api/drafts/${COMPARE_DRAFT_ID}/variants/variant-professional/image?size=preview`,
    currency: 'EUR',
    previewPriceCents: 0,
    hdUnlockPriceCents: 900,
    priceNote: 'Paid once; previews stay free.',
    unlocked: false,
    turnaroundSeconds: 4.2,
    turnaroundMeasured: true,
    turnaroundLabel: '4.2 s for this draft',
    width: 1600,
    height: 2000,
    resolutionLabel: '1600 × 2000 px (3.2 MP)',
    quality: {
      passed: 5,
      warned: 1,
      failed: 0,
      findings: [
        {
          label: 'Face turned',
          status: 'warn',
          measured: 'face turned 18° to the left',
          fix: 'The AI cannot turn your head: retake facing the lens.',
        },
      ],
    },
    aiLabel: 'Marked as AI-generated on the preview and in the file metadata.',
    limits: ['Cannot change your pose or expression', 'Not accepted for official documents'],
    usageRights: 'Personal and professional profiles',
    credibility: 'Fine online; labelled as AI',
    ...overrides,
  };
}

/** No draft: the landing page's sample comparison. */
export function aSampleAiOption(overrides: Partial<AiOptionDto> = {}): AiOptionDto {
  return anAiOption({
    draftId: null,
    variantId: null,
    style: null,
    previewUrl: null,
    unlocked: false,
    turnaroundSeconds: 5,
    turnaroundMeasured: false,
    turnaroundLabel: 'about 5 s (benchmark median)',
    width: null,
    height: null,
    resolutionLabel: 'up to 1600 × 2000 px',
    quality: null,
    ...overrides,
  });
}

export function aStudioOption(overrides: Partial<StudioOptionDto> = {}): StudioOptionDto {
  return {
    photographer: {
      id: 'a1b2c3d4-0000-4000-8000-000000000001',
      displayName: 'Lena Vogel',
      city: 'Berlin',
      timeZone: 'Europe/Berlin',
      styles: ['corporate'],
      rating: { average: 4.8, count: 23 },
    },
    package: {
      id: 'b1b2c3d4-0000-4000-8000-000000000001',
      name: 'Headshot Express',
      durationMinutes: 30,
      location: 'studio',
      includedImages: 1,
      deliveryDays: 5,
    },
    currency: 'EUR',
    imagesNeeded: 3,
    extraImages: 2,
    packagePriceCents: 14900,
    extrasCents: 5000,
    travelFeeCents: 0,
    totalCents: 19900,
    depositCents: 5000,
    creditCents: 0,
    payableCents: 19900,
    earliestSlot: '2026-12-02T09:00:00.000Z',
    deliveryBy: '2026-12-07T09:00:00.000Z',
    daysToFinal: 8,
    resolutionLabel: 'Full resolution (24 MP)',
    usageRights: 'Commercial use, credit the photographer',
    credibility: 'A real photograph, fit for official use',
    fit: ['Corporate is one of their styles'],
    rank: 1,
    rankReason: 'Ranked 1st: cheapest for a press bio (€199).',
    ...overrides,
  };
}

export function aComparison(overrides: Partial<ComparisonDto> = {}): ComparisonDto {
  return {
    useCase: 'press',
    useCaseLabel: 'Conference or press bio',
    imagesNeeded: 3,
    city: 'Berlin',
    area: {
      basis: 'city',
      viewerTimeZone: 'Europe/Berlin',
      cities: ['Berlin'],
      widened: false,
      summary: 'Showing studios in Berlin, the city you chose.',
    },
    date: null,
    ai: anAiOption(),
    studios: [aStudioOption()],
    noStudioReason: null,
    credit: null,
    recommendation: {
      choice: 'hybrid',
      headline: 'Use the AI draft now and book a studio for the press kit',
      reasons: ['Your draft is ready today', 'Press photos need three real images'],
    },
    ...overrides,
  };
}
