import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { DraftCreditDto } from '../../../shared/compare/compare.types';
import { Clock } from '../../common/clock';
import { LedgerQueriesService } from '../payments/ledger-queries.service';
import { DraftCredit } from './draft-credit.entity';
import {
  availableDraftCredits,
  type CreditDecision,
  decideDraftCredit,
  type PaidUnlock,
} from './domain/draft-credit';

/**
 * Loads what the draft credit rule (domain/draft-credit.ts) decides on: the client's draft
 * unlock payments, when their money arrived (the ledger's charge) and which are credited.
 * The comparison reads `available`; a booking asks `decide` and writes the row with the booking.
 */
@Injectable()
export class DraftCreditsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerQueriesService,
    private readonly clock: Clock,
  ) {}

  /** The client's unlocks that can still be credited (any currency), soonest expiry first. */
  async available(clientId: string, now = this.clock.now()): Promise<DraftCreditDto[]> {
    const unlocks = await this.unlocksOf(clientId);
    const credited = await this.creditedAmong(unlocks);
    return availableDraftCredits(unlocks, credited, clientId, now).map((c) => ({
      draftId: c.draftId,
      amountCents: c.amountCents,
      currency: c.currency.toUpperCase(),
      expiresAt: c.expiresAt.toISOString(),
    }));
  }

  async decide(input: {
    clientId: string;
    draftId: string;
    draftOwned: boolean;
    currency: string;
    totalCents: number;
    now: Date;
  }): Promise<CreditDecision> {
    const unlocks = await this.unlocksOf(input.clientId);
    const credited = await this.creditedAmong(unlocks);
    return decideDraftCredit(unlocks, credited, input);
  }

  /** The credit a booking used, if any (null once it was released). */
  creditOf(bookingId: string): Promise<DraftCredit | null> {
    return this.dataSource.getRepository(DraftCredit).findOneBy({ bookingId });
  }

  private async unlocksOf(clientId: string): Promise<PaidUnlock[]> {
    const payments = await this.ledger.payerPayments(clientId, 'draft_unlock', 'draft_unlock');
    return payments.map(({ referenceId, ...payment }) => ({ ...payment, draftId: referenceId }));
  }

  private async creditedAmong(unlocks: PaidUnlock[]): Promise<Set<string>> {
    if (unlocks.length === 0) return new Set();
    const rows = await this.dataSource.getRepository(DraftCredit).find({
      where: { paymentId: In(unlocks.map((u) => u.paymentId)) },
      select: { paymentId: true },
    });
    return new Set(rows.map((r) => r.paymentId));
  }
}
