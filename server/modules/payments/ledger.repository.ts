import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { LedgerEntryType } from '../../../shared/payments/payments.types';
import { LedgerEntry } from './ledger-entry.entity';
import { Payment } from './payment.entity';
import { rowLock } from '../../database/row-lock';

export interface NewLedgerEntry {
  type: LedgerEntryType;
  amountCents: number;
  providerRef: string | null;
  /** One row per key, ever: a second report of the same money movement adds nothing. */
  key: string;
  note: string | null;
}

/** Writes to the ledger, each once per key, and the questions the writers ask of it. */
@Injectable()
export class LedgerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts the row unless one with its key exists (whoever reports a movement first wins, in
   * any order, concurrently too). True when this call wrote it.
   */
  async recordOnce(
    manager: EntityManager,
    payment: Payment,
    entry: NewLedgerEntry,
    at: Date,
  ): Promise<boolean> {
    const id = randomUUID();
    await manager
      .createQueryBuilder()
      .insert()
      .into(LedgerEntry)
      .values({
        id,
        purpose: payment.purpose,
        referenceId: payment.referenceId,
        paymentId: payment.id,
        type: entry.type,
        amountCents: entry.amountCents,
        currency: payment.currency,
        providerRef: entry.providerRef,
        idempotencyKey: entry.key,
        note: entry.note,
        createdAt: at,
      })
      .orIgnore()
      .execute();
    const stored = await manager.findOneBy(LedgerEntry, { idempotencyKey: entry.key });
    return stored?.id === id;
  }

  findByKey(key: string, manager: EntityManager = this.dataSource.manager) {
    return manager.findOneBy(LedgerEntry, { idempotencyKey: key });
  }

  /** The payment, locked for the rest of the transaction on PostgreSQL (SQLite has one writer). */
  lockPayment(manager: EntityManager, id: string): Promise<Payment | null> {
    return manager.findOne(Payment, { where: { id }, ...rowLock(this.dataSource) });
  }

  /** Everything refunded of a payment, by the ledger (each provider refund counted once). */
  async refundedCentsOf(manager: EntityManager, paymentId: string): Promise<number> {
    const row = await manager
      .createQueryBuilder(LedgerEntry, 'e')
      .select('COALESCE(SUM(e.amount_cents), 0)', 'total')
      .where('e.payment_id = :paymentId AND e.type = :type', { paymentId, type: 'refund' })
      .getRawOne<{ total: string | number }>();
    return Number(row?.total ?? 0);
  }
}
