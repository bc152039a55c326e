import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ScheduledWork } from '../scheduling/scheduled-work.service';
import { PaymentProvider } from './payment-provider';
import { RefundsService } from './refunds.service';

/**
 * Retries the refunds the provider did not answer, every REFUND_RETRY_SECONDS, once per tick
 * across processes (0 turns it off; nothing to retry with the manual provider).
 */
@Injectable()
export class RefundRetriesJob implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly provider: PaymentProvider,
    private readonly refunds: RefundsService,
    private readonly scheduled: ScheduledWork,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.payments.refundRetrySeconds;
    if (seconds <= 0 || this.provider.name === 'manual') return;
    this.scheduled.every('refund-retries', seconds * 1000, () => this.refunds.retryDue());
  }
}
