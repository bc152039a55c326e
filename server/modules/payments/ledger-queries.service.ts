import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import type {
  LedgerEntryType,
  PaymentPurpose,
  RefundRequestStatus,
} from '../../../shared/payments/payments.types';
import { LedgerEntry } from './ledger-entry.entity';
import { Payment } from './payment.entity';
import { RefundRequest } from './refund-request.entity';

/** A reference's money by the ledger, in the currency of what was paid for. */
export interface MoneySummary {
  /** Null until money moved. */
  currency: string | null;
  paidCents: number;
  refundedCents: number;
  transferredCents: number;
  reversedCents: number;
  platformFeeCents: number;
}

const SUMMARY_FIELD: Record<LedgerEntryType, Exclude<keyof MoneySummary, 'currency'>> = {
  charge: 'paidCents',
  refund: 'refundedCents',
  transfer: 'transferredCents',
  transfer_reversal: 'reversedCents',
  platform_fee: 'platformFeeCents',
};

const emptySummary = (): MoneySummary => ({
  currency: null,
  paidCents: 0,
  refundedCents: 0,
  transferredCents: 0,
  reversedCents: 0,
  platformFeeCents: 0,
});

/** One of a payer's payments, with when the ledger recorded its charge (null until then). */
export interface PayerPayment {
  paymentId: string;
  referenceId: string;
  payerId: string;
  status: Payment['status'];
  amountCents: number;
  refundedCents: number;
  currency: string;
  paidAt: Date | null;
}

/** What the ledger, payments and refund requests say, for features and admins. */
@Injectable()
export class LedgerQueriesService {
  constructor(
    @InjectRepository(Payment) private readonly payments: Repository<Payment>,
    @InjectRepository(LedgerEntry) private readonly ledger: Repository<LedgerEntry>,
    @InjectRepository(RefundRequest) private readonly requests: Repository<RefundRequest>,
  ) {}

  /** A payer's payments of one purpose and kind (e.g. their draft unlocks), with charge times. */
  async payerPayments(
    payerId: string,
    purpose: PaymentPurpose,
    kind: Payment['kind'],
  ): Promise<PayerPayment[]> {
    const payments = await this.payments.findBy({ purpose, kind, payerId });
    if (payments.length === 0) return [];
    const charges = await this.ledger.findBy({
      purpose,
      type: 'charge',
      paymentId: In(payments.map((p) => p.id)),
    });
    const paidAt = new Map(charges.map((c) => [c.paymentId, c.createdAt]));
    return payments.map((p) => ({
      paymentId: p.id,
      referenceId: p.referenceId,
      payerId: p.payerId,
      status: p.status,
      amountCents: p.amountCents,
      refundedCents: p.refundedCents,
      currency: p.currency,
      paidAt: paidAt.get(p.id) ?? null,
    }));
  }

  async summary(purpose: PaymentPurpose, referenceId: string): Promise<MoneySummary> {
    return (await this.summaries(purpose, [referenceId])).get(referenceId) ?? emptySummary();
  }

  /** Ledger totals for many references at once (a photographer's bookings). */
  async summaries(
    purpose: PaymentPurpose,
    referenceIds: string[],
  ): Promise<Map<string, MoneySummary>> {
    const result = new Map<string, MoneySummary>();
    if (referenceIds.length === 0) return result;
    const entries = await this.ledger.findBy({ purpose, referenceId: In(referenceIds) });
    for (const entry of entries) {
      const summary = result.get(entry.referenceId) ?? emptySummary();
      summary.currency = entry.currency;
      summary[SUMMARY_FIELD[entry.type]] += entry.amountCents;
      result.set(entry.referenceId, summary);
    }
    return result;
  }

  entriesFor(purpose: PaymentPurpose, referenceId: string): Promise<LedgerEntry[]> {
    return this.ledger.find({ where: { purpose, referenceId }, order: { createdAt: 'ASC' } });
  }

  paymentsFor(
    purpose: PaymentPurpose,
    referenceId: string,
    manager?: EntityManager,
  ): Promise<Payment[]> {
    return (manager?.getRepository(Payment) ?? this.payments).find({
      where: { purpose, referenceId },
      order: { createdAt: 'ASC' },
    });
  }

  /** Every payment, newest first (the admin's view). */
  async page(page: number, pageSize: number): Promise<{ items: Payment[]; total: number }> {
    const [items, total] = await this.payments.findAndCount({
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items, total };
  }

  /** Refund requests, newest first, optionally of one status (the admin's view). */
  async refundRequests(
    page: number,
    pageSize: number,
    status?: RefundRequestStatus,
  ): Promise<{ items: RefundRequest[]; total: number }> {
    const [items, total] = await this.requests.findAndCount({
      where: status ? { status } : {},
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items, total };
  }
}
