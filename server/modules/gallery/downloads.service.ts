import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { SignedLinkQuery } from '../../../shared/gallery/gallery.schema';
import type { DownloadsDto } from '../../../shared/gallery/gallery.types';
import type { AuthContext } from '../../common/auth/auth-context';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import type { BookingRecord } from '../bookings/bookings.types';
import type { BookingActor } from '../bookings/bookings.types';
import { BlobStorageGateway } from '../media/blob-storage.service';
import { checkLink, type LinkGrant, signLink } from './domain/download-links';
import { GalleryAccess } from './gallery-access';
import { GalleryError } from './gallery.errors';
import type { GalleryImage } from './gallery-image.entity';
import { GalleryRepository } from './gallery.repository';
import { zipStream } from './zip-stream';
import { Clock } from '../../common/clock';

export interface DownloadFile {
  stream: Readable;
  fileName: string;
  bytes: number | null;
}

/**
 * Finals leave only through links that are both authorised and expiring: the caller must be the
 * booking's client (once delivered), its photographer or an admin — anyone else gets 404 — and
 * the link must carry a valid HMAC for that file, that person and a time not yet past (410 after).
 */
@Injectable()
export class DownloadsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: GalleryAccess,
    private readonly repository: GalleryRepository,
    private readonly blobs: BlobStorageGateway,
    private readonly clock: Clock,
  ) {}

  async links(auth: AuthContext, bookingId: string): Promise<DownloadsDto> {
    const now = this.clock.now();
    const { booking, actor } = await this.access.booking(auth, bookingId, now);
    assertMayDownload(booking, actor);
    const finals = await this.repository.imagesOf(bookingId, 'final');
    const expires = Math.floor(now.getTime() / 1000) + this.config.delivery.linkTtlMinutes * 60;
    const link = (subject: string, path: string) => {
      const sig = signLink(this.config.delivery.linkSecret, {
        subject,
        userId: auth.userId,
        expires,
      });
      return `${path}?expires=${expires}&sig=${sig}`;
    };
    return {
      bookingId,
      expiresAt: new Date(expires * 1000).toISOString(),
      zip: {
        imageId: null,
        fileName: zipName(booking),
        bytes: null,
        url: link(`zip:${bookingId}`, `/api/bookings/${bookingId}/gallery/finals.zip`),
      },
      finals: finals.map((f) => ({
        imageId: f.id,
        fileName: f.fileName,
        bytes: f.bytes,
        url: link(`image:${f.id}`, `/api/gallery-images/${f.id}/download`),
      })),
    };
  }

  async openFinal(
    auth: AuthContext,
    imageId: string,
    query: SignedLinkQuery,
  ): Promise<DownloadFile> {
    const now = this.clock.now();
    const { image, booking, actor } = await this.access.image(auth, imageId, now);
    if (image.kind !== 'final') throw GalleryError.imageNotFound();
    assertMayDownload(booking, actor);
    this.checkLink(
      { subject: `image:${image.id}`, userId: auth.userId, expires: query.expires },
      query.sig,
      now,
    );
    return {
      stream: await this.blobs.open(image.originalKey),
      fileName: image.fileName,
      bytes: image.bytes,
    };
  }

  /** All finals as one ZIP, streamed file by file (never assembled in memory). */
  async openZip(
    auth: AuthContext,
    bookingId: string,
    query: SignedLinkQuery,
  ): Promise<DownloadFile> {
    const now = this.clock.now();
    const { booking, actor } = await this.access.booking(auth, bookingId, now);
    assertMayDownload(booking, actor);
    this.checkLink(
      { subject: `zip:${bookingId}`, userId: auth.userId, expires: query.expires },
      query.sig,
      now,
    );
    const finals = await this.repository.imagesOf(bookingId, 'final');
    const names = uniqueNames(finals);
    const stream = zipStream(
      finals.map((f, i) => ({
        name: names[i]!,
        size: f.bytes,
        crc32: f.crc >>> 0,
        modifiedAt: f.createdAt,
        open: () => this.blobs.stream(f.originalKey),
      })),
    );
    return { stream, fileName: zipName(booking), bytes: null };
  }

  private checkLink(grant: LinkGrant, sig: string, now: Date): void {
    const result = checkLink(this.config.delivery.linkSecret, grant, sig, now);
    if (result === 'invalid') throw GalleryError.linkInvalid();
    if (result === 'expired') throw GalleryError.linkExpired();
  }
}

function assertMayDownload(booking: BookingRecord, actor: BookingActor): void {
  if (actor === 'client' && booking.status !== 'delivered') throw GalleryError.notDelivered();
}

function zipName(booking: BookingRecord): string {
  const day = booking.startsAt.toISOString().slice(0, 10);
  return `lensbridge-finals-${day}-${booking.id.slice(0, 8)}.zip`;
}

/** Two finals called "IMG_1.jpg" become "IMG_1.jpg" and "IMG_1 (2).jpg" in the archive. */
function uniqueNames(finals: GalleryImage[]): string[] {
  const seen = new Map<string, number>();
  return finals.map((f) => {
    const count = (seen.get(f.fileName) ?? 0) + 1;
    seen.set(f.fileName, count);
    return count === 1 ? f.fileName : f.fileName.replace(/(\.[^.]*)?$/, ` (${count})$1`);
  });
}
