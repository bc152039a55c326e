import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { BookingsService } from './bookings.service';

const SWEEP_EVERY_MS = 60_000;

/**
 * Marks lapsed holds expired once a minute so lists and audits tell the truth. Correctness
 * never depends on it: a lapsed hold blocks nobody even before this runs.
 */
@Injectable()
export class HoldExpiryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly bookings: BookingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.backgroundWork) return;
    this.timer = setInterval(() => {
      this.bookings.expireLapsedHolds().catch(() => undefined);
    }, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
