import { Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DemoBookingsService } from '../bookings/demo-bookings.service';
import { PhotographerCatalog } from '../photographers/photographer-catalog.service';
import { UsersService } from '../users/users.service';
import { Clock } from '../../common/clock';

const CLIENT = 'client@demo.lensbridge.test';
const PHOTOGRAPHER = 'photographer@demo.lensbridge.test';

/**
 * One session that already happened, so delivery can be tried at once: the demo client's
 * headshot session with the demo photographer four days ago, marked completed (proofs can be
 * uploaded). Its history is played by the bookings module at the times it happened (no email
 * goes out for it); the booking API only books the future. Idempotent.
 */
@Injectable()
export class DemoDeliveriesSeeder {
  private readonly logger = new Logger(DemoDeliveriesSeeder.name);

  constructor(
    private readonly users: UsersService,
    private readonly catalog: PhotographerCatalog,
    private readonly bookings: DemoBookingsService,
    private readonly clock: Clock,
  ) {}

  async seed(): Promise<{ created: string[] }> {
    const now = this.clock.now();
    const client = await this.users.findByEmail(CLIENT);
    const photographer = await this.users.findByEmail(PHOTOGRAPHER);
    const profile = photographer && (await this.catalog.profileOfUser(photographer.id));
    if (!client || !profile) return { created: [] };
    if (await this.bookings.hasPastSession(client.id, profile.id)) return { created: [] };
    const [pkg] = await this.catalog.activePackagesOf([profile.id]);
    if (!pkg) return { created: [] };

    const startsAt = DateTime.fromJSDate(now, { zone: profile.timeZone })
      .minus({ days: 4 })
      .set({ hour: 10, minute: 0, second: 0, millisecond: 0 })
      .toJSDate();
    const id = await this.bookings.recordPastSession({
      clientId: client.id,
      photographerId: profile.id,
      packageId: pkg.id,
      startsAt,
      notes: 'Demo: a session that already happened, ready for proofs.',
    });
    this.logger.log('Demo delivery: a completed session ready for proofs');
    return { created: [`completed booking ${id}`] };
  }
}
