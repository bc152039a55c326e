import type { Database } from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { ACTIVE_BOOKING_STATUSES } from '../../../shared/bookings/bookings.types';
import type { ClientBookingLimits } from '../../config/app-config';
import type { AuditLog, NewAuditEvent } from '../audit/audit-log.service';
import { Booking } from './booking.entity';
import {
  assertWithinLimits,
  BookingWriter,
  type BookingChange,
  CLIENT_LOAD_SQL,
  EXPIRE_EVENT,
  releasesCredit,
} from './booking-writer';
import { BookingError } from './bookings.errors';
import { DraftCredit } from './draft-credit.entity';

/** SQLite: the overlap check and the write in one BEGIN IMMEDIATE transaction. */
export class SqliteBookingWriter extends BookingWriter {
  private readonly db: Database;

  constructor(
    private readonly dataSource: DataSource,
    private readonly limits: ClientBookingLimits,
    audit: AuditLog,
  ) {
    super(audit);
    this.db = (dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection;
  }

  async insert(
    booking: Booking,
    event: NewAuditEvent,
    now: Date,
    credit?: DraftCredit | null,
  ): Promise<void> {
    await this.immediate(() => {
      const load = this.db.prepare(CLIENT_LOAD_SQL((name) => `@${name}`)).get({
        client: booking.clientId,
        now: this.instant(now),
        photographer: booking.photographerId,
      }) as {
        activeHolds: number | null;
        withPhotographer: number | null;
      };
      assertWithinLimits(
        { activeHolds: load.activeHolds ?? 0, withPhotographer: load.withPhotographer ?? 0 },
        this.limits,
      );
      this.expireLapsedHolds(booking.photographerId, booking, now);
      if (this.overlaps(booking.photographerId, booking, now)) throw BookingError.slotTaken();
      this.insertRow(Booking, booking);
      if (credit) {
        try {
          this.insertRow(DraftCredit, credit);
        } catch (error) {
          // better-sqlite3's own error (not TypeORM's): the unique payment id refused it.
          if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
            throw BookingError.creditAlreadyUsed();
          }
          throw error;
        }
      }
      this.insertAudit(booking.id, event, now);
    });
  }

  async apply(change: BookingChange, now: Date): Promise<boolean> {
    return this.immediate(() => {
      const current = this.db
        .prepare('SELECT photographer_id AS photographerId FROM bookings WHERE id = ?')
        .get(change.id) as { photographerId: string } | undefined;
      if (!current) return false;
      if (change.movesRange) {
        const range = change.patch as Pick<Booking, 'blockedFrom' | 'blockedUntil'>;
        this.expireLapsedHolds(current.photographerId, range, now);
        if (this.overlaps(current.photographerId, range, now, change.id)) {
          throw BookingError.slotTaken();
        }
      }
      const assignments = this.persistable(Booking, change.patch);
      const result = this.db
        .prepare(
          `UPDATE bookings SET ${assignments.map(([column]) => `"${column}" = ?`).join(', ')}
           WHERE id = ? AND status = ?`,
        )
        .run(...assignments.map(([, value]) => value), change.id, change.from);
      if (result.changes === 0) return false;
      if (releasesCredit(change.patch.status)) this.releaseCredit(change.id);
      this.insertAudit(change.id, change.event, now);
      return true;
    });
  }

  /**
   * Runs `work` synchronously inside BEGIN IMMEDIATE. Synchronous matters: TypeORM shares one
   * better-sqlite3 connection across requests, so nothing else can run on it until we commit.
   * If some other code has a TypeORM transaction open on that connection right now, wait for
   * it to finish rather than nesting inside it.
   */
  private async immediate<T>(work: () => T): Promise<T> {
    const deadline = Date.now() + 10_000;
    while (this.db.inTransaction) {
      if (Date.now() > deadline) throw new Error('SQLite connection stayed inside a transaction');
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    return this.db.transaction(work).immediate();
  }

  private overlaps(
    photographerId: string,
    range: Pick<Booking, 'blockedFrom' | 'blockedUntil'>,
    now: Date,
    exceptId = '',
  ): boolean {
    const active = ACTIVE_BOOKING_STATUSES.map(() => '?').join(', ');
    const row = this.db
      .prepare(
        `SELECT 1 FROM bookings
         WHERE photographer_id = ? AND id <> ? AND status IN (${active})
           AND (status <> 'held' OR hold_expires_at > ?)
           AND blocked_from < ? AND blocked_until > ?
         LIMIT 1`,
      )
      .get(
        photographerId,
        exceptId,
        ...ACTIVE_BOOKING_STATUSES,
        this.instant(now),
        this.instant(range.blockedUntil),
        this.instant(range.blockedFrom),
      );
    return row !== undefined;
  }

  private expireLapsedHolds(
    photographerId: string,
    range: Pick<Booking, 'blockedFrom' | 'blockedUntil'>,
    now: Date,
  ): void {
    const lapsed = this.db
      .prepare(
        `UPDATE bookings SET status = 'expired', updated_at = ?
         WHERE photographer_id = ? AND status = 'held' AND hold_expires_at <= ?
           AND blocked_from < ? AND blocked_until > ?
         RETURNING id`,
      )
      .all(
        this.instant(now),
        photographerId,
        this.instant(now),
        this.instant(range.blockedUntil),
        this.instant(range.blockedFrom),
      ) as { id: string }[];
    for (const row of lapsed) {
      this.releaseCredit(row.id);
      this.insertAudit(row.id, EXPIRE_EVENT, now);
    }
  }

  /** The audit event, in this writer's own synchronous transaction. */
  private insertAudit(bookingId: string, event: NewAuditEvent, now: Date): void {
    const { target, row } = this.audit.row({ type: 'booking', id: bookingId }, event, now);
    this.insertRow(target, row);
  }

  private releaseCredit(bookingId: string): void {
    this.db.prepare('DELETE FROM draft_credits WHERE booking_id = ?').run(bookingId);
  }

  /** Writes an entity with TypeORM's own value conversions, so TypeORM reads it back as usual. */
  private insertRow<T extends object>(target: new () => T, entity: T): void {
    const values = this.persistable(target, entity);
    this.db
      .prepare(
        `INSERT INTO "${this.dataSource.getMetadata(target).tableName}"
         (${values.map(([column]) => `"${column}"`).join(', ')})
         VALUES (${values.map(() => '?').join(', ')})`,
      )
      .run(...values.map(([, value]) => value));
  }

  private persistable<T extends object>(
    target: new () => T,
    entity: Partial<T>,
  ): [string, unknown][] {
    const metadata = this.dataSource.getMetadata(target);
    return metadata.columns
      .filter((column) => column.propertyName in entity)
      .map((column: ColumnMetadata) => [
        column.databaseName,
        toSqliteValue(
          this.dataSource.driver.preparePersistentValue(column.getEntityValue(entity), column),
        ),
      ]);
  }

  private instant(date: Date): unknown {
    const column = this.dataSource.getMetadata(Booking).findColumnWithPropertyName('startsAt')!;
    return this.dataSource.driver.preparePersistentValue(date, column);
  }
}

/** better-sqlite3 binds numbers, strings, bigints, buffers and null only. */
function toSqliteValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}
