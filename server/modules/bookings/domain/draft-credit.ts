/**
 * The draft credit (docs/design.md §8): what a client paid to unlock an AI draft's HD images is taken
 * off a studio booking they make within 30 days, once. The platform kept the unlock fee, so the
 * platform funds the credit. Pure: the caller loads the payments and the credits already used.
 */

import { creditableCents } from '../../../../shared/bookings/pricing';

/** How long after the unlock was paid the credit can be used. */
export const DRAFT_CREDIT_DAYS = 30;
const DAY_MS = 24 * 3_600_000;

/** One draft unlock payment of the client (purpose and kind `draft_unlock`). */
export interface PaidUnlock {
  paymentId: string;
  draftId: string;
  payerId: string;
  /** Payment status: only `succeeded` or `partially_refunded` count as paid. */
  status: string;
  amountCents: number;
  refundedCents: number;
  currency: string;
  /** When the money arrived (the ledger's charge); null while it has not. */
  paidAt: Date | null;
}

export interface CreditRequest {
  draftId: string;
  clientId: string;
  /** The booking's currency and its total before any credit. */
  currency: string;
  totalCents: number;
  now: Date;
  /** Whether the draft row exists and belongs to the client (a deleted draft's payment still counts). */
  draftOwned: boolean;
}

export type CreditRefusal =
  'DRAFT_NOT_FOUND' | 'CREDIT_ALREADY_USED' | 'CREDIT_EXPIRED' | 'CREDIT_NOT_AVAILABLE';

export type CreditDecision =
  | { ok: true; paymentId: string; draftId: string; amountCents: number; expiresAt: Date }
  | { ok: false; code: CreditRefusal; message: string };

export interface AvailableCredit {
  paymentId: string;
  draftId: string;
  amountCents: number;
  currency: string;
  expiresAt: Date;
}

const PAID_STATUSES = ['succeeded', 'partially_refunded'];

const netOf = (u: PaidUnlock) => Math.max(0, u.amountCents - u.refundedCents);
const expiryOf = (paidAt: Date) => new Date(paidAt.getTime() + DRAFT_CREDIT_DAYS * DAY_MS);
const isPaid = (u: PaidUnlock): u is PaidUnlock & { paidAt: Date } =>
  PAID_STATUSES.includes(u.status) && u.paidAt !== null && netOf(u) > 0;
const sameCurrency = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Whether the client may take `request.draftId`'s unlock off this booking, and how much:
 * only their own payment, paid (net of refunds), within 30 days, in the booking's currency,
 * never a payment already credited, never more than the booking's total.
 */
export function decideDraftCredit(
  unlocks: readonly PaidUnlock[],
  creditedPaymentIds: ReadonlySet<string>,
  request: CreditRequest,
): CreditDecision {
  const theirs = unlocks.filter(
    (u) => u.draftId === request.draftId && u.payerId === request.clientId,
  );
  if (theirs.length === 0 && !request.draftOwned) {
    return { ok: false, code: 'DRAFT_NOT_FOUND', message: 'No such draft.' };
  }
  const paid = theirs.filter(isPaid).sort((a, b) => b.paidAt.getTime() - a.paidAt.getTime());
  if (paid.length === 0) {
    return {
      ok: false,
      code: 'CREDIT_NOT_AVAILABLE',
      message:
        'This draft’s HD unlock was not paid (or was refunded), so there is nothing to credit.',
    };
  }
  const unused = paid.filter((u) => !creditedPaymentIds.has(u.paymentId));
  if (unused.length === 0) {
    return {
      ok: false,
      code: 'CREDIT_ALREADY_USED',
      message: 'This draft’s unlock has already been credited against another booking.',
    };
  }
  const inCurrency = unused.filter((u) => sameCurrency(u.currency, request.currency));
  if (inCurrency.length === 0) {
    return {
      ok: false,
      code: 'CREDIT_NOT_AVAILABLE',
      message: `The unlock was paid in ${unused[0]!.currency.toUpperCase()}; this booking is in ${request.currency.toUpperCase()}, so it cannot be credited.`,
    };
  }
  const valid = inCurrency.filter((u) => expiryOf(u.paidAt) > request.now);
  if (valid.length === 0) {
    return {
      ok: false,
      code: 'CREDIT_EXPIRED',
      message: `The unlock was paid more than ${DRAFT_CREDIT_DAYS} days ago; its credit has expired.`,
    };
  }
  const unlock = valid[0]!;
  const amountCents = Math.min(netOf(unlock), creditableCents(request.totalCents));
  if (amountCents <= 0) {
    return {
      ok: false,
      code: 'CREDIT_NOT_AVAILABLE',
      message: 'This booking costs too little to take a credit off it.',
    };
  }
  return {
    ok: true,
    paymentId: unlock.paymentId,
    draftId: unlock.draftId,
    amountCents,
    expiresAt: expiryOf(unlock.paidAt),
  };
}

/** The client's unlocks that could still be credited now (any currency), soonest expiry first. */
export function availableDraftCredits(
  unlocks: readonly PaidUnlock[],
  creditedPaymentIds: ReadonlySet<string>,
  clientId: string,
  now: Date,
): AvailableCredit[] {
  const byDraft = new Map<string, AvailableCredit>();
  for (const u of unlocks) {
    if (u.payerId !== clientId || !isPaid(u) || creditedPaymentIds.has(u.paymentId)) continue;
    const expiresAt = expiryOf(u.paidAt);
    if (expiresAt <= now) continue;
    const previous = byDraft.get(u.draftId);
    if (previous && previous.expiresAt >= expiresAt) continue;
    byDraft.set(u.draftId, {
      paymentId: u.paymentId,
      draftId: u.draftId,
      amountCents: netOf(u),
      currency: u.currency,
      expiresAt,
    });
  }
  return [...byDraft.values()].sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime());
}
