/** Contracts of the AI draft studio, used by the server and the client. */

export const DRAFT_STATUSES = ['queued', 'processing', 'ready', 'failed', 'expired'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** Where a draft is in its first render, in order. */
export const DRAFT_STAGES = ['queued', 'analysing', 'segmenting', 'rendering', 'done'] as const;
export type DraftStage = (typeof DRAFT_STAGES)[number];

export const STYLE_PRESETS = ['professional', 'creative', 'relaxed'] as const;
export type StylePreset = (typeof STYLE_PRESETS)[number];

export const CROPS = ['1:1', '4:5', '3:2'] as const;
export type Crop = (typeof CROPS)[number];

export const BACKDROP_KINDS = ['gradient', 'solid', 'blur'] as const;
export type BackdropKind = (typeof BACKDROP_KINDS)[number];

export const GAZE_PREFERENCES = ['direct', 'averted'] as const;
export type GazePreference = (typeof GAZE_PREFERENCES)[number];

/** Everything a user can change about one rendered variant. */
export interface VariantParams {
  backdrop: BackdropKind;
  /** `#rrggbb`; ignored by the blurred-original backdrop. */
  backdropColor: string;
  /** −1 (cool) … 1 (warm). */
  warmth: number;
  /** −1 … 1. */
  brightness: number;
  /** −1 … 1. */
  contrast: number;
  /** Black and white (the creative preset's high-key look). */
  monochrome: boolean;
  crop: Crop;
  /** 0 = none … 1 = the most we allow; skin texture always survives. */
  retouch: number;
  /**
   * Studio light, 0 = the photo's own light … 1 = the most we allow: soft key and fill, a
   * gentle rim light and colours harmonised to the backdrop. Tone and colour only, never shape.
   */
  relight: number;
  /** Level the head from the measured roll. */
  straighten: boolean;
}

export type VariantStatus = 'queued' | 'rendering' | 'ready' | 'failed';

/**
 * The HD image of a variant is made only once the draft is unlocked (previews come first):
 * `none` (locked), `queued`/`rendering` (being made, a few seconds), `ready`, or `failed`
 * (unlocking again asks for it again).
 */
export type HdStatus = 'none' | 'queued' | 'rendering' | 'ready' | 'failed';

export interface DraftVariantDto {
  id: string;
  style: StylePreset;
  params: VariantParams;
  status: VariantStatus;
  width: number | null;
  height: number | null;
  renderMs: number | null;
  previewUrl: string | null;
  /** Present once the draft is unlocked and the HD image is made (`hdStatus` says where it is). */
  hdUrl: string | null;
  hdStatus: HdStatus;
  /** The same crop of the untouched photo, for the before/after slider. */
  beforeUrl: string | null;
  createdAt: string;
}

export type CheckStatus = 'pass' | 'warn' | 'fail';

export const QUALITY_CHECKS = [
  'faceSize',
  'eyeContact',
  'headTilt',
  'headTurn',
  'headPitch',
  'eyesOpen',
  'sharpness',
  'exposure',
  'clipping',
  'expression',
  'framing',
  'retouch',
  'cropResolution',
] as const;
export type QualityCheckId = (typeof QUALITY_CHECKS)[number];

export interface QualityCheck {
  id: QualityCheckId;
  label: string;
  status: CheckStatus;
  /** The measurement in words and numbers, e.g. "turned 18° to the left". */
  measured: string;
  value: number;
  /** What to do about it, in plain language; empty when the check passes. */
  fix: string;
}

export { USE_CASES, USE_CASE_LABELS, type UseCase } from '../compare/use-cases';
import type { UseCase } from '../compare/use-cases';

export interface UseCaseVerdict {
  useCase: UseCase;
  label: string;
  verdict: 'ai_ok' | 'studio_advised';
  reason: string;
}

export interface QualityReport {
  gazePreference: GazePreference;
  checks: QualityCheck[];
  verdicts: UseCaseVerdict[];
}

export interface DraftFailure {
  code: string;
  message: string;
  details?: unknown;
}

export interface DraftDto {
  id: string;
  status: DraftStatus;
  stage: DraftStage;
  /** 0–100 for the first render. */
  progress: number;
  gazePreference: GazePreference;
  consent: { noticeVersion: string; acceptedAt: string };
  keep: boolean;
  unlocked: boolean;
  /** Present while the original upload still exists (it goes when rendering ends). */
  sourceDeleted: boolean;
  failure: DraftFailure | null;
  report: QualityReport | null;
  variants: DraftVariantDto[];
  /**
   * The look the comparison, "Book this session with this look" and the brief use: the variant
   * the client last adjusted or picked once it is ready (until then the newest ready one of its
   * style), else the professional look. Null only while nothing is ready.
   */
  chosenVariantId: string | null;
  createdAt: string;
  expiresAt: string;
}

export interface DraftSummaryDto {
  id: string;
  status: DraftStatus;
  keep: boolean;
  unlocked: boolean;
  thumbnailUrl: string | null;
  createdAt: string;
  expiresAt: string;
}

export interface DraftCreatedDto {
  id: string;
  status: DraftStatus;
}

export interface DeletedDataDto {
  draftsDeleted: number;
}

export interface UnlockDto {
  /** False while a Stripe payment is awaited: send the person to `checkoutUrl`. */
  unlocked: boolean;
  /** `manual`: the demo rule without online payments (no money moves); `stripe`: paid unlock. */
  method: 'manual' | 'stripe';
  checkoutUrl?: string;
  note: string;
}

export const DraftErrorCode = {
  ConsentRequired: 'CONSENT_REQUIRED',
  NoticeVersionOutdated: 'NOTICE_VERSION_OUTDATED',
  DraftNotFound: 'DRAFT_NOT_FOUND',
  VariantNotFound: 'VARIANT_NOT_FOUND',
  DraftNotReady: 'DRAFT_NOT_READY',
  DraftFailed: 'DRAFT_FAILED',
  HdLocked: 'HD_LOCKED',
  /** Unlocked, but the HD image is still being made (409; a few seconds), or could not be. */
  HdNotReady: 'HD_NOT_READY',
  VariantLimit: 'VARIANT_LIMIT',
  VariantNotReady: 'VARIANT_NOT_READY',
  /** Fair use: too many uploads in the last hour (429 with Retry-After). */
  DraftRateLimited: 'DRAFT_RATE_LIMITED',
  /** Fair use: too many drafts queued or rendering at once (429). */
  DraftsInFlight: 'DRAFTS_IN_FLIGHT',
  /** Fair use: too many re-renders waiting, or too many in the last hour (429). */
  RerenderRateLimited: 'RERENDER_RATE_LIMITED',
  NoFace: 'NO_FACE',
  MultipleFaces: 'MULTIPLE_FACES',
  FaceTooSmall: 'FACE_TOO_SMALL',
  RenderFailed: 'RENDER_FAILED',
} as const;

export const IPTC_DIGITAL_SOURCE_TYPE =
  'http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia';

/** The most variants one draft keeps; older re-renders are removed first. */
export const MAX_VARIANTS_PER_DRAFT = 12;
