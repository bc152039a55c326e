import type { RatingDto } from '../photographers/photographers.types';
import type { PackageLocation } from '../bookings/bookings.types';
import type { CheckStatus, StylePreset, VariantParams } from '../drafts/drafts.types';
import type { UseCase } from './use-cases';

/** One quality finding, as the comparison shows it next to the AI option. */
export interface ComparisonFinding {
  label: string;
  status: CheckStatus;
  measured: string;
  /** What the AI cannot fix about it (empty when the check passes). */
  fix: string;
}

/** The AI draft as one option: cheap and immediate, with its limits said plainly. */
export interface AiOptionDto {
  /** Null when comparing without a draft (the landing page's sample comparison). */
  draftId: string | null;
  /** The variant shown: the one the client last adjusted or picked, else the professional look. */
  variantId: string | null;
  style: StylePreset | null;
  /** Its real parameters (backdrop, colour, crop, ambience, retouch), for its caption. */
  params: VariantParams | null;
  previewUrl: string | null;
  currency: string;
  /** Previews are always free. */
  previewPriceCents: 0;
  /** What the HD images cost (0 with the `manual` provider, which unlocks for free and says so). */
  hdUnlockPriceCents: number;
  /** e.g. "Free in this demo: no online payments are configured". */
  priceNote: string;
  unlocked: boolean;
  /** Upload to ready, in seconds: measured for this draft, else the benchmark median. */
  turnaroundSeconds: number;
  turnaroundMeasured: boolean;
  /** e.g. "4.2 s for this draft" or "about 5 s (benchmark median)". */
  turnaroundLabel: string;
  /** HD pixels of the shown variant (null without a draft). */
  width: number | null;
  height: number | null;
  resolutionLabel: string;
  /** Null without a draft. */
  quality: { passed: number; warned: number; failed: number; findings: ComparisonFinding[] } | null;
  /** The label every AI image carries. */
  aiLabel: string;
  /** What the AI cannot do, in plain words. */
  limits: string[];
  usageRights: string;
  credibility: string;
}

/** One studio package nearby, costed for the use case. */
export interface StudioOptionDto {
  photographer: {
    id: string;
    displayName: string;
    city: string;
    timeZone: string;
    styles: string[];
    rating: RatingDto;
  };
  package: {
    id: string;
    name: string;
    durationMinutes: number;
    location: PackageLocation;
    includedImages: number;
    deliveryDays: number;
  };
  currency: string;
  /** The images the use case needs; extras are those beyond the package's included images. */
  imagesNeeded: number;
  extraImages: number;
  packagePriceCents: number;
  extrasCents: number;
  travelFeeCents: number;
  /** price + extras + travel fee. */
  totalCents: number;
  depositCents: number;
  /** The draft credit that would apply to this package (same currency, still valid), else 0. */
  creditCents: number;
  /** totalCents − creditCents. */
  payableCents: number;
  /** Earliest free start (UTC ISO) on or after the requested date; null when nothing is free. */
  earliestSlot: string | null;
  /** earliestSlot + the package's delivery days (UTC ISO). */
  deliveryBy: string | null;
  /** Whole days from now until the final images arrive. */
  daysToFinal: number | null;
  resolutionLabel: string;
  usageRights: string;
  credibility: string;
  /** Why this package suits the use case, e.g. "Actor headshots is one of their styles". */
  fit: string[];
  /** Its place in the list, 1 = best. */
  rank: number;
  /**
   * Why it ranks there, from the ranking rule itself, e.g. "Ranked 2nd: sooner (final images in
   * 3 days), but €50 more than Lena Vogel. On location: the price includes €40 travel."
   */
  rankReason: string;
}

/**
 * Where the studio options come from. With no city, the viewer's zone decides: studios in that
 * zone, else on the same clock (same UTC offset now), else the best rated anywhere, said honestly.
 */
export interface StudioAreaDto {
  basis: 'city' | 'timeZone' | 'sameClock' | 'everywhere';
  /** The viewer's zone as sent (null when none was). */
  viewerTimeZone: string | null;
  /** The cities the studios were found in (or the city asked for), e.g. ["Berlin"]. */
  cities: string[];
  /** True when the viewer's zone matched no studio, so the search widened to everywhere. */
  widened: boolean;
  /** One plain sentence for the page, e.g. "Showing studios near Berlin (your time zone)." */
  summary: string;
}

export interface RecommendationDto {
  /** `hybrid`: use the AI draft now and book the studio for the official image. */
  choice: 'ai' | 'studio' | 'hybrid';
  headline: string;
  reasons: string[];
}

/** A draft unlock the client paid for that can still be credited against a studio booking. */
export interface DraftCreditDto {
  draftId: string;
  amountCents: number;
  currency: string;
  /** 30 days after the unlock was paid. */
  expiresAt: string;
}

export interface ComparisonDto {
  useCase: UseCase;
  useCaseLabel: string;
  imagesNeeded: number;
  /** The city asked for (null: none; see `area` for where the studios then come from). */
  city: string | null;
  area: StudioAreaDto;
  /** The date the studio slots start from (YYYY-MM-DD), null: today. */
  date: string | null;
  ai: AiOptionDto;
  /** The best few packages nearby, best first; empty means "no studio nearby". */
  studios: StudioOptionDto[];
  /** Why there are no studio rows, in plain words (null when there are some). */
  noStudioReason: string | null;
  credit: DraftCreditDto | null;
  recommendation: RecommendationDto;
}

export const CompareErrorCode = {
  UnknownUseCase: 'UNKNOWN_USE_CASE',
  DraftNotComparable: 'DRAFT_NOT_COMPARABLE',
} as const;
