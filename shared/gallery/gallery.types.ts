import type { BookingStatus } from '../bookings/bookings.types';

export const GALLERY_IMAGE_KINDS = ['proof', 'final'] as const;
export type GalleryImageKind = (typeof GALLERY_IMAGE_KINDS)[number];

/** One photo in a booking's gallery. URLs need the viewer's session; originals are never listed. */
export interface GalleryImageDto {
  id: string;
  kind: GalleryImageKind;
  fileName: string;
  width: number;
  height: number;
  bytes: number;
  /** Small JPEG for grids (watermarked for proofs). */
  thumbUrl: string;
  /** Screen-sized JPEG for the lightbox (watermarked for proofs). */
  previewUrl: string;
  /** Proofs: chosen by the client. */
  selected: boolean;
  /** Finals: the proof this final was retouched from. */
  proofId: string | null;
  createdAt: string;
}

/**
 * How extra images beyond the package are paid: nothing extra, at the studio (the `manual`
 * provider: clearly nothing is charged online), or online through the payment provider.
 */
export type ExtraChargeStatus = 'none' | 'due_at_studio' | 'awaiting_payment' | 'paid';

export interface SelectionSummaryDto {
  count: number;
  includedImages: number;
  extraCount: number;
  extraImagePriceCents: number;
  extraAmountCents: number;
  currency: string;
  extraCharge: ExtraChargeStatus;
  /** Plain words, e.g. "2 extra images: € 50.00 due at the studio — nothing is charged online". */
  extraChargeLabel: string | null;
  /** Where to pay when the charge is online and still open. */
  checkoutUrl: string | null;
  submittedAt: string | null;
}

/** Where a booking's delivery stands against its promise (session date + delivery days). */
export type DeliveryFlag = 'on_track' | 'due_soon' | 'overdue' | 'delivered' | 'delivered_late';

export interface DeliveryPromiseDto {
  /** Local calendar date in the studio's zone, e.g. 2030-05-14. */
  dueDate: string;
  /** The end of that day in the studio's zone, as a UTC instant. */
  dueAt: string;
  timeZone: string;
  flag: DeliveryFlag;
  deliveredAt: string | null;
}

export type GalleryStage =
  'awaiting_session' | 'uploading_proofs' | 'proofs_ready' | 'selection_submitted' | 'delivered';

export interface GalleryDto {
  bookingId: string;
  bookingStatus: BookingStatus;
  stage: GalleryStage;
  viewer: 'client' | 'photographer' | 'admin';
  photographerName: string;
  clientName: string;
  packageName: string;
  sessionStartsAt: string;
  timeZone: string;
  promise: DeliveryPromiseDto;
  proofsPublishedAt: string | null;
  proofs: GalleryImageDto[];
  finals: GalleryImageDto[];
  selection: SelectionSummaryDto;
  /** What the viewer may do now. */
  can: {
    uploadProofs: boolean;
    publishProofs: boolean;
    select: boolean;
    uploadFinals: boolean;
    deliver: boolean;
    download: boolean;
    review: boolean;
  };
}

export interface UploadRejectionDto {
  fileName: string;
  code: string;
  message: string;
}

export interface UploadResultDto {
  accepted: GalleryImageDto[];
  rejected: UploadRejectionDto[];
}

export interface DownloadLinkDto {
  imageId: string | null;
  fileName: string;
  bytes: number | null;
  url: string;
}

export interface DownloadsDto {
  bookingId: string;
  expiresAt: string;
  zip: DownloadLinkDto;
  finals: DownloadLinkDto[];
}

export interface DeliverySummaryDto {
  bookingId: string;
  status: BookingStatus;
  clientName: string;
  photographerName: string;
  packageName: string;
  sessionStartsAt: string;
  timeZone: string;
  stage: GalleryStage;
  promise: DeliveryPromiseDto;
  proofCount: number;
  selectedCount: number;
  finalCount: number;
}

export interface ReviewDto {
  id: string;
  bookingId: string;
  rating: number;
  text: string;
  clientName: string;
  reply: string | null;
  repliedAt: string | null;
  createdAt: string;
}

export const GalleryErrorCode = {
  GalleryNotOpen: 'GALLERY_NOT_OPEN',
  GalleryImageNotFound: 'GALLERY_IMAGE_NOT_FOUND',
  NoImagesAccepted: 'NO_IMAGES_ACCEPTED',
  TooManyFiles: 'TOO_MANY_FILES',
  ProofsNotPublished: 'PROOFS_NOT_PUBLISHED',
  NoProofs: 'NO_PROOFS',
  SelectionInvalid: 'SELECTION_INVALID',
  ExtraImagesPaymentRequired: 'EXTRA_IMAGES_PAYMENT_REQUIRED',
  ExtraPaymentPending: 'EXTRA_PAYMENT_PENDING',
  SelectionLocked: 'SELECTION_LOCKED',
  NotSelected: 'PROOF_NOT_SELECTED',
  FinalsMissing: 'FINALS_MISSING',
  NotDelivered: 'NOT_DELIVERED',
  DownloadLinkExpired: 'DOWNLOAD_LINK_EXPIRED',
  DownloadLinkInvalid: 'DOWNLOAD_LINK_INVALID',
  ReviewExists: 'REVIEW_EXISTS',
  ReviewNotAllowedYet: 'REVIEW_NOT_ALLOWED_YET',
  ReplyExists: 'REPLY_EXISTS',
  ReviewNotFound: 'REVIEW_NOT_FOUND',
} as const;
