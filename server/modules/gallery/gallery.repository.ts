import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, In, type Repository } from 'typeorm';
import type { GalleryImageKind } from '../../../shared/gallery/gallery.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { AuditLog } from '../audit/audit-log.service';
import { Gallery } from './gallery.entity';
import { GalleryImage } from './gallery-image.entity';

/** A gallery change that the audit trail (and so the email job) should know about. */
export interface GalleryEvent {
  action: 'publish_proofs' | 'submit_selection' | 'post_review';
  toStatus: string;
  details: Record<string, unknown>;
}

@Injectable()
export class GalleryRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Gallery) private readonly galleries: Repository<Gallery>,
    @InjectRepository(GalleryImage) private readonly images: Repository<GalleryImage>,
    private readonly auditLog: AuditLog,
  ) {}

  galleryOf(bookingId: string): Promise<Gallery | null> {
    return this.galleries.findOneBy({ bookingId });
  }

  galleriesOf(bookingIds: string[]): Promise<Gallery[]> {
    return bookingIds.length
      ? this.galleries.findBy({ bookingId: In(bookingIds) })
      : Promise.resolve([]);
  }

  /** The gallery row, created on first use (concurrent first uses agree on one row). */
  async ensureGallery(bookingId: string, now: Date): Promise<Gallery> {
    const existing = await this.galleryOf(bookingId);
    if (existing) return existing;
    await this.galleries
      .createQueryBuilder()
      .insert()
      .values(blankGallery(bookingId, now))
      .orIgnore()
      .execute();
    return this.galleries.findOneByOrFail({ bookingId });
  }

  imagesOf(bookingId: string, kind?: GalleryImageKind): Promise<GalleryImage[]> {
    return this.images.find({
      where: kind ? { bookingId, kind } : { bookingId },
      order: { createdAt: 'ASC', fileName: 'ASC' },
    });
  }

  /** Counts per booking, for dashboards. */
  async countsOf(
    bookingIds: string[],
  ): Promise<Map<string, { proofs: number; selected: number; finals: number }>> {
    const counts = new Map<string, { proofs: number; selected: number; finals: number }>();
    if (bookingIds.length === 0) return counts;
    const rows = await this.images.find({
      where: { bookingId: In(bookingIds) },
      select: { bookingId: true, kind: true, selected: true },
    });
    for (const row of rows) {
      const c = counts.get(row.bookingId) ?? { proofs: 0, selected: 0, finals: 0 };
      if (row.kind === 'final') c.finals += 1;
      else {
        c.proofs += 1;
        if (row.selected) c.selected += 1;
      }
      counts.set(row.bookingId, c);
    }
    return counts;
  }

  imageById(id: string): Promise<GalleryImage | null> {
    return this.images.findOneBy({ id });
  }

  finalOf(proofId: string): Promise<GalleryImage | null> {
    return this.images.findOneBy({ proofId, kind: 'final' });
  }

  insertImage(image: GalleryImage): Promise<GalleryImage> {
    return this.images.save(image);
  }

  /** A new final for a proof replaces the previous one (row kept, files swapped). */
  async replaceFinal(existing: GalleryImage, next: GalleryImage): Promise<GalleryImage> {
    await this.images.update(
      { id: existing.id },
      {
        fileName: next.fileName,
        originalKey: next.originalKey,
        previewKey: next.previewKey,
        thumbKey: next.thumbKey,
        width: next.width,
        height: next.height,
        bytes: next.bytes,
        crc: next.crc,
        createdAt: next.createdAt,
      },
    );
    return this.images.findOneByOrFail({ id: existing.id });
  }

  async publishProofs(bookingId: string, auth: AuthContext, event: GalleryEvent, now: Date) {
    await this.dataSource.transaction(async (manager) => {
      await manager.update(Gallery, { bookingId }, { proofsPublishedAt: now, updatedAt: now });
      await this.audit(manager, bookingId, auth, event, now);
    });
  }

  /** Marks exactly `imageIds` as the selection, updates what extras cost, and audits it: one transaction. */
  async saveSelection(
    bookingId: string,
    imageIds: string[],
    patch: Partial<Gallery>,
    auth: AuthContext,
    event: GalleryEvent,
    now: Date,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.update(GalleryImage, { bookingId, kind: 'proof' }, { selected: false });
      await manager.update(
        GalleryImage,
        { bookingId, kind: 'proof', id: In(imageIds) },
        { selected: true },
      );
      await manager.update(
        Gallery,
        { bookingId },
        { ...patch, selectionSubmittedAt: now, updatedAt: now },
      );
      await this.audit(manager, bookingId, auth, event, now);
    });
  }

  async updateGallery(bookingId: string, patch: Partial<Gallery>): Promise<void> {
    await this.galleries.update({ bookingId }, patch);
  }

  /** Gallery events share the audit trail with bookings (subject `gallery`, id = booking id). */
  async audit(
    manager: EntityManager,
    bookingId: string,
    auth: AuthContext,
    event: GalleryEvent,
    now: Date,
  ): Promise<void> {
    await this.auditLog.append(
      manager,
      { type: 'gallery', id: bookingId },
      {
        action: event.action,
        fromStatus: null,
        toStatus: event.toStatus,
        actorId: auth.userId,
        actorRole: auth.role,
        details: event.details,
      },
      now,
    );
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}

function blankGallery(bookingId: string, now: Date): Gallery {
  return Object.assign(new Gallery(), {
    id: randomUUID(),
    bookingId,
    proofsPublishedAt: null,
    selectionSubmittedAt: null,
    extraCount: 0,
    extraAmountCents: 0,
    extraCharge: 'none',
    checkoutUrl: null,
    deliveredAt: null,
    createdAt: now,
    updatedAt: now,
  } satisfies Partial<Gallery>);
}
