import { Injectable } from '@nestjs/common';
import { CalendarsRepository } from './calendars.repository';
import { BusySnapshot } from './domain/busy-snapshot';
import type { ExternalBusyEvent } from './calendars.types';

/**
 * The busy time of a photographer's connected calendars, for slot lists and conflict checks.
 * Reads the snapshots the last syncs stored (never a remote server); a parsed snapshot is kept
 * per calendar until its revision moves, so a slot list costs one small query.
 */
@Injectable()
export class CalendarBusyService {
  private readonly cache = new Map<string, { revision: number; snapshot: BusySnapshot | null }>();

  constructor(private readonly repository: CalendarsRepository) {}

  /** Each external event overlapping [from, until), with the calendar it comes from. */
  async eventsOverlapping(userId: string, from: Date, until: Date): Promise<ExternalBusyEvent[]> {
    const heads = await this.repository.busyHeads(userId);
    const found: ExternalBusyEvent[] = [];
    for (const head of heads) {
      const snapshot = await this.snapshotOf(head.id, head.revision);
      for (const event of snapshot?.overlapping(from.getTime(), until.getTime()) ?? []) {
        found.push({
          calendarId: head.id,
          calendarName: head.name,
          uid: event.uid,
          summary: event.summary,
          from: new Date(event.from),
          until: new Date(event.until),
        });
      }
    }
    return found.sort((a, b) => a.from.getTime() - b.from.getTime());
  }

  private async snapshotOf(id: string, revision: number): Promise<BusySnapshot | null> {
    const cached = this.cache.get(id);
    if (cached && cached.revision === revision) return cached.snapshot;
    const row = await this.repository.busyOf(id);
    if (!row) return null;
    const snapshot = BusySnapshot.parse(row.busy);
    this.cache.set(id, { revision: row.revision, snapshot });
    return snapshot;
  }
}
