import { Injectable, Logger } from '@nestjs/common';
import type { CalendarSyncListener } from './calendars.types';

/**
 * Who is told after a photographer's calendar was read: the bookings module registers here
 * (conflict checks, writing bookings) so that calendars never imports bookings.
 */
@Injectable()
export class CalendarSyncHooks {
  private readonly logger = new Logger(CalendarSyncHooks.name);
  private readonly listeners: CalendarSyncListener[] = [];

  register(listener: CalendarSyncListener): void {
    this.listeners.push(listener);
  }

  /** Runs every listener; one that fails is logged and never fails the sync. */
  async afterSync(userId: string): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(userId);
      } catch (error) {
        this.logger.warn(`After-sync work for ${userId} failed: ${String(error)}`);
      }
    }
  }
}
