import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { BookingAccessService } from './booking-access.service';
import { ScheduledWork } from '../scheduling/scheduled-work.service';

const SWEEP_EVERY_MS = 60_000;

/**
 * Marks lapsed holds expired once a minute so lists and audits tell the truth. Correctness
 * never depends on it: a lapsed hold blocks nobody even before this runs.
 */
@Injectable()
export class HoldExpiryService implements OnApplicationBootstrap {
  constructor(
    private readonly bookings: BookingAccessService,
    private readonly scheduled: ScheduledWork,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduled.every('hold-expiry', SWEEP_EVERY_MS, () => this.bookings.expireLapsedHolds());
  }
}
