import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { BookingStatus } from '../../../shared/bookings/bookings.types';
import type { DeliverySummaryDto, GalleryDto } from '../../../shared/gallery/gallery.types';
import type { AuthContext } from '../../common/auth/auth-context';
import type { BookingRecord } from '../bookings/bookings.types';
import { BookingsService } from '../bookings/bookings.service';
import { BlobStorageGateway } from '../media/blob-storage.service';
import { deliveryPromise } from '../../../shared/gallery/delivery-promise';
import { GalleryAccess } from './gallery-access';
import type { Gallery } from './gallery.entity';
import { stageOf, toGalleryImageDto, toSelectionSummary } from './gallery.mappers';
import { GalleryRepository } from './gallery.repository';
import { ReviewsRepository } from './reviews.repository';
import { Clock } from '../../common/clock';

/** Statuses a delivery dashboard lists: sessions that happened (or should have). */
const DASHBOARD_STATUSES: BookingStatus[] = ['confirmed', 'rescheduled', 'completed', 'delivered'];
const FLAG_ORDER = ['overdue', 'due_soon', 'on_track', 'delivered_late', 'delivered'];

/** What a gallery looks like to whoever asks, and the delivery dashboards. */
@Injectable()
export class GalleryViewService {
  constructor(
    private readonly access: GalleryAccess,
    private readonly repository: GalleryRepository,
    private readonly bookings: BookingsService,
    private readonly blobs: BlobStorageGateway,
    private readonly reviews: ReviewsRepository,
    private readonly clock: Clock,
  ) {}

  async view(auth: AuthContext, bookingId: string): Promise<GalleryDto> {
    const now = this.clock.now();
    const { booking, actor, gallery } = await this.access.booking(auth, bookingId, now);
    const parties = await this.access.parties(booking, now);
    const images = await this.repository.imagesOf(bookingId);
    const allProofs = images.filter((i) => i.kind === 'proof');
    const allFinals = images.filter((i) => i.kind === 'final');
    const isClient = actor === 'client';
    const delivered = booking.status === 'delivered';
    const proofs = !isClient || gallery?.proofsPublishedAt ? allProofs : [];
    const finals = !isClient || delivered ? allFinals : [];
    const selected = allProofs.filter((p) => p.selected);
    const finalOf = new Set(allFinals.map((f) => f.proofId));
    const open = booking.status === 'completed';
    const isPhotographer = actor === 'photographer';
    const reviewed = delivered && (await this.reviews.existsFor(bookingId));
    return {
      bookingId,
      bookingStatus: booking.status,
      stage: stageOf(booking, gallery),
      viewer: actor === 'system' ? 'admin' : actor,
      photographerName: parties.photographerName,
      clientName: parties.clientName,
      packageName: booking.price.packageName,
      sessionStartsAt: booking.startsAt.toISOString(),
      timeZone: booking.timeZone,
      promise: this.promiseOf(booking, gallery, now),
      proofsPublishedAt: gallery?.proofsPublishedAt?.toISOString() ?? null,
      proofs: proofs.map(toGalleryImageDto),
      finals: finals.map(toGalleryImageDto),
      selection: toSelectionSummary(booking, gallery, selected.length),
      can: {
        uploadProofs: isPhotographer && open,
        publishProofs:
          isPhotographer && open && allProofs.length > 0 && !gallery?.proofsPublishedAt,
        select: isClient && open && Boolean(gallery?.proofsPublishedAt),
        uploadFinals: isPhotographer && open && selected.length > 0,
        deliver:
          isPhotographer &&
          open &&
          selected.length > 0 &&
          selected.every((p) => finalOf.has(p.id)) &&
          gallery?.extraCharge !== 'awaiting_payment',
        download: finals.length > 0 && (!isClient || delivered),
        review: isClient && delivered && !reviewed,
      },
    };
  }

  /** The delivery dashboard: what is overdue and due soon first, then the rest. */
  async deliveries(auth: AuthContext): Promise<DeliverySummaryDto[]> {
    const now = this.clock.now();
    const pages = await Promise.all(
      DASHBOARD_STATUSES.map((status) =>
        this.bookings.list(auth, { status, page: 1, pageSize: 100 }),
      ),
    );
    const dtos = pages
      .flatMap((p) => p.items)
      .filter(
        (b) =>
          b.status === 'completed' ||
          b.status === 'delivered' ||
          Date.parse(b.startsAt) <= now.getTime(),
      );
    const ids = dtos.map((b) => b.id);
    const galleries = new Map(
      (await this.repository.galleriesOf(ids)).map((g) => [g.bookingId, g]),
    );
    const counts = await this.repository.countsOf(ids);
    const summaries = dtos.map((b): DeliverySummaryDto => {
      const gallery = galleries.get(b.id) ?? null;
      const c = counts.get(b.id) ?? { proofs: 0, selected: 0, finals: 0 };
      const asBooking = { status: b.status } as BookingRecord;
      return {
        bookingId: b.id,
        status: b.status,
        clientName: b.client.name,
        photographerName: b.photographer.name,
        packageName: b.price.packageName,
        sessionStartsAt: b.startsAt,
        timeZone: b.timeZone,
        stage: stageOf(asBooking, gallery),
        promise: deliveryPromise({
          sessionStartsAt: new Date(b.startsAt),
          deliveryDays: b.price.deliveryDays,
          timeZone: b.timeZone,
          deliveredAt: b.status === 'delivered' ? (gallery?.deliveredAt ?? now) : null,
          now,
        }),
        proofCount: auth.role === 'client' && !gallery?.proofsPublishedAt ? 0 : c.proofs,
        selectedCount: c.selected,
        finalCount: auth.role === 'client' && b.status !== 'delivered' ? 0 : c.finals,
      };
    });
    return summaries.sort(
      (a, b) =>
        FLAG_ORDER.indexOf(a.promise.flag) - FLAG_ORDER.indexOf(b.promise.flag) ||
        Date.parse(a.promise.dueAt) - Date.parse(b.promise.dueAt),
    );
  }

  async rendition(
    auth: AuthContext,
    imageId: string,
    rendition: 'thumb' | 'preview',
  ): Promise<Readable> {
    const now = this.clock.now();
    const { image } = await this.access.image(auth, imageId, now);
    return this.blobs.open(rendition === 'thumb' ? image.thumbKey : image.previewKey);
  }

  promiseOf(booking: BookingRecord, gallery: Gallery | null, now: Date) {
    return deliveryPromise({
      sessionStartsAt: booking.startsAt,
      deliveryDays: booking.price.deliveryDays,
      timeZone: booking.timeZone,
      deliveredAt:
        booking.status === 'delivered' ? (gallery?.deliveredAt ?? booking.updatedAt) : null,
      now,
    });
  }
}
