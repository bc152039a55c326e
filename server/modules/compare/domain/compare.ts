import type {
  AiOptionDto,
  ComparisonDto,
  ComparisonFinding,
  DraftCreditDto,
  RecommendationDto,
  StudioAreaDto,
  StudioOptionDto,
} from '../../../../shared/compare/compare.types';
import { IMAGES_NEEDED, USE_CASE_LABELS, type UseCase } from '../../../../shared/compare/use-cases';
import { countOf } from '../../../../shared/compare/wording';
import type {
  QualityReport,
  StylePreset,
  VariantParams,
} from '../../../../shared/drafts/drafts.types';
import {
  creditableCents,
  type PricedPackage,
  priceBooking,
} from '../../../../shared/bookings/pricing';
import { deliveryPromise } from '../../../../shared/gallery/delivery-promise';
import { rankStudios, type UnrankedStudioOption } from './rank-studios';
import { fittingStyle, MIN_MINUTES, styleName } from './use-case-fit';

/*
 * The comparison (docs/design.md §8) as one pure function: the draft's facts, the use case and the
 * candidate packages with their earliest free slot in → the AI option, the best few studio
 * options costed for the use case, and a recommendation with its reasons out. Everything the
 * function needs is an argument, so the rules are table-tested without a database.
 */

const DAY_MS = 86_400_000;

/** How many studio options the comparison shows. */
export const STUDIO_OPTIONS_SHOWN = 3;

export interface DraftFacts {
  id: string;
  variantId: string | null;
  style: StylePreset | null;
  /** The shown variant's real parameters (what its caption describes). */
  params: VariantParams | null;
  previewUrl: string | null;
  /** HD pixels of the shown variant. */
  width: number | null;
  height: number | null;
  /** Upload to all first variants ready; null when it was not measured. */
  turnaroundMs: number | null;
  report: QualityReport | null;
  unlocked: boolean;
}

export interface UnlockTerms {
  priceCents: number;
  currency: string;
  /** False with the `manual` provider: the HD unlock is free and says so. */
  online: boolean;
}

export interface StudioCandidate {
  photographer: StudioOptionDto['photographer'];
  pkg: PricedPackage & { id: string };
  /** Earliest free start on or after the requested date (null: nothing free in the horizon). */
  earliestSlot: Date | null;
}

export interface CompareInput {
  useCase: UseCase;
  now: Date;
  city: string | null;
  /** Where the candidates come from (the city asked for, the viewer's zone, or everywhere). */
  area: StudioAreaDto;
  date: string | null;
  draft: DraftFacts | null;
  /** Median upload-to-ready time of the draft benchmark, for comparisons without a draft. */
  benchmarkMedianMs: number;
  unlock: UnlockTerms;
  credit: DraftCreditDto | null;
  candidates: StudioCandidate[];
}

const STUDIO_RESOLUTION =
  "Full-resolution files from the photographer's camera, retouched by hand — sharp enough for print";
const STUDIO_RIGHTS =
  'Unlimited personal and professional use (profiles, press, web and print); copyright stays with the photographer; no resale';
const AI_RIGHTS =
  'Yours to use online; the image must keep its AI-generated label wherever a platform asks';
export const AI_LABEL =
  'Labelled "AI-generated": a visible mark on previews and the IPTC digital-source type in every file\'s metadata';
const AI_LIMITS = [
  'Cannot change your pose, expression, eye contact or the angle of your head — only what surrounds you.',
  'Cannot add detail the original photo does not have, so it is not suited to print.',
  'Not acceptable for official ID (passport, badges) or where unedited photos are required, such as casting.',
];

export function compare(input: CompareInput): ComparisonDto {
  const imagesNeeded = IMAGES_NEEDED[input.useCase];
  const studios = rankStudios(
    input.candidates.map((c) => studioOption(input, c, imagesNeeded)),
    input.useCase,
    STUDIO_OPTIONS_SHOWN,
  );
  const ai = aiOption(input);
  return {
    useCase: input.useCase,
    useCaseLabel: USE_CASE_LABELS[input.useCase],
    imagesNeeded,
    city: input.city,
    area: input.area,
    date: input.date,
    ai,
    studios,
    noStudioReason: studios.length === 0 ? noStudioReason(input) : null,
    credit: input.credit,
    recommendation: recommend(input, ai, studios),
  };
}

function aiOption(input: CompareInput): AiOptionDto {
  const { draft, unlock } = input;
  const measured = draft?.turnaroundMs != null;
  const turnaroundMs = measured ? draft!.turnaroundMs! : input.benchmarkMedianMs;
  const seconds = Math.round(turnaroundMs / 100) / 10;
  const width = draft?.width ?? null;
  const height = draft?.height ?? null;
  return {
    draftId: draft?.id ?? null,
    variantId: draft?.variantId ?? null,
    style: draft?.style ?? null,
    params: draft?.params ?? null,
    previewUrl: draft?.previewUrl ?? null,
    currency: unlock.currency,
    previewPriceCents: 0,
    hdUnlockPriceCents: unlock.online ? unlock.priceCents : 0,
    priceNote: unlock.online
      ? 'Previews are free; the HD images are a one-off payment.'
      : 'Free here: no online payments are configured, so the HD images unlock at no cost.',
    unlocked: draft?.unlocked ?? false,
    turnaroundSeconds: seconds,
    turnaroundMeasured: measured,
    turnaroundLabel: measured ? `${seconds} s for this draft` : `about ${seconds} s (typical)`,
    width,
    height,
    resolutionLabel:
      width && height
        ? `${width} × ${height} px (${megapixels(width, height)} MP) — web and screen sizes`
        : 'Up to 2400 px on the long side — web and screen sizes',
    quality: draft?.report ? qualitySummary(draft.report) : null,
    aiLabel: AI_LABEL,
    limits: AI_LIMITS,
    usageRights: AI_RIGHTS,
    credibility: credibilityOfAi(input.useCase),
  };
}

function megapixels(width: number, height: number): number {
  return Math.round((width * height) / 100_000) / 10;
}

function qualitySummary(report: QualityReport): NonNullable<AiOptionDto['quality']> {
  const count = (status: string) => report.checks.filter((c) => c.status === status).length;
  const findings: ComparisonFinding[] = report.checks
    .filter((c) => c.status !== 'pass')
    .sort((a, b) => (a.status === b.status ? 0 : a.status === 'fail' ? -1 : 1))
    .map((c) => ({ label: c.label, status: c.status, measured: c.measured, fix: c.fix }));
  return { passed: count('pass'), warned: count('warn'), failed: count('fail'), findings };
}

function credibilityOfAi(useCase: UseCase): string {
  switch (useCase) {
    case 'profile':
      return 'Fine for an avatar-sized profile picture, where people expect a tidy, recent likeness.';
    case 'website':
      return 'Works on a team page if it matches your colleagues’ photos; it is still labelled AI-made.';
    case 'press':
      return 'Event pages accept it at web size; press desks may ask for an unedited original.';
    default:
      return 'Reads as AI-made at this use: organisers, casting and print expect a real photograph.';
  }
}

function fitReasons(useCase: UseCase, c: StudioCandidate, imagesNeeded: number): string[] {
  const reasons: string[] = [];
  const style = fittingStyle(useCase, c.photographer.styles);
  if (style) reasons.push(`Works in the ${styleName(style)} style`);
  if (c.pkg.includedImages >= imagesNeeded) {
    reasons.push(
      `${countOf(c.pkg.includedImages, 'edited image')} included (you need ${imagesNeeded})`,
    );
  }
  if (c.pkg.durationMinutes >= MIN_MINUTES[useCase]) {
    reasons.push(`${c.pkg.durationMinutes}-minute session leaves time for a few looks`);
  }
  if (c.photographer.rating.average !== null) {
    reasons.push(
      `Rated ${c.photographer.rating.average.toFixed(1)} by ${c.photographer.rating.count} client${c.photographer.rating.count === 1 ? '' : 's'}`,
    );
  }
  return reasons;
}

function studioOption(
  input: CompareInput,
  c: StudioCandidate,
  imagesNeeded: number,
): UnrankedStudioOption {
  const price = priceBooking(c.pkg);
  const extraImages = Math.max(0, imagesNeeded - c.pkg.includedImages);
  const extrasCents = extraImages * c.pkg.extraImagePriceCents;
  const totalCents = price.totalCents + extrasCents;
  const creditCents =
    input.credit && input.credit.currency.toUpperCase() === c.pkg.currency.toUpperCase()
      ? Math.min(input.credit.amountCents, creditableCents(totalCents))
      : 0;
  const delivery = c.earliestSlot
    ? deliveryPromise({
        sessionStartsAt: c.earliestSlot,
        deliveryDays: c.pkg.deliveryDays,
        timeZone: c.photographer.timeZone,
        deliveredAt: null,
        now: input.now,
      })
    : null;
  return {
    photographer: c.photographer,
    package: {
      id: c.pkg.id,
      name: c.pkg.name,
      durationMinutes: c.pkg.durationMinutes,
      location: c.pkg.location,
      includedImages: c.pkg.includedImages,
      deliveryDays: c.pkg.deliveryDays,
    },
    currency: c.pkg.currency,
    imagesNeeded,
    extraImages,
    packagePriceCents: price.packagePriceCents,
    extrasCents,
    travelFeeCents: price.travelFeeCents,
    totalCents,
    depositCents: price.depositCents,
    creditCents,
    payableCents: totalCents - creditCents,
    earliestSlot: c.earliestSlot?.toISOString() ?? null,
    deliveryBy: delivery?.dueAt ?? null,
    daysToFinal: delivery
      ? Math.max(1, Math.ceil((Date.parse(delivery.dueAt) - input.now.getTime()) / DAY_MS))
      : null,
    resolutionLabel: STUDIO_RESOLUTION,
    usageRights: STUDIO_RIGHTS,
    credibility: `A real photograph by ${c.photographer.displayName}, with no AI label: accepted for official and print use.`,
    fit: fitReasons(input.useCase, c, imagesNeeded),
  };
}

function noStudioReason(input: CompareInput): string {
  if (input.candidates.length === 0) {
    return input.city
      ? `No studio photographers in ${input.city} on Lensbridge yet. Try a nearby city or browse every photographer.`
      : 'No studio photographers are listed yet.';
  }
  return 'No studio package nearby has a free time in the next weeks.';
}

function recommend(
  input: CompareInput,
  ai: AiOptionDto,
  studios: StudioOptionDto[],
): RecommendationDto {
  const { useCase, draft } = input;
  const full = USE_CASE_LABELS[useCase];
  const label = full.charAt(0).toLowerCase() + full.slice(1);
  const failed = ai.quality?.findings.filter((f) => f.status === 'fail') ?? [];
  const warned = ai.quality?.findings.filter((f) => f.status === 'warn') ?? [];
  const soonest = studios
    .filter((s) => s.daysToFinal !== null)
    .sort((a, b) => a.daysToFinal! - b.daysToFinal!)[0];
  const studioFacts: string[] = soonest
    ? [
        `The soonest studio final here arrives in ${soonest.daysToFinal} day${soonest.daysToFinal === 1 ? '' : 's'} (${soonest.photographer.displayName}).`,
      ]
    : studios.length === 0
      ? [noStudioReason(input)]
      : [];

  const studio = (headline: string, reasons: string[]): RecommendationDto => ({
    choice: 'studio',
    headline,
    reasons: [...reasons, ...studioFacts],
  });

  if (failed.length > 0) {
    return studio('Book a studio session', [
      `The quality check failed on ${names(failed)}: the AI changes only the backdrop, light and framing, so it cannot fix that.`,
      ...failed.map((f) => f.fix).filter(Boolean),
    ]);
  }
  if (useCase === 'executive') {
    return studio('Book a studio session for the official portrait', [
      'An executive or official portrait speaks for your organisation and is expected to be a real photograph, not an AI-labelled image.',
      'Official photos (ID badges, passports) must be unedited and taken to the authority’s rules.',
      ...(draft?.report
        ? ['Until the session, the AI draft can stand in on your online profiles.']
        : []),
    ]);
  }
  if (useCase === 'actor') {
    return studio('Book a studio session', [
      'Casting directors expect current, unretouched photos that look exactly like you, in several looks; an AI-styled draft is not accepted.',
    ]);
  }
  if (useCase === 'print') {
    return studio('Book a studio session', [
      `Print needs far more detail than the draft’s ${ai.width && ai.height ? `${megapixels(ai.width, ai.height)} MP` : 'web-size image'}; a studio delivers full-resolution camera files.`,
    ]);
  }
  if (!draft?.report) {
    // No draft yet: recommend trying one where it can be enough.
    return useCase === 'press'
      ? {
          choice: 'hybrid',
          headline: 'Try a free AI draft now, and book a studio for the press kit',
          reasons: [
            'A speaker page needs a photo soon; an AI draft is ready in seconds.',
            'Press desks may ask for an unedited original, which only a studio session gives you.',
            ...studioFacts,
          ],
        }
      : {
          choice: 'ai',
          headline: 'Try a free AI draft first',
          reasons: [
            `For a ${label}, a tidy recent likeness is usually enough, and a draft takes ${ai.turnaroundLabel}.`,
            'Upload one photo: the quality check tells you honestly whether it is good enough or a studio is needed.',
          ],
        };
  }
  const verdict = draft.report.verdicts.find((v) => v.useCase === useCase);
  if (useCase === 'press') {
    return verdict?.verdict === 'studio_advised'
      ? studio('Book a studio session', [verdict.reason])
      : {
          choice: 'hybrid',
          headline: 'Use the AI draft now, and book a studio for your official branding',
          reasons: [
            'The quality check passes, so the draft works on a speaker page at web size today.',
            'Press desks may ask for an unedited original; a studio session gives you one.',
            ...studioFacts,
          ],
        };
  }
  if (verdict?.verdict === 'studio_advised') {
    return studio('Book a studio session', [verdict.reason]);
  }
  return {
    choice: 'ai',
    headline: 'The AI draft is enough',
    reasons: [
      warned.length === 0
        ? `The quality check passes every test, which is all a ${label} needs.`
        : `Good enough for a ${label}; ${names(warned)} could be better.`,
      `It is ready now and costs ${ai.hdUnlockPriceCents === 0 ? 'nothing' : 'a one-off HD unlock'}; a studio session costs more and takes days.`,
    ],
  };
}

function names(findings: ComparisonFinding[]): string {
  return findings.map((f) => f.label.toLowerCase()).join(', ');
}
