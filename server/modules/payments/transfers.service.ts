import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PaymentPurpose } from '../../../shared/payments/payments.types';
import { Clock } from '../../common/clock';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { proportionalReversal, splitPlatformFee } from '../../../shared/payments/money-split';
import { CHARGED_STATUSES } from '../../../shared/payments/payment-status';
import { LedgerEntry } from './ledger-entry.entity';
import { LedgerRepository } from './ledger.repository';
import { PaymentProvider } from './payment-provider';
import { Payment } from './payment.entity';
import { PaymentError } from './payments.errors';
import { PaymentsRepository } from './payments.repository';

/**
 * Pays photographers: their share of what was collected, minus the platform fee, once; and
 * takes back the same proportion of it when a refund follows, once per provider refund.
 */
@Injectable()
export class TransfersService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly provider: PaymentProvider,
    private readonly ledger: LedgerRepository,
    private readonly accounts: PaymentsRepository,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Pays the photographer their share of everything collected for a reference, minus the
   * platform fee, once. Waits (PAYOUT_ACCOUNT_NOT_READY) until their account can receive money.
   * `platformFundedCents` is part of the price the platform paid itself (a booking's draft
   * credit, funded by the unlock fee it kept): the share is of collected + funded.
   */
  async transferShare(
    purpose: PaymentPurpose,
    referenceId: string,
    photographerUserId: string,
    platformFundedCents = 0,
  ): Promise<LedgerEntry | null> {
    const key = `transfer-${purpose}-${referenceId}`;
    const existing = await this.ledger.findByKey(key);
    if (existing) return existing;
    const account = await this.accounts.findPayoutAccountOf(photographerUserId);
    if (!account?.payoutsEnabled) throw PaymentError.payoutAccountNotReady();
    const charged = await this.dataSource.manager.find(Payment, {
      where: { purpose, referenceId },
      order: { createdAt: 'ASC' },
    });
    const collected = charged.filter((p) => CHARGED_STATUSES.includes(p.status));
    const first = collected[0];
    const netCents = collected.reduce((t, p) => t + p.amountCents - p.refundedCents, 0);
    if (!first || netCents <= 0) return null;
    const { feeCents, shareCents } = splitPlatformFee(
      netCents + Math.max(0, platformFundedCents),
      this.config.payments.platformFeePercent,
    );
    const { transferId } = await this.provider.transfer({
      amountCents: shareCents,
      currency: first.currency,
      destinationAccountId: account.providerAccountId,
      transferGroup: first.transferGroup ?? `${purpose}-${referenceId}`,
      idempotencyKey: key,
    });
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      await this.ledger.recordOnce(
        manager,
        first,
        {
          type: 'transfer',
          amountCents: shareCents,
          providerRef: transferId,
          key,
          note: 'share after fee',
        },
        now,
      );
      await this.ledger.recordOnce(
        manager,
        first,
        {
          type: 'platform_fee',
          amountCents: feeCents,
          providerRef: null,
          key: `fee-${purpose}-${referenceId}`,
          note: `${this.config.payments.platformFeePercent} %`,
        },
        now,
      );
      return manager.findOneByOrFail(LedgerEntry, { idempotencyKey: key });
    });
  }

  /**
   * After a refund (ours or the provider's dashboard's) of a reference already paid out, takes
   * back the same proportion of the transfer, once per provider refund.
   */
  async reverseAfterRefund(payment: Payment, refundId: string, refundCents: number): Promise<void> {
    const transfer = await this.ledger.findByKey(
      `transfer-${payment.purpose}-${payment.referenceId}`,
    );
    if (!transfer?.providerRef) return;
    const key = `reversal-${refundId}`;
    if (await this.ledger.findByKey(key)) return;
    const entries = await this.dataSource.manager.findBy(LedgerEntry, {
      purpose: payment.purpose,
      referenceId: payment.referenceId,
    });
    const sum = (type: LedgerEntry['type']) =>
      entries.filter((e) => e.type === type).reduce((t, e) => t + e.amountCents, 0);
    // The photographer gives back their share's proportion of the refund: the transfer was
    // this share of (transfer + fee).
    const amount = proportionalReversal({
      transferredCents: sum('transfer'),
      alreadyReversedCents: sum('transfer_reversal'),
      chargedCents: sum('transfer') + sum('platform_fee'),
      refundCents,
    });
    if (amount <= 0) return;
    const { reversalId } = await this.provider.reverseTransfer({
      transferId: transfer.providerRef,
      amountCents: amount,
      idempotencyKey: key,
    });
    await this.dataSource.transaction((manager) =>
      this.ledger.recordOnce(
        manager,
        payment,
        {
          type: 'transfer_reversal',
          amountCents: amount,
          providerRef: reversalId,
          key,
          note: `after refund ${refundId}`,
        },
        this.clock.now(),
      ),
    );
  }
}
