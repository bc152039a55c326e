import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PaymentPurpose } from '../../../shared/payments/payments.types';
import type { Payment } from './payment.entity';
import type { AfterCommit } from './webhook-handlers.service';

/** A refund now in the ledger, reported by our own call or by the provider (its dashboard). */
export interface SettledRefund {
  refundId: string;
  amountCents: number;
  /** `lensbridge`: we asked for it; `provider`: made outside Lensbridge (e.g. the dashboard). */
  source: 'lensbridge' | 'provider';
  reason: string | null;
}

/**
 * What a feature does when money for it moves (each runs in the transaction that records the
 * movement). Only `onPaymentSucceeded` is required.
 */
export interface PaymentPurposeHandler {
  onPaymentSucceeded(payment: Payment, manager: EntityManager): Promise<void | AfterCommit>;
  /** Checkout finished with a delayed method; the money follows (or not) later. */
  onPaymentProcessing?(payment: Payment, manager: EntityManager): Promise<void | AfterCommit>;
  /** A delayed payment failed. */
  onPaymentFailed?(payment: Payment, manager: EntityManager): Promise<void | AfterCommit>;
  onPaymentExpired?(payment: Payment, manager: EntityManager): Promise<void | AfterCommit>;
  onRefundSettled?(
    payment: Payment,
    refund: SettledRefund,
    manager: EntityManager,
  ): Promise<void | AfterCommit>;
}

/** Which feature owns the money of which purpose (bookings, draft unlocks). */
@Injectable()
export class PaymentPurposes {
  private readonly handlers = new Map<PaymentPurpose, PaymentPurposeHandler>();

  register(purpose: PaymentPurpose, handler: PaymentPurposeHandler): void {
    this.handlers.set(purpose, handler);
  }

  of(purpose: PaymentPurpose): PaymentPurposeHandler | undefined {
    return this.handlers.get(purpose);
  }
}
