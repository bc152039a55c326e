import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';
import type { BookingRecord } from '../bookings/bookings.types';
import { BookingAccessService } from '../bookings/booking-access.service';
import type { BookingActor } from '../bookings/bookings.types';
import type { Gallery } from './gallery.entity';
import { ExtraPayments } from './extra-payments';
import { GalleryError } from './gallery.errors';
import type { GalleryImage } from './gallery-image.entity';
import { GalleryRepository } from './gallery.repository';

export interface Parties {
  photographerName: string;
  clientName: string;
  studioAddress: string | null;
  city: string;
}

export interface BookingAccess {
  booking: BookingRecord;
  actor: BookingActor;
  gallery: Gallery | null;
}

/**
 * Who may see what. Only the booking's client, its photographer and admins reach a gallery;
 * everyone else gets 404 (BookingAccessService.load). The client sees proofs once shared and finals
 * once delivered; before that those photos do not exist for them.
 */
@Injectable()
export class GalleryAccess {
  constructor(
    private readonly bookings: BookingAccessService,
    private readonly repository: GalleryRepository,
    private readonly extras: ExtraPayments,
  ) {}

  async booking(auth: AuthContext, bookingId: string, now: Date): Promise<BookingAccess> {
    const { booking, actor } = await this.bookings.load(auth, bookingId, now);
    // An online charge for extras that was paid since the last look counts as paid.
    const gallery = await this.extras.settle(booking, await this.repository.galleryOf(bookingId));
    return { booking, actor, gallery };
  }

  async parties(booking: BookingRecord, now: Date): Promise<Parties> {
    const dto = await this.bookings.describe(booking, 'admin', now);
    return {
      photographerName: dto.photographer.name,
      clientName: dto.client.name,
      studioAddress: dto.photographer.studioAddress,
      city: dto.photographer.city,
    };
  }

  async image(
    auth: AuthContext,
    imageId: string,
    now: Date,
  ): Promise<BookingAccess & { image: GalleryImage }> {
    const image = await this.repository.imageById(imageId);
    if (!image) throw GalleryError.imageNotFound();
    let access: BookingAccess;
    try {
      access = await this.booking(auth, image.bookingId, now);
    } catch (error) {
      if (error instanceof DomainError && error.kind === ErrorKind.NotFound) {
        throw GalleryError.imageNotFound();
      }
      throw error;
    }
    if (access.actor === 'client' && !clientSees(image, access)) throw GalleryError.imageNotFound();
    return { ...access, image };
  }
}

export function clientSees(image: GalleryImage, access: BookingAccess): boolean {
  return image.kind === 'proof'
    ? Boolean(access.gallery?.proofsPublishedAt)
    : access.booking.status === 'delivered';
}
