import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { PhotographersModule } from '../photographers/photographers.module';
import { UsersModule } from '../users/users.module';
import { CalendarAccountCleanup } from './calendar-account-cleanup.service';
import { CalendarBusyService } from './calendar-busy.service';
import { CalendarExpansion } from './calendar-expansion.service';
import { CalendarReader } from './calendar-reader.service';
import { CalendarSyncHooks } from './calendar-sync-hooks.service';
import { CalendarSyncService } from './calendar-sync.service';
import { CalendarWritesService } from './calendar-writes.service';
import { CalendarsController } from './calendars.controller';
import { CalendarsRepository } from './calendars.repository';
import { CalendarsService } from './calendars.service';
import { CredentialSealer } from './domain/credentials';
import { CalendarObject, CalendarWrite, ExternalCalendar } from './external-calendar.entity';

/**
 * "Their calendars in" (issue #15): photographers connect iCalendar addresses and CalDAV accounts;
 * their busy time blocks slots; bookings are written into CalDAV calendars. Never imports
 * bookings: bookings asks for busy time and registers for after-sync work (CalendarSyncHooks).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ExternalCalendar, CalendarObject, CalendarWrite]),
    PhotographersModule,
    UsersModule,
  ],
  controllers: [CalendarsController],
  providers: [
    CalendarsRepository,
    CalendarReader,
    CalendarSyncService,
    CalendarExpansion,
    CalendarSyncHooks,
    CalendarBusyService,
    CalendarWritesService,
    CalendarsService,
    CalendarAccountCleanup,
    {
      provide: CredentialSealer,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new CredentialSealer(config.calendars.secretKey),
    },
  ],
  exports: [CalendarBusyService, CalendarWritesService, CalendarSyncHooks],
})
export class CalendarsModule {}
