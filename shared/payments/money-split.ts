/**
 * Money rules of the ledger, in integer minor units. Rounding always favours the photographer
 * by at most one minor unit, and every split adds up exactly.
 */

/** The platform's fee and the photographer's share of an amount. */
export function splitPlatformFee(
  amountCents: number,
  feePercent: number,
): { feeCents: number; shareCents: number } {
  assertMinorUnits(amountCents);
  const feeCents = Math.floor((amountCents * feePercent) / 100);
  return { feeCents, shareCents: amountCents - feeCents };
}

/**
 * How much of a transfer to take back when part of the client's payment is refunded after the
 * photographer was paid: the same proportion as the refund is of what was charged.
 */
export function proportionalReversal(input: {
  transferredCents: number;
  alreadyReversedCents: number;
  chargedCents: number;
  refundCents: number;
}): number {
  const { transferredCents, alreadyReversedCents, chargedCents, refundCents } = input;
  [transferredCents, alreadyReversedCents, chargedCents, refundCents].forEach(assertMinorUnits);
  if (chargedCents === 0) return 0;
  const wanted = Math.ceil((transferredCents * refundCents) / chargedCents);
  return Math.max(0, Math.min(wanted, transferredCents - alreadyReversedCents));
}

/** How much of a payment can still be refunded. */
export function refundableCents(payment: { amountCents: number; refundedCents: number }): number {
  return Math.max(0, payment.amountCents - payment.refundedCents);
}

function assertMinorUnits(value: number): void {
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`Not an amount in minor units: ${value}`);
}
