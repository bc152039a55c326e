import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { UsersModule } from '../users/users.module';
import { ManualPaymentProvider } from './manual-payment.provider';
import { PaymentProvider } from './payment-provider';
import { LedgerEntry } from './ledger-entry.entity';
import { PaymentLedgerService } from './payment-ledger.service';
import { Payment } from './payment.entity';
import { AdminPaymentsController, PaymentsController } from './payments.controller';
import { PaymentsRepository } from './payments.repository';
import { PaymentsService } from './payments.service';
import { PayoutAccount } from './payout-account.entity';
import { ProcessedWebhookEvent } from './processed-webhook-event.entity';
import { StripeGateway } from './stripe.gateway';
import { WebhookHandlers } from './webhook-handlers';

@Module({
  imports: [
    TypeOrmModule.forFeature([PayoutAccount, ProcessedWebhookEvent, Payment, LedgerEntry]),
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
    PaymentLedgerService,
    WebhookHandlers,
  ],
  exports: [PaymentsService, PaymentLedgerService, WebhookHandlers, PaymentProvider],
})
export class PaymentsModule {}
