import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PhotographersModule } from '../photographers/photographers.module';
import { UsersModule } from '../users/users.module';
import { AuditEvent } from './audit-event.entity';
import { Booking } from './booking.entity';
import { PaymentsModule } from '../payments/payments.module';
import { BookingPaymentsService } from './booking-payments.service';
import { BookingCalendarService } from './booking-calendar.service';
import { BookingWriter, PostgresBookingWriter, SqliteBookingWriter } from './booking-writer';
import { BookingsController, SlotsController } from './bookings.controller';
import { BookingsRepository } from './bookings.repository';
import { BookingsService } from './bookings.service';
import { EarningsController } from './earnings.controller';
import { HoldExpiryService } from './hold-expiry.service';
import { SlotsService } from './slots.service';

/** Slots, holds and the booking lifecycle, with the no-double-booking guarantee. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Booking, AuditEvent]),
    PhotographersModule,
    UsersModule,
    PaymentsModule,
  ],
  controllers: [BookingsController, SlotsController, EarningsController],
  providers: [
    BookingsRepository,
    BookingsService,
    BookingPaymentsService,
    BookingCalendarService,
    SlotsService,
    HoldExpiryService,
    {
      provide: BookingWriter,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) =>
        dataSource.options.type === 'postgres'
          ? new PostgresBookingWriter(dataSource)
          : new SqliteBookingWriter(dataSource),
    },
  ],
  exports: [BookingsService, SlotsService],
})
export class BookingsModule {}
