import { randomUUID } from 'node:crypto';
import type { AuthContext } from '../../../common/auth/auth-context';
import type { AuditEvent } from '../../audit/audit-event.entity';
import type { Repository } from 'typeorm';
import { AuditLog, type NewAuditEvent } from '../../audit/audit-log.service';
import type { Clock } from '../../../common/clock';
import type { PhotographerCatalog } from '../../photographers/photographer-catalog.service';
import type { UsersService } from '../../users/users.service';
import { BookingAccessService } from '../booking-access.service';
import { Booking } from '../booking.entity';
import type { BookingsRepository } from '../bookings.repository';
import { type BookingChange, BookingWriter } from '../booking-writer';

const HOUR = 3_600_000;

/** The booking's client as the API sees them (signed in, verified). */
export const aClient: AuthContext = {
  userId: 'client-1',
  role: 'client',
  sessionId: 's',
  csrfToken: 'c',
  emailVerified: true,
  sessionExpiresAt: new Date('2100-01-01T00:00:00Z'),
};

/** The photographer of `aBooking()`'s studio. */
export const aPhotographer: AuthContext = {
  ...aClient,
  userId: 'studio-user-1',
  role: 'photographer',
};

/** A booking as the database would hold it; override what the test is about. */
export function aBooking(overrides: Partial<Booking> = {}): Booking {
  const startsAt = overrides.startsAt ?? new Date('2030-06-10T09:00:00Z');
  const endsAt = new Date(startsAt.getTime() + HOUR);
  return Object.assign(new Booking(), {
    id: randomUUID(),
    clientId: 'client-1',
    photographerId: 'studio-1',
    packageId: 'package-1',
    status: 'confirmed',
    startsAt,
    endsAt,
    blockedFrom: startsAt,
    blockedUntil: endsAt,
    holdExpiresAt: null,
    timeZone: 'Europe/Berlin',
    clientTimeZone: null,
    price: {
      packageName: 'Headshot',
      durationMinutes: 60,
      location: 'studio',
      currency: 'EUR',
      packagePriceCents: 20_000,
      travelFeeCents: 0,
      totalCents: 20_000,
      depositCents: 6_000,
      balanceCents: 14_000,
      includedImages: 5,
      extraImagePriceCents: 1_000,
      deliveryDays: 7,
    },
    policy: {
      bookingMode: 'instant',
      cancellationTiers: [
        { minHoursBefore: 168, refundPercent: 100 },
        { minHoursBefore: 48, refundPercent: 50 },
      ],
      rescheduleCutoffHours: 24,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      timeZone: 'Europe/Berlin',
    },
    paymentProvider: 'manual',
    paymentStatus: 'not_started',
    amountPaidCents: 0,
    amountRefundedCents: 0,
    payUrl: null,
    notes: null,
    draftId: null,
    draftVariantId: null,
    brief: null,
    sequence: 0,
    createdAt: new Date('2030-05-01T09:00:00Z'),
    updatedAt: new Date('2030-05-01T09:00:00Z'),
    ...overrides,
  } satisfies Partial<Booking>);
}

/**
 * The bookings table and its audit trail in memory: the repository's questions, the writer's
 * conditional changes (a change applies only if the status it was decided on still holds) and
 * the events each one appended.
 */
export class InMemoryBookings {
  readonly rows = new Map<string, Booking>();
  readonly events: (NewAuditEvent & { subjectId: string; at: Date })[] = [];

  add(...bookings: Booking[]): void {
    for (const booking of bookings) this.rows.set(booking.id, booking);
  }

  /** The stored row as it is now (a copy, as a fresh read from the database would be). */
  row(id: string): Booking {
    const booking = this.rows.get(id);
    if (!booking) throw new Error(`no booking ${id}`);
    return Object.assign(new Booking(), structuredClone(booking));
  }

  actionsOf(id: string): string[] {
    return this.events.filter((e) => e.subjectId === id).map((e) => e.action);
  }

  /** Stands in for BookingsRepository. */
  readonly repository = {
    findById: (id: string) => Promise.resolve(this.rows.has(id) ? this.row(id) : null),
    page: (query: { clientId?: string; photographerId?: string }) => {
      const items = [...this.rows.values()]
        .filter((b) => !query.clientId || b.clientId === query.clientId)
        .filter((b) => !query.photographerId || b.photographerId === query.photographerId)
        .map((b) => this.row(b.id));
      return Promise.resolve([items, items.length] as [Booking[], number]);
    },
    lapsedHolds: (now: Date) =>
      Promise.resolve(
        [...this.rows.values()]
          .filter((b) => b.status === 'held' && b.holdExpiresAt && b.holdExpiresAt <= now)
          .map((b) => this.row(b.id)),
      ),
    eventsOf: (id: string) =>
      Promise.resolve(this.events.filter((e) => e.subjectId === id) as unknown as AuditEvent[]),
  };

  /** Stands in for BookingWriter. */
  readonly writer = {
    apply: (change: BookingChange, now: Date) => {
      const stored = this.rows.get(change.id);
      if (!stored || stored.status !== change.from) return Promise.resolve(false);
      Object.assign(stored, change.patch);
      this.events.push({ ...change.event, subjectId: change.id, at: now });
      return Promise.resolve(true);
    },
    insert: (booking: Booking, event: NewAuditEvent, now: Date) => {
      this.rows.set(booking.id, booking);
      this.events.push({ ...event, subjectId: booking.id, at: now });
      return Promise.resolve();
    },
  };
}

/**
 * BookingWriter over the in-memory rows: its own transactions (insert, apply) in memory, and
 * its real `applyWithin` on the manager it is given (see inMemoryManager).
 */
export class InMemoryBookingWriter extends BookingWriter {
  constructor(private readonly db: InMemoryBookings) {
    // Only its append (on the manager it is given) is used here; it never reads.
    super(new AuditLog({} as Repository<AuditEvent>));
  }

  insert(booking: Booking, event: NewAuditEvent, now: Date): Promise<void> {
    return this.db.writer.insert(booking, event, now);
  }

  apply(change: BookingChange, now: Date): Promise<boolean> {
    return this.db.writer.apply(change, now);
  }
}

/**
 * The slice of a TypeORM EntityManager the booking's payment handlers use, over the same rows:
 * bookings, their audit events and draft credits.
 */
export function inMemoryManager(db: InMemoryBookings, credits: { bookingId: string }[] = []) {
  const isBooking = (entity: unknown) => entity === Booking;
  return {
    connection: { options: { type: 'sqlite' } },
    findOneBy: (entity: unknown, where: { id: string }) =>
      Promise.resolve(isBooking(entity) && db.rows.has(where.id) ? db.row(where.id) : null),
    findOne: (entity: unknown, options: { where: { id: string } }) =>
      Promise.resolve(
        isBooking(entity) && db.rows.has(options.where.id) ? db.row(options.where.id) : null,
      ),
    /** `update(Booking).set(patch).where('id = :id AND status = :from', …)`, as BookingWriter writes. */
    createQueryBuilder: () => ({
      update: (entity: unknown) => ({
        set: (patch: Partial<Booking>) => ({
          where: (_sql: string, params: { id: string; from: string }) => ({
            execute: () => {
              const stored = db.rows.get(params.id);
              if (!isBooking(entity) || !stored || stored.status !== params.from) {
                return Promise.resolve({ affected: 0 });
              }
              Object.assign(stored, patch);
              return Promise.resolve({ affected: 1 });
            },
          }),
        }),
      }),
    }),
    update: (entity: unknown, where: { id: string }, patch: Partial<Booking>) => {
      if (isBooking(entity)) Object.assign(db.rows.get(where.id)!, patch);
      return Promise.resolve();
    },
    save: (_entity: unknown, row: AuditEvent) => {
      db.events.push({ ...row, details: row.details ?? null } as never);
      return Promise.resolve(row);
    },
    delete: (_entity: unknown, where: { bookingId: string }) => {
      credits.splice(0, credits.length, ...credits.filter((c) => c.bookingId !== where.bookingId));
      return Promise.resolve();
    },
  };
}

/**
 * The real BookingAccessService over the in-memory rows: `aPhotographer` runs studio-1 (the
 * studio of `aBooking()`), and parties have no names.
 */
export function accessOver(db: InMemoryBookings, clock: Clock): BookingAccessService {
  const catalog = {
    profileOfUser: (userId: string) =>
      Promise.resolve(userId === aPhotographer.userId ? { id: 'studio-1' } : null),
    profilesByIds: () => Promise.resolve([]),
  } as unknown as PhotographerCatalog;
  const users = { findByIds: () => Promise.resolve([]) } as unknown as UsersService;
  return new BookingAccessService(
    db.repository as unknown as BookingsRepository,
    db.writer as unknown as BookingWriter,
    catalog,
    users,
    clock,
  );
}
