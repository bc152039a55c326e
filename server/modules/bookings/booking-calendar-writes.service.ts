import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '../../common/clock';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { CalendarSyncHooks } from '../calendars/calendar-sync-hooks.service';
import { CalendarWritesService } from '../calendars/calendar-writes.service';
import { ScheduledWork } from '../scheduling/scheduled-work.service';
import { BookingFeedService } from './booking-feed.service';

/** How soon a confirmation, a reschedule or a cancellation reaches the photographer's calendar. */
const WRITE_EVERY_MS = 60_000;

/**
 * Confirmed bookings into the photographer's CalDAV calendars (issue #15, item 3): after each
 * sync of their calendars, and once a minute for every photographer who has one. Each run
 * compares what should be there with what was written, so only changes reach the server.
 */
@Injectable()
export class BookingCalendarWrites implements OnApplicationBootstrap {
  constructor(
    private readonly feed: BookingFeedService,
    private readonly writes: CalendarWritesService,
    private readonly hooks: CalendarSyncHooks,
    private readonly scheduled: ScheduledWork,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.hooks.register((userId) => this.writeFor(userId));
    if (this.config.calendars.syncMinutes > 0) {
      this.scheduled.every('calendar-writes', WRITE_EVERY_MS, () => this.writeAll());
    }
  }

  async writeFor(userId: string): Promise<void> {
    if (!(await this.writes.writesFor(userId))) return;
    await this.writes.reconcile(userId, await this.feed.eventsFor(userId, this.clock.now()));
  }

  async writeAll(): Promise<void> {
    for (const userId of await this.writes.photographersWriting()) await this.writeFor(userId);
  }
}
