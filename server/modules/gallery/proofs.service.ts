import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { SelectionInput } from '../../../shared/gallery/gallery.schema';
import type { UploadResultDto } from '../../../shared/gallery/gallery.types';
import { formatMoney } from '../../../shared/money';
import type { AuthContext } from '../../common/auth/auth-context';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { GalleryRenditionsService } from '../media/gallery-renditions.service';
import { MediaError } from '../media/media.errors';
import { ErrorKind } from '../../common/errors/domain-error';
import { ExtraPayments } from './extra-payments';
import { decideSelection } from './domain/selection-rules';
import { GalleryAccess } from './gallery-access';
import { GalleryError } from './gallery.errors';
import { cleanFileName, extraChargeLabel, toGalleryImageDto } from './gallery.mappers';
import { GalleryImage } from './gallery-image.entity';
import { GalleryRepository } from './gallery.repository';
import type { StoredUpload } from '../../common/http/uploads';

export type UploadedFile = StoredUpload;

/**
 * Proofs: upload (watermarked renditions, private originals), share, and the client's pick.
 * At six collaborators already, so methods that need the time take `now` from the controller,
 * which reads `Clock`.
 */
@Injectable()
export class ProofsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: GalleryAccess,
    private readonly repository: GalleryRepository,
    private readonly renditions: GalleryRenditionsService,
    private readonly extras: ExtraPayments,
  ) {}

  /** Each file is judged on its own: a bad one is rejected with its reason, the rest are kept. */
  async upload(
    auth: AuthContext,
    bookingId: string,
    files: UploadedFile[],
    now: Date,
  ): Promise<UploadResultDto> {
    const { booking } = await this.access.booking(auth, bookingId, now);
    if (booking.status !== 'completed') throw GalleryError.notOpen(booking.status);
    if (files.length === 0) throw MediaError.fileMissing('images');
    await this.repository.ensureGallery(bookingId, now);
    const watermark = (await this.access.parties(booking, now)).photographerName;
    const result: UploadResultDto = { accepted: [], rejected: [] };
    // Once processing is unavailable (no worker answered), the rest of the batch is not tried.
    let unavailable: MediaError | null = null;
    for (const [index, file] of files.entries()) {
      const fileName = cleanFileName(file.originalname, `proof-${index + 1}.jpg`);
      try {
        if (unavailable) throw unavailable;
        // One photo at a time, read by libvips from its file (or by a worker process from
        // storage): the batch waits on disk.
        const id = randomUUID();
        const prefix = `galleries/${bookingId}/proofs/${id}`;
        const made = await this.renditions.make(file, { kind: 'proof', prefix, watermark });
        const image = await this.repository.insertImage(
          Object.assign(new GalleryImage(), {
            id,
            bookingId,
            kind: 'proof',
            proofId: null,
            fileName,
            originalKey: `${prefix}/original.jpg`,
            previewKey: `${prefix}/preview.jpg`,
            thumbKey: `${prefix}/thumb.jpg`,
            width: made.width,
            height: made.height,
            bytes: made.bytes,
            crc: made.crc32 | 0,
            selected: false,
            // Keep the batch's order stable for the grid.
            createdAt: new Date(now.getTime() + index),
          } satisfies Partial<GalleryImage>),
        );
        result.accepted.push(toGalleryImageDto(image));
      } catch (error) {
        if (!(error instanceof MediaError)) throw error;
        if (error.kind === ErrorKind.Unavailable) unavailable = error;
        result.rejected.push({ fileName, code: error.code, message: error.message });
      }
    }
    // Nothing could be processed at all: a 503 to retry, not a list of bad files.
    if (result.accepted.length === 0 && unavailable) throw unavailable;
    if (result.accepted.length === 0) throw GalleryError.noImagesAccepted(result.rejected);
    return result;
  }

  /** Shares the proofs with the client (once); proofs added later appear for them straight away. */
  async publish(auth: AuthContext, bookingId: string, now: Date): Promise<void> {
    const { booking, gallery } = await this.access.booking(auth, bookingId, now);
    if (booking.status !== 'completed') throw GalleryError.notOpen(booking.status);
    const proofs = await this.repository.imagesOf(bookingId, 'proof');
    if (proofs.length === 0) throw GalleryError.noProofs();
    if (!gallery?.proofsPublishedAt) {
      await this.repository.publishProofs(
        bookingId,
        auth,
        { action: 'publish_proofs', toStatus: 'proofs_ready', details: { count: proofs.length } },
        now,
      );
    }
  }

  /**
   * The client's favourites. Over the included number only with `acceptExtraCharge`; otherwise
   * 402 naming the price. Manual provider: due at the studio; Stripe: one hosted checkout.
   */
  async select(
    auth: AuthContext,
    bookingId: string,
    input: SelectionInput,
    now: Date,
  ): Promise<void> {
    const { booking, gallery } = await this.access.booking(auth, bookingId, now);
    if (booking.status !== 'completed') throw GalleryError.notOpen(booking.status);
    if (!gallery?.proofsPublishedAt) throw GalleryError.proofsNotPublished();
    const proofIds = new Set((await this.repository.imagesOf(bookingId, 'proof')).map((p) => p.id));
    const unknown = input.imageIds.filter((id) => !proofIds.has(id));
    if (unknown.length > 0) throw GalleryError.selectionInvalid(unknown);

    const { price } = booking;
    const decision = decideSelection({
      count: input.imageIds.length,
      includedImages: price.includedImages,
      extraImagePriceCents: price.extraImagePriceCents,
      acceptExtraCharge: input.acceptExtraCharge,
      provider: this.extras.providerName,
      paidExtraCount: await this.extras.paidExtraCount(booking),
    });
    if (!decision.ok && decision.reason === 'extras_already_paid') {
      throw GalleryError.extrasAlreadyPaid();
    }
    if (!decision.ok) {
      const amount = formatMoney(decision.extraAmountCents, price.currency);
      throw GalleryError.extraPaymentRequired(
        {
          includedImages: price.includedImages,
          selectedCount: input.imageIds.length,
          extraCount: decision.extraCount,
          extraImagePriceCents: price.extraImagePriceCents,
          amountCents: decision.extraAmountCents,
          currency: price.currency,
          provider: this.extras.providerName,
          howToPay:
            this.extras.providerName === 'manual'
              ? 'Due at the studio — nothing is charged online'
              : 'Online checkout',
        },
        amount,
      );
    }
    let checkoutUrl: string | null = null;
    if (decision.charge === 'checkout') {
      checkoutUrl = await this.extras.startCheckout(auth, booking, decision.checkoutCents, now);
    }
    const charge = decision.charge === 'checkout' ? ('awaiting_payment' as const) : decision.charge;
    await this.repository.saveSelection(
      bookingId,
      input.imageIds,
      {
        extraCount: decision.extraCount,
        extraAmountCents: decision.extraAmountCents,
        extraCharge: charge,
        checkoutUrl,
      },
      auth,
      {
        action: 'submit_selection',
        toStatus: 'selection_submitted',
        details: {
          count: input.imageIds.length,
          extraCount: decision.extraCount,
          extraAmountCents: decision.extraAmountCents,
          extraChargeLabel: extraChargeLabel(
            charge,
            decision.extraCount,
            decision.extraAmountCents,
            price.currency,
          ),
        },
      },
      now,
    );
  }
}
