import { Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { priceBooking } from '../../../shared/bookings/pricing';
import { AuditLog } from '../audit/audit-log.service';
import { Booking } from '../bookings/booking.entity';
import { PhotographerCatalog } from '../photographers/photographer-catalog.service';
import { policySnapshotOf, pricedPackage } from '../photographers/photographers.mappers';
import { UsersService } from '../users/users.service';

const CLIENT = 'client@demo.lensbridge.test';
const PHOTOGRAPHER = 'photographer@demo.lensbridge.test';

/**
 * One session that already happened, so delivery can be tried at once: the demo client's
 * headshot session with the demo photographer four days ago, marked completed (proofs can be
 * uploaded). Written directly, with its audit trail dated in the past (no email goes out for
 * it); the booking API only books the future. Idempotent.
 */
@Injectable()
export class DemoDeliveriesSeeder {
  private readonly logger = new Logger(DemoDeliveriesSeeder.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly catalog: PhotographerCatalog,
    private readonly auditLog: AuditLog,
  ) {}

  async seed(now = new Date()): Promise<{ created: string[] }> {
    const client = await this.users.findByEmail(CLIENT);
    const photographer = await this.users.findByEmail(PHOTOGRAPHER);
    const profile = photographer && (await this.catalog.profileOfUser(photographer.id));
    if (!client || !profile) return { created: [] };
    const bookings = this.dataSource.getRepository(Booking);
    const existing = await bookings.countBy({
      clientId: client.id,
      photographerId: profile.id,
      status: In(['completed', 'delivered']),
    });
    if (existing > 0) return { created: [] };
    const [pkg] = await this.catalog.activePackagesOf([profile.id]);
    if (!pkg) return { created: [] };

    const startsAt = DateTime.fromJSDate(now, { zone: profile.timeZone })
      .minus({ days: 4 })
      .set({ hour: 10, minute: 0, second: 0, millisecond: 0 })
      .toJSDate();
    const endsAt = new Date(startsAt.getTime() + pkg.durationMinutes * 60_000);
    const bookedAt = new Date(startsAt.getTime() - 9 * 24 * 3_600_000);
    const booking = Object.assign(new Booking(), {
      id: randomUUID(),
      clientId: client.id,
      photographerId: profile.id,
      packageId: pkg.id,
      status: 'completed',
      startsAt,
      endsAt,
      blockedFrom: new Date(startsAt.getTime() - profile.bufferBeforeMinutes * 60_000),
      blockedUntil: new Date(endsAt.getTime() + profile.bufferAfterMinutes * 60_000),
      holdExpiresAt: null,
      timeZone: profile.timeZone,
      price: priceBooking(pricedPackage(pkg)),
      policy: policySnapshotOf(profile),
      paymentProvider: 'manual',
      paymentStatus: 'due_at_studio',
      amountPaidCents: 0,
      notes: 'Demo: a session that already happened, ready for proofs.',
      draftId: null,
      brief: null,
      sequence: 2,
      createdAt: bookedAt,
      updatedAt: endsAt,
    } satisfies Partial<Booking>);
    const event = (action: string, from: string | null, to: string, at: Date, role: string) => ({
      subject: { type: 'booking' as const, id: booking.id },
      event: {
        action,
        fromStatus: from,
        toStatus: to,
        actorId: role === 'client' ? client.id : photographer.id,
        actorRole: role,
        details: null,
      },
      at,
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.save(Booking, booking);
      await this.auditLog.appendMany(manager, [
        event('hold', null, 'held', bookedAt, 'client'),
        event('confirm', 'held', 'confirmed', new Date(bookedAt.getTime() + 60_000), 'client'),
        event('complete', 'confirmed', 'completed', endsAt, 'photographer'),
      ]);
    });
    this.logger.log('Demo delivery: a completed session ready for proofs');
    return { created: [`completed booking ${booking.id}`] };
  }
}
