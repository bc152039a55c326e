import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import type { GalleryImageDto } from '../../../shared/gallery/gallery.types';
import type { AuthContext } from '../../common/auth/auth-context';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { BookingsService } from '../bookings/bookings.service';
import { BlobStorageGateway } from '../media/blob-storage.service';
import { GalleryRenditionsService } from '../media/gallery-renditions.service';
import { MediaError } from '../media/media.errors';
import { copyrightNotice, finalProvenanceXmp, usageLicence } from './domain/provenance';
import { GalleryAccess } from './gallery-access';
import { GalleryError } from './gallery.errors';
import { cleanFileName, toGalleryImageDto } from './gallery.mappers';
import { GalleryImage } from './gallery-image.entity';
import { GalleryRepository } from './gallery.repository';
import type { UploadedFile } from './proofs.service';

export const LICENCE_PATH = '/api/licences/portrait';

/**
 * Finals: one retouched file per selected proof, with provenance; then delivery.
 * At six collaborators already, so methods that need the time take `now` from the controller,
 * which reads `Clock`.
 */
@Injectable()
export class FinalsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: GalleryAccess,
    private readonly repository: GalleryRepository,
    private readonly renditions: GalleryRenditionsService,
    private readonly blobs: BlobStorageGateway,
    private readonly bookings: BookingsService,
  ) {}

  /** Uploading a final for a proof again replaces the earlier one. */
  async upload(
    auth: AuthContext,
    bookingId: string,
    proofId: string,
    file: UploadedFile | undefined,
    now: Date,
  ): Promise<GalleryImageDto> {
    const { booking } = await this.access.booking(auth, bookingId, now);
    if (booking.status !== 'completed') throw GalleryError.notOpen(booking.status);
    if (!file) throw MediaError.fileMissing('image');
    const proof = await this.repository.imageById(proofId);
    if (!proof || proof.bookingId !== bookingId || proof.kind !== 'proof') {
      throw GalleryError.imageNotFound();
    }
    if (!proof.selected) throw GalleryError.notSelected();

    const parties = await this.access.parties(booking, now);
    const provenance = {
      photographerName: parties.photographerName,
      clientName: parties.clientName,
      packageName: booking.price.packageName,
      year: DateTime.fromJSDate(booking.startsAt, { zone: booking.timeZone }).year,
      licenceUrl: `${this.config.publicUrl}${LICENCE_PATH}`,
    };
    const fileName = jpegName(cleanFileName(file.originalname, `${proof.fileName}`));
    const id = randomUUID();
    const prefix = `galleries/${bookingId}/finals/${id}`;
    const made = await this.renditions.make(file, {
      kind: 'final',
      prefix,
      xmp: finalProvenanceXmp(provenance),
      credentials: {
        fileName,
        photographerName: provenance.photographerName,
        copyright: copyrightNotice(provenance),
        licence: usageLicence(provenance),
        licenceUrl: provenance.licenceUrl,
      },
    });
    const next = Object.assign(new GalleryImage(), {
      id,
      bookingId,
      kind: 'final',
      proofId,
      fileName,
      originalKey: `${prefix}/original.jpg`,
      previewKey: `${prefix}/preview.jpg`,
      thumbKey: `${prefix}/thumb.jpg`,
      width: made.width,
      height: made.height,
      bytes: made.bytes,
      crc: made.crc32 | 0,
      selected: false,
      createdAt: now,
    } satisfies Partial<GalleryImage>);
    const existing = await this.repository.finalOf(proofId);
    if (!existing) return toGalleryImageDto(await this.repository.insertImage(next));
    const replaced = await this.repository.replaceFinal(existing, next);
    await this.blobs.deletePrefix(`galleries/${bookingId}/finals/${existing.id}/`);
    return toGalleryImageDto(replaced);
  }

  /** Every selected photo has its final (and extras are paid or due at the studio): deliver. */
  async deliver(auth: AuthContext, bookingId: string, now: Date): Promise<void> {
    const { booking, gallery } = await this.access.booking(auth, bookingId, now);
    if (booking.status !== 'completed') throw GalleryError.notOpen(booking.status);
    const images = await this.repository.imagesOf(bookingId);
    const finalOf = new Set(images.filter((i) => i.kind === 'final').map((i) => i.proofId));
    const selected = images.filter((i) => i.kind === 'proof' && i.selected);
    const missing = selected.filter((p) => !finalOf.has(p.id)).map((p) => p.id);
    if (selected.length === 0 || missing.length > 0) throw GalleryError.finalsMissing(missing);
    if (gallery?.extraCharge === 'awaiting_payment') throw GalleryError.extraPaymentPending();
    await this.bookings.markDelivered(auth, bookingId);
    await this.repository.updateGallery(bookingId, { deliveredAt: now, updatedAt: now });
  }
}

function jpegName(name: string): string {
  return name.replace(/\.(jpe?g|png|webp|heic|tiff?)$/i, '') + '.jpg';
}
