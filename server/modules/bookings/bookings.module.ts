import { Module } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DraftsModule } from '../drafts/drafts.module';
import { CalendarsModule } from '../calendars/calendars.module';
import { MediaModule } from '../media/media.module';
import { PhotographersModule } from '../photographers/photographers.module';
import { UsersModule } from '../users/users.module';
import { AuditLog } from '../audit/audit-log.service';
import { AuditModule } from '../audit/audit.module';
import { Booking } from './booking.entity';
import { DraftCredit } from './draft-credit.entity';
import { DraftCreditsController } from './draft-credits.controller';
import { DraftCreditsService } from './draft-credits.service';
import { PaymentsModule } from '../payments/payments.module';
import { BookingBalanceService } from './booking-balance.service';
import { BookingMoneyWriter } from './booking-money-writer';
import { BookingPaymentEvents } from './booking-payment-events';
import { BookingPaymentsService } from './booking-payments.service';
import { BookingPayoutsService } from './booking-payouts.service';
import { BookingCalendarConflicts } from './booking-calendar-conflicts.service';
import { BookingCalendarService } from './booking-calendar.service';
import { BookingCalendarWrites } from './booking-calendar-writes.service';
import { CalendarConflictsController } from './calendar-conflicts.controller';
import { BookingFeedService } from './booking-feed.service';
import { BookingWriter } from './booking-writer';
import { PostgresBookingWriter } from './postgres-booking-writer';
import { SqliteBookingWriter } from './sqlite-booking-writer';
import { BookingsController, SlotsController } from './bookings.controller';
import { BookingsRepository } from './bookings.repository';
import { BookingAccessService } from './booking-access.service';
import { BookingBriefsService } from './booking-briefs.service';
import { BookingCheckoutService } from './booking-checkout.service';
import { BookingHoldsService } from './booking-holds.service';
import { BookingsService } from './bookings.service';
import { DemoBookingsService } from './demo-bookings.service';
import { EarningsController } from './earnings.controller';
import { HoldExpiryService } from './hold-expiry.service';
import { SlotsService } from './slots.service';

/** Slots, holds and the booking lifecycle, with the no-double-booking guarantee. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Booking, DraftCredit]),
    AuditModule,
    PhotographersModule,
    UsersModule,
    PaymentsModule,
    // One way only: drafts never import bookings (a deleted draft tells bookings through the
    // DraftDeletionHooks that BookingBriefsService registers).
    DraftsModule,
    MediaModule,
    // One way only: calendars never import bookings (after a sync it tells the hooks below).
    CalendarsModule,
  ],
  controllers: [
    BookingsController,
    SlotsController,
    EarningsController,
    DraftCreditsController,
    CalendarConflictsController,
  ],
  providers: [
    BookingsRepository,
    BookingsService,
    BookingAccessService,
    BookingHoldsService,
    BookingBriefsService,
    BookingCheckoutService,
    BookingPaymentsService,
    BookingBalanceService,
    BookingPaymentEvents,
    BookingMoneyWriter,
    BookingPayoutsService,
    BookingCalendarService,
    BookingFeedService,
    BookingCalendarConflicts,
    BookingCalendarWrites,
    SlotsService,
    HoldExpiryService,
    DraftCreditsService,
    DemoBookingsService,
    {
      provide: BookingWriter,
      inject: [DataSource, APP_CONFIG, AuditLog],
      useFactory: (dataSource: DataSource, config: AppConfig, audit: AuditLog) =>
        dataSource.options.type === 'postgres'
          ? new PostgresBookingWriter(dataSource, config.bookings, audit)
          : new SqliteBookingWriter(dataSource, config.bookings, audit),
    },
  ],
  exports: [
    BookingsService,
    BookingAccessService,
    SlotsService,
    DraftCreditsService,
    DemoBookingsService,
    BookingCalendarService,
    BookingFeedService,
  ],
})
export class BookingsModule {}
