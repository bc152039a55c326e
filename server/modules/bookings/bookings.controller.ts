import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import type { Response } from 'express';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  type BookingListQuery,
  bookingListQuerySchema,
  type CreateBookingInput,
  createBookingSchema,
  type DeclineInput,
  declineSchema,
  type RescheduleInput,
  rescheduleSchema,
} from '../../../shared/bookings/bookings.schema';
import type {
  BookingLedgerDto,
  AuditEventDto,
  BookingDto,
  CancellationPreviewDto,
} from '../../../shared/bookings/bookings.types';
import type { Page } from '../../../shared/admin/admin.types';
import {
  type IdParam,
  idParamSchema,
  type RescheduleSlotsQuery,
  rescheduleSlotsQuerySchema,
  type SlotsQuery,
  slotsQuerySchema,
} from '../../../shared/photographers/photographers.schema';
import type { SlotsDto } from '../../../shared/photographers/photographers.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth, Public, Roles, VerifiedEmail } from '../../common/auth/decorators';
import { BookingCalendarService } from './booking-calendar.service';
import { BookingBriefsService } from './booking-briefs.service';
import { BookingCheckoutService } from './booking-checkout.service';
import { BookingHoldsService } from './booking-holds.service';
import { BookingsService } from './bookings.service';
import { SlotsService } from './slots.service';

@ApiTags('bookings')
@Controller('bookings')
export class BookingsController {
  constructor(
    private readonly bookings: BookingsService,
    private readonly holds: BookingHoldsService,
    private readonly briefs: BookingBriefsService,
    private readonly checkouts: BookingCheckoutService,
    private readonly calendar: BookingCalendarService,
  ) {}

  @ApiOperation({
    summary:
      'Hold a slot for checkout (201 held; 409 SLOT_TAKEN / SLOT_UNAVAILABLE; 403 EMAIL_NOT_VERIFIED)',
  })
  @Roles('client')
  @VerifiedEmail()
  @Post()
  hold(
    @Auth() auth: AuthContext,
    @Body({ schema: createBookingSchema }) input: CreateBookingInput,
  ): Promise<BookingDto> {
    return this.holds.hold(auth, input);
  }

  @ApiOperation({
    summary: 'My bookings (clients), my studio’s bookings (photographers), all (admins)',
  })
  @Get()
  list(
    @Auth() auth: AuthContext,
    @Query({ schema: bookingListQuerySchema }) query: BookingListQuery,
  ): Promise<Page<BookingDto>> {
    return this.bookings.list(auth, query);
  }

  @ApiOperation({ summary: 'One booking, if I am its client, its photographer or an admin' })
  @Get(':id')
  get(
    @Auth() auth: AuthContext,
    @Param({ schema: idParamSchema }) params: IdParam,
  ): Promise<BookingDto> {
    return this.bookings.get(auth, params.id);
  }

  @ApiOperation({ summary: 'Every state change of the booking (audit trail)' })
  @Get(':id/events')
  events(
    @Auth() auth: AuthContext,
    @Param({ schema: idParamSchema }) params: IdParam,
  ): Promise<AuditEventDto[]> {
    return this.bookings.history(auth, params.id);
  }

  @ApiOperation({ summary: 'What cancelling now would refund, from the policy snapshot' })
  @Get(':id/cancellation-preview')
  preview(
    @Auth() auth: AuthContext,
    @Param({ schema: idParamSchema }) params: IdParam,
  ): Promise<CancellationPreviewDto> {
    return this.bookings.cancellationPreview(auth, params.id);
  }

  @ApiOperation({
    summary:
      "The brief's draft preview (watermarked JPEG, never HD) for the booking's client, photographer and admins; 404 BRIEF_NOT_FOUND once the draft is deleted",
  })
  @ApiProduces('image/jpeg')
  @Get(':id/brief/preview')
  async briefPreview(
    @Auth() auth: AuthContext,
    @Param({ schema: idParamSchema }) params: IdParam,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const stream = await this.briefs.preview(auth, params.id);
    // Someone's face, shown to one photographer: never kept by a shared cache or the browser.
    response.set('Cache-Control', 'private, no-store');
    return new StreamableFile(stream, {
      type: 'image/jpeg',
      disposition: `inline; filename="lensbridge-brief-${params.id.slice(0, 8)}.jpg"`,
    });
  }

  @ApiOperation({ summary: 'Calendar file (UTC times; the studio zone named)' })
  @ApiProduces('text/calendar')
  @Get(':id/calendar.ics')
  async calendarFile(
    @Auth() auth: AuthContext,
    @Param({ schema: idParamSchema }) params: IdParam,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const file = await this.calendar.calendarFile(auth, params.id);
    // Set only on success, so errors stay JSON.
    response.set({
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'attachment; filename="lensbridge-booking.ics"',
    });
    return file;
  }

  @ApiOperation({
    summary:
      'Client: open the hosted payment page for a held booking (deposit or full price; Stripe only)',
  })
  @Roles('client')
  @Post(':id/checkout')
  checkout(
    @Auth() auth: AuthContext,
    @Param({ schema: idParamSchema }) params: IdParam,
  ): Promise<{ url: string }> {
    return this.checkouts.open(auth, params.id);
  }

  @ApiOperation({ summary: "The booking's charges and refunds (receipts)" })
  @Get(':id/payments')
  payments(
    @Auth() auth: AuthContext,
    @Param({ schema: idParamSchema }) params: IdParam,
  ): Promise<BookingLedgerDto> {
    return this.bookings.ledger(auth, params.id);
  }

  @ApiOperation({
    summary:
      'Client: confirm a hold with manual payments (instant → confirmed, pay at the studio; approval → requested)',
  })
  @Roles('client')
  @HttpCode(200)
  @Post(':id/confirm')
  confirm(
    @Auth() auth: AuthContext,
    @Param({ schema: idParamSchema }) params: IdParam,
  ): Promise<BookingDto> {
    return this.bookings.act(auth, params.id, 'confirm');
  }

  @ApiOperation({ summary: 'Photographer: accept a requested booking' })
  @Roles('photographer')
  @HttpCode(200)
  @Post(':id/approve')
  approve(
    @Auth() auth: AuthContext,
    @Param({ schema: idParamSchema }) params: IdParam,
  ): Promise<BookingDto> {
    return this.bookings.act(auth, params.id, 'approve');
  }

  @ApiOperation({
    summary: 'Photographer: decline a requested booking, with an optional reason',
  })
  @Roles('photographer')
  @HttpCode(200)
  @Post(':id/decline')
  decline(
    @Auth() auth: AuthContext,
    @Param({ schema: idParamSchema }) params: IdParam,
    @Body({ schema: declineSchema }) body: DeclineInput,
  ): Promise<BookingDto> {
    return this.bookings.act(auth, params.id, 'decline', body.reason || undefined);
  }

  @ApiOperation({
    summary: 'Cancel (client: refund per the policy snapshot; photographer: full refund)',
  })
  @Roles('client', 'photographer')
  @HttpCode(200)
  @Post(':id/cancel')
  cancel(
    @Auth() auth: AuthContext,
    @Param({ schema: idParamSchema }) params: IdParam,
  ): Promise<BookingDto> {
    return this.bookings.act(auth, params.id, 'cancel');
  }

  @ApiOperation({
    summary: 'Free times this booking can move to (its own current time counts as free)',
  })
  @Roles('client', 'photographer')
  @Get(':id/reschedule-slots')
  rescheduleSlots(
    @Auth() auth: AuthContext,
    @Param({ schema: idParamSchema }) params: IdParam,
    @Query({ schema: rescheduleSlotsQuerySchema }) query: RescheduleSlotsQuery,
  ): Promise<SlotsDto> {
    return this.bookings.rescheduleSlots(auth, params.id, query);
  }

  @ApiOperation({ summary: 'Move to another free slot: same booking, no new charge' })
  @Roles('client', 'photographer')
  @HttpCode(200)
  @Post(':id/reschedule')
  reschedule(
    @Auth() auth: AuthContext,
    @Param({ schema: idParamSchema }) params: IdParam,
    @Body({ schema: rescheduleSchema }) input: RescheduleInput,
  ): Promise<BookingDto> {
    return this.bookings.reschedule(auth, params.id, input.startsAt);
  }

  @ApiOperation({ summary: 'Photographer: mark a confirmed session as done' })
  @Roles('photographer')
  @HttpCode(200)
  @Post(':id/complete')
  complete(
    @Auth() auth: AuthContext,
    @Param({ schema: idParamSchema }) params: IdParam,
  ): Promise<BookingDto> {
    return this.bookings.act(auth, params.id, 'complete');
  }

  @ApiOperation({ summary: 'Photographer: the client did not come' })
  @Roles('photographer')
  @HttpCode(200)
  @Post(':id/no-show')
  noShow(
    @Auth() auth: AuthContext,
    @Param({ schema: idParamSchema }) params: IdParam,
  ): Promise<BookingDto> {
    return this.bookings.act(auth, params.id, 'no_show');
  }
}

@ApiTags('photographers')
@Controller('photographers')
export class SlotsController {
  constructor(private readonly slots: SlotsService) {}

  @ApiOperation({ summary: 'Free start times (UTC) for a package, with the photographer’s zone' })
  @Public()
  @Get(':id/slots')
  list(
    @Param({ schema: idParamSchema }) params: IdParam,
    @Query({ schema: slotsQuerySchema }) query: SlotsQuery,
  ): Promise<SlotsDto> {
    return this.slots.slots(params.id, query);
  }
}
