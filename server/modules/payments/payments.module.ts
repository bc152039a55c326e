import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { UsersModule } from '../users/users.module';
import { CheckoutService } from './checkout.service';
import { LedgerEntry } from './ledger-entry.entity';
import { LedgerQueriesService } from './ledger-queries.service';
import { LedgerRepository } from './ledger.repository';
import { ManualPaymentProvider } from './manual-payment.provider';
import { PaymentEventsService } from './payment-events.service';
import { PaymentProvider } from './payment-provider';
import { PaymentPurposes } from './payment-purposes.service';
import { Payment } from './payment.entity';
import { AdminPaymentsController, PaymentsController } from './payments.controller';
import { PaymentsRepository } from './payments.repository';
import { PaymentsService } from './payments.service';
import { PayoutAccount } from './payout-account.entity';
import { ProcessedWebhookEvent } from './processed-webhook-event.entity';
import { RefundReconciler } from './refund-reconciler';
import { RefundRequest } from './refund-request.entity';
import { RefundRetriesJob } from './refund-retries.job';
import { RefundsService } from './refunds.service';
import { StripeGateway } from './stripe.gateway';
import { TransfersService } from './transfers.service';
import { WebhookHandlers } from './webhook-handlers.service';
import { WebhookIntakeService } from './webhook-intake.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      PayoutAccount,
      ProcessedWebhookEvent,
      Payment,
      LedgerEntry,
      RefundRequest,
    ]),
    UsersModule,
  ],
  controllers: [PaymentsController, AdminPaymentsController],
  providers: [
    {
      provide: PaymentProvider,
      inject: [APP_CONFIG],
      // Stripe when a key is configured; otherwise the embedded manual provider.
      useFactory: (config: AppConfig): PaymentProvider =>
        config.payments.provider === 'stripe'
          ? new StripeGateway(config)
          : new ManualPaymentProvider(),
    },
    PaymentsRepository,
    PaymentsService,
    LedgerRepository,
    LedgerQueriesService,
    CheckoutService,
    RefundsService,
    RefundRetriesJob,
    RefundReconciler,
    TransfersService,
    PaymentEventsService,
    PaymentPurposes,
    WebhookHandlers,
    WebhookIntakeService,
  ],
  exports: [
    PaymentsService,
    CheckoutService,
    RefundsService,
    TransfersService,
    LedgerQueriesService,
    PaymentPurposes,
    WebhookHandlers,
    PaymentProvider,
  ],
})
export class PaymentsModule {}
