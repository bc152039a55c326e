import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ReviewInput, ReviewReplyInput } from '../../../shared/gallery/gallery.schema';
import type { ReviewDto } from '../../../shared/gallery/gallery.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { isUniqueViolation } from '../../database/database-errors';
import { PhotographerCatalog } from '../photographers/photographer-catalog.service';
import { UsersService } from '../users/users.service';
import { GalleryAccess } from './gallery-access';
import { GalleryError } from './gallery.errors';
import { GalleryRepository } from './gallery.repository';
import { Review } from './review.entity';
import { ReviewsRepository } from './reviews.repository';
import { Clock } from '../../common/clock';

/** One review per delivered booking, one reply; the profile's average moves with each review. */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly access: GalleryAccess,
    private readonly reviews: ReviewsRepository,
    private readonly gallery: GalleryRepository,
    private readonly catalog: PhotographerCatalog,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async post(auth: AuthContext, bookingId: string, input: ReviewInput): Promise<ReviewDto> {
    const now = this.clock.now();
    const { booking } = await this.access.booking(auth, bookingId, now);
    if (booking.status !== 'delivered') throw GalleryError.reviewTooEarly();
    if (await this.reviews.existsFor(bookingId)) throw GalleryError.reviewExists();
    const review = Object.assign(new Review(), {
      id: randomUUID(),
      bookingId,
      photographerId: booking.photographerId,
      clientId: booking.clientId,
      rating: input.rating,
      text: input.text,
      reply: null,
      repliedAt: null,
      createdAt: now,
    } satisfies Partial<Review>);
    try {
      // The review, the profile's average and the audit event land together or not at all.
      await this.gallery.transaction(async (manager) => {
        await manager.insert(Review, review);
        await this.catalog.addRating(manager, booking.photographerId, input.rating);
        await this.gallery.audit(
          manager,
          bookingId,
          auth,
          { action: 'post_review', toStatus: 'reviewed', details: { rating: input.rating } },
          now,
        );
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw GalleryError.reviewExists();
      throw error;
    }
    return this.describe(review);
  }

  async reply(auth: AuthContext, bookingId: string, input: ReviewReplyInput): Promise<ReviewDto> {
    const now = this.clock.now();
    await this.access.booking(auth, bookingId, now);
    const review = await this.reviews.ofBooking(bookingId);
    if (!review) throw GalleryError.reviewNotFound();
    if (!(await this.reviews.setReplyOnce(review.id, input.text, now))) {
      throw GalleryError.replyExists();
    }
    return this.describe({ ...review, reply: input.text, repliedAt: now } as Review);
  }

  async ofBooking(auth: AuthContext, bookingId: string): Promise<ReviewDto | null> {
    const now = this.clock.now();
    await this.access.booking(auth, bookingId, now);
    const review = await this.reviews.ofBooking(bookingId);
    return review ? this.describe(review) : null;
  }

  /** Public: a listed photographer's latest reviews, clients named by first name and initial. */
  async ofPhotographer(photographerId: string): Promise<ReviewDto[]> {
    await this.catalog.listedProfile(photographerId);
    const reviews = await this.reviews.latestOf(photographerId, 50);
    return Promise.all(reviews.map((r) => this.describe(r, true)));
  }

  private async describe(review: Review, shortName = false): Promise<ReviewDto> {
    const client = await this.users.findById(review.clientId);
    // A deleted account keeps its reviews, by "Former client" (never shortened to an initial).
    const formerClient = !client || client.deletedAt !== null;
    const name = formerClient ? 'Former client' : client.name;
    return {
      id: review.id,
      bookingId: shortName ? '' : review.bookingId,
      rating: review.rating,
      text: review.text,
      clientName: shortName && !formerClient ? shorten(name) : name,
      reply: review.reply,
      repliedAt: review.repliedAt?.toISOString() ?? null,
      createdAt: review.createdAt.toISOString(),
    };
  }
}

function shorten(name: string): string {
  const [first, ...rest] = name.trim().split(/\s+/);
  const last = rest.at(-1);
  return last ? `${first} ${last[0]}.` : (first ?? name);
}
