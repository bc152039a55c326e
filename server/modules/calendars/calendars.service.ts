import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { ConnectCalendarInput } from '../../../shared/calendars/calendars.schema';
import type {
  ExternalCalendarDto,
  ExternalCalendarListDto,
} from '../../../shared/calendars/calendars.types';
import { Clock } from '../../common/clock';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ScheduledWork } from '../scheduling/scheduled-work.service';
import { CalendarSyncHooks } from './calendar-sync-hooks.service';
import { CalendarSyncService } from './calendar-sync.service';
import { ExternalCalendarError } from './calendars.errors';
import { calendarDto } from './calendars.mappers';
import { CalendarsRepository } from './calendars.repository';

/** How many calendars one photographer may connect. */
export const CALENDAR_LIMIT = 10;
/** How often the scheduler looks for calendars due; each is read every CALENDAR_SYNC_MINUTES. */
const TICK_MS = 60_000;
/** Calendars read per tick at most (the rest wait for the next tick). */
const PER_TICK = 100;

/** A photographer's connected calendars: connect, list, sync, remove; the periodic sync. */
@Injectable()
export class CalendarsService implements OnApplicationBootstrap {
  constructor(
    private readonly repository: CalendarsRepository,
    private readonly sync: CalendarSyncService,
    private readonly hooks: CalendarSyncHooks,
    private readonly scheduled: ScheduledWork,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.calendars.syncMinutes > 0) {
      this.scheduled.every('calendar-sync', TICK_MS, () => this.syncDue());
    }
  }

  async list(userId: string): Promise<ExternalCalendarListDto> {
    const calendars = await this.repository.listByUser(userId);
    return {
      calendars: calendars.map(calendarDto),
      syncMinutes: this.config.calendars.syncMinutes,
      limit: CALENDAR_LIMIT,
    };
  }

  /** Reads the calendar first: one that cannot be read is refused with the reason (422). */
  async connect(userId: string, input: ConnectCalendarInput): Promise<ExternalCalendarDto> {
    if ((await this.repository.countByUser(userId)) >= CALENDAR_LIMIT) {
      throw ExternalCalendarError.limitReached(CALENDAR_LIMIT);
    }
    const calendar = await this.sync.connect(userId, input);
    await this.hooks.afterSync(userId);
    return calendarDto((await this.repository.findById(calendar.id)) ?? calendar);
  }

  async syncNow(userId: string, id: string): Promise<ExternalCalendarDto> {
    const calendar = await this.owned(userId, id);
    await this.sync.sync(calendar);
    await this.hooks.afterSync(userId);
    return calendarDto((await this.repository.findById(id)) ?? calendar);
  }

  /** Stops reading it; events already written into it by us stay there. */
  async disconnect(userId: string, id: string): Promise<void> {
    await this.owned(userId, id);
    await this.repository.remove(id);
  }

  /** Every calendar not read for CALENDAR_SYNC_MINUTES, then each photographer's after-sync work. */
  async syncDue(): Promise<number> {
    const every = this.config.calendars.syncMinutes * 60_000;
    const due = await this.repository.dueForSync(
      new Date(this.clock.now().getTime() - every + TICK_MS / 2),
      PER_TICK,
    );
    for (const calendar of due) await this.sync.sync(calendar);
    for (const userId of new Set(due.map((c) => c.userId))) await this.hooks.afterSync(userId);
    return due.length;
  }

  private async owned(userId: string, id: string) {
    const calendar = await this.repository.findOwned(userId, id);
    if (!calendar) throw ExternalCalendarError.notFound();
    return calendar;
  }
}
