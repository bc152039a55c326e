import type {
  ExtraChargeStatus,
  GalleryImageDto,
  GalleryStage,
  SelectionSummaryDto,
} from '../../../shared/gallery/gallery.types';
import { formatMoney } from '../../../shared/money';
import type { BookingRecord } from '../bookings/bookings.types';
import type { Gallery } from './gallery.entity';
import type { GalleryImage } from './gallery-image.entity';

export function toGalleryImageDto(image: GalleryImage): GalleryImageDto {
  return {
    id: image.id,
    kind: image.kind,
    fileName: image.fileName,
    width: image.width,
    height: image.height,
    bytes: image.bytes,
    thumbUrl: `/api/gallery-images/${image.id}/thumb`,
    previewUrl: `/api/gallery-images/${image.id}/preview`,
    selected: image.selected,
    proofId: image.proofId,
    createdAt: image.createdAt.toISOString(),
  };
}

export function stageOf(booking: BookingRecord, gallery: Gallery | null): GalleryStage {
  if (booking.status === 'delivered') return 'delivered';
  if (booking.status !== 'completed') return 'awaiting_session';
  if (gallery?.selectionSubmittedAt) return 'selection_submitted';
  if (gallery?.proofsPublishedAt) return 'proofs_ready';
  return 'uploading_proofs';
}

export function extraChargeLabel(
  charge: ExtraChargeStatus,
  extraCount: number,
  amountCents: number,
  currency: string,
): string | null {
  if (charge === 'none' || extraCount === 0) return null;
  const price = `${extraCount} extra photo${extraCount === 1 ? '' : 's'}: ${formatMoney(amountCents, currency)}`;
  switch (charge) {
    case 'due_at_studio':
      return `${price} due at the studio — nothing is charged online`;
    case 'awaiting_payment':
      return `${price} — waiting for the online payment`;
    case 'paid':
      return `${price} — paid online`;
  }
}

export function toSelectionSummary(
  booking: BookingRecord,
  gallery: Gallery | null,
  selectedCount: number,
): SelectionSummaryDto {
  const charge = gallery?.extraCharge ?? 'none';
  const extraCount = gallery?.extraCount ?? 0;
  const amount = gallery?.extraAmountCents ?? 0;
  return {
    count: selectedCount,
    includedImages: booking.price.includedImages,
    extraCount,
    extraImagePriceCents: booking.price.extraImagePriceCents,
    extraAmountCents: amount,
    currency: booking.price.currency,
    extraCharge: charge,
    extraChargeLabel: extraChargeLabel(charge, extraCount, amount, booking.price.currency),
    checkoutUrl: charge === 'awaiting_payment' ? (gallery?.checkoutUrl ?? null) : null,
    submittedAt: gallery?.selectionSubmittedAt?.toISOString() ?? null,
  };
}

/** A file name safe for disks and archives; multer hands names over as latin1. */
export function cleanFileName(raw: string | undefined, fallback: string): string {
  const utf8 = Buffer.from(raw ?? '', 'latin1').toString('utf8');
  const name = [...utf8]
    .map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? '_' : c))
    .join('')
    .trim()
    .slice(-120);
  return name || fallback;
}
