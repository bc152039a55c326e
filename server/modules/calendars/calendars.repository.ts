import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { type DataSource, In, IsNull, LessThan, type Repository } from 'typeorm';
import { CalendarObject, CalendarWrite, ExternalCalendar } from './external-calendar.entity';

/** What a sync changes in the stored objects: a whole new set, or the CalDAV differences. */
export type ObjectChanges =
  | { replaceAll: Pick<CalendarObject, 'href' | 'etag' | 'data'>[] }
  | { upserted: Pick<CalendarObject, 'href' | 'etag' | 'data'>[]; removed: string[] };

/** The columns a sync writes. */
export type SyncOutcome = Partial<
  Pick<
    ExternalCalendar,
    | 'name'
    | 'remoteState'
    | 'httpEtag'
    | 'httpLastModified'
    | 'busy'
    | 'eventCount'
    | 'skippedCount'
    | 'lastSyncedAt'
    | 'lastAttemptAt'
    | 'lastErrorCode'
    | 'lastError'
  >
>;

export interface BusyHead {
  id: string;
  name: string;
  revision: number;
}

@Injectable()
export class CalendarsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ExternalCalendar) private readonly calendars: Repository<ExternalCalendar>,
    @InjectRepository(CalendarObject) private readonly objects: Repository<CalendarObject>,
    @InjectRepository(CalendarWrite) private readonly writes: Repository<CalendarWrite>,
  ) {}

  listByUser(userId: string): Promise<ExternalCalendar[]> {
    return this.calendars.find({ where: { userId }, order: { createdAt: 'ASC' } });
  }

  findOwned(userId: string, id: string): Promise<ExternalCalendar | null> {
    return this.calendars.findOneBy({ userId, id });
  }

  findById(id: string): Promise<ExternalCalendar | null> {
    return this.calendars.findOneBy({ id });
  }

  countByUser(userId: string): Promise<number> {
    return this.calendars.countBy({ userId });
  }

  existsWithUrl(userId: string, url: string): Promise<boolean> {
    return this.calendars.existsBy({ userId, url });
  }

  /** The calendar and its first read, together or not at all. */
  async insert(
    calendar: Omit<ExternalCalendar, 'id' | 'revision'>,
    objects: Pick<CalendarObject, 'href' | 'etag' | 'data'>[],
  ): Promise<ExternalCalendar> {
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(ExternalCalendar, { ...calendar, id, revision: 1 });
      await this.insertObjects(manager.getRepository(CalendarObject), id, objects);
    });
    return (await this.findById(id))!;
  }

  /** A sync's result: objects, snapshot and status in one transaction (a new revision if busy changed). */
  async saveSync(id: string, outcome: SyncOutcome, changes?: ObjectChanges): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const objects = manager.getRepository(CalendarObject);
      if (changes && 'replaceAll' in changes) {
        await objects.delete({ calendarId: id });
        await this.insertObjects(objects, id, changes.replaceAll);
      } else if (changes) {
        if (changes.removed.length > 0) {
          await objects.delete({ calendarId: id, href: In(changes.removed) });
        }
        if (changes.upserted.length > 0) {
          await objects.delete({ calendarId: id, href: In(changes.upserted.map((o) => o.href)) });
          await this.insertObjects(objects, id, changes.upserted);
        }
      }
      const calendars = manager.getRepository(ExternalCalendar);
      if (Object.keys(outcome).length > 0) await calendars.update({ id }, outcome);
      if (outcome.busy !== undefined) await calendars.increment({ id }, 'revision', 1);
    });
  }

  objectsOf(calendarId: string): Promise<CalendarObject[]> {
    return this.objects.find({ where: { calendarId }, order: { href: 'ASC' } });
  }

  async knownEtags(calendarId: string): Promise<Map<string, string | null>> {
    const rows = await this.objects.find({
      where: { calendarId },
      select: { href: true, etag: true },
    });
    return new Map(rows.map((row) => [row.href, row.etag]));
  }

  async remove(id: string): Promise<void> {
    await this.calendars.delete({ id });
  }

  async removeAllOf(userId: string): Promise<void> {
    await this.calendars.delete({ userId });
  }

  /** Calendars not tried since `before`, oldest first. */
  dueForSync(before: Date, limit: number): Promise<ExternalCalendar[]> {
    return this.calendars.find({
      where: [{ lastAttemptAt: IsNull() }, { lastAttemptAt: LessThan(before) }],
      order: { lastAttemptAt: 'ASC' },
      take: limit,
    });
  }

  busyHeads(userId: string): Promise<BusyHead[]> {
    return this.calendars.find({
      where: { userId },
      select: { id: true, name: true, revision: true },
    });
  }

  async busyOf(id: string): Promise<{ revision: number; busy: string | null } | null> {
    return this.calendars.findOne({ where: { id }, select: { revision: true, busy: true } });
  }

  writableOf(userId: string): Promise<ExternalCalendar[]> {
    return this.calendars.findBy({ userId, kind: 'caldav', writesBookings: true });
  }

  async usersWriting(): Promise<string[]> {
    const rows = await this.calendars
      .createQueryBuilder('c')
      .select('DISTINCT c.user_id', 'userId')
      .where("c.kind = 'caldav' AND c.writes_bookings = :yes", { yes: true })
      .getRawMany<{ userId: string }>();
    return rows.map((row) => row.userId);
  }

  writesOf(calendarId: string): Promise<CalendarWrite[]> {
    return this.writes.findBy({ calendarId });
  }

  async saveWrite(write: CalendarWrite): Promise<void> {
    await this.writes.upsert(write, ['calendarId', 'bookingId']);
  }

  async removeWrite(calendarId: string, bookingId: string): Promise<void> {
    await this.writes.delete({ calendarId, bookingId });
  }

  private async insertObjects(
    repository: Repository<CalendarObject>,
    calendarId: string,
    objects: Pick<CalendarObject, 'href' | 'etag' | 'data'>[],
  ): Promise<void> {
    // SQLite allows 999 variables per statement: four columns, 200 rows a chunk.
    for (let i = 0; i < objects.length; i += 200) {
      const chunk = objects.slice(i, i + 200).map((o) => ({ ...o, calendarId }));
      await repository.insert(chunk);
    }
  }
}
