import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type BookingIdParam,
  bookingIdParamSchema,
  type ReviewInput,
  type ReviewReplyInput,
  reviewReplySchema,
  reviewSchema,
} from '../../../shared/gallery/gallery.schema';
import type { ReviewDto } from '../../../shared/gallery/gallery.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth, Roles } from '../../common/auth/decorators';
import { ReviewsService } from './reviews.service';

@ApiTags('reviews')
@Controller('bookings/:id/review')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @ApiOperation({ summary: 'The review of this booking, or null' })
  @Get()
  get(
    @Auth() auth: AuthContext,
    @Param({ schema: bookingIdParamSchema }) p: BookingIdParam,
  ): Promise<ReviewDto | null> {
    return this.reviews.ofBooking(auth, p.id);
  }

  @ApiOperation({ summary: 'Rate (1–5) and review once, after delivery (409 before, 409 twice)' })
  @Roles('client')
  @Post()
  post(
    @Auth() auth: AuthContext,
    @Param({ schema: bookingIdParamSchema }) p: BookingIdParam,
    @Body({ schema: reviewSchema }) input: ReviewInput,
  ): Promise<ReviewDto> {
    return this.reviews.post(auth, p.id, input);
  }

  @ApiOperation({ summary: 'The photographer’s one public reply' })
  @Roles('photographer')
  @Post('reply')
  reply(
    @Auth() auth: AuthContext,
    @Param({ schema: bookingIdParamSchema }) p: BookingIdParam,
    @Body({ schema: reviewReplySchema }) input: ReviewReplyInput,
  ): Promise<ReviewDto> {
    return this.reviews.reply(auth, p.id, input);
  }
}
