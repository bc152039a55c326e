import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { type Clock, ClockModule } from './common/clock';
import { HttpExceptionFilter } from './common/http/http-exception.filter';
import { RejectNulCharacterPipe } from './common/http/nul-character.pipe';
import { createValidationPipe } from './common/http/validation.pipe';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AccountsModule } from './modules/accounts/accounts.module';
import { AdminModule } from './modules/admin/admin.module';
import { AuthModule } from './modules/auth/auth.module';
import { BookingsModule } from './modules/bookings/bookings.module';
import { CalendarsModule } from './modules/calendars/calendars.module';
import { CalendarFeedsModule } from './modules/calendar-feeds/calendar-feeds.module';
import { CompareModule } from './modules/compare/compare.module';
import { DirectoryModule } from './modules/directory/directory.module';
import { DraftsModule } from './modules/drafts/drafts.module';
import { GalleryModule } from './modules/gallery/gallery.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { PaymentsModule } from './modules/payments/payments.module';
import { HealthModule } from './modules/health/health.module';
import { RedisModule } from './modules/redis/redis.module';
import { SchedulingModule } from './modules/scheduling/scheduling.module';
import { PhotographersModule } from './modules/photographers/photographers.module';
import { ProvenanceModule } from './modules/provenance/provenance.module';
import { SeedModule } from './modules/seed/seed.module';
import { UsersModule } from './modules/users/users.module';

@Module({})
export class AppModule {
  /** `clock`: the time the services read (tests pass their own; the system clock otherwise). */
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        DatabaseModule,
        RedisModule,
        SchedulingModule,
        UsersModule,
        AuthModule,
        HealthModule,
        ProvenanceModule,
        SeedModule,
        AdminModule,
        PhotographersModule,
        BookingsModule,
        CalendarFeedsModule,
        CalendarsModule,
        DirectoryModule,
        CompareModule,
        PaymentsModule,
        DraftsModule,
        GalleryModule,
        NotificationsModule,
        AccountsModule,
      ],
      providers: [
        // First: no NUL character anywhere in the input (PostgreSQL cannot store it).
        { provide: APP_PIPE, useClass: RejectNulCharacterPipe },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
      ],
    };
  }
}
