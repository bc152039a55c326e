import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import { Review } from './review.entity';

@Injectable()
export class ReviewsRepository {
  constructor(@InjectRepository(Review) private readonly reviews: Repository<Review>) {}

  ofBooking(bookingId: string): Promise<Review | null> {
    return this.reviews.findOneBy({ bookingId });
  }

  async existsFor(bookingId: string): Promise<boolean> {
    return (await this.reviews.countBy({ bookingId })) > 0;
  }

  latestOf(photographerId: string, limit: number): Promise<Review[]> {
    return this.reviews.find({
      where: { photographerId },
      order: { createdAt: 'DESC' },
      take: limit,
    });
  }

  /** The one reply: false when there already was one. */
  async setReplyOnce(reviewId: string, reply: string, now: Date): Promise<boolean> {
    const result = await this.reviews.update(
      { id: reviewId, reply: IsNull() },
      { reply, repliedAt: now },
    );
    return (result.affected ?? 0) > 0;
  }
}
