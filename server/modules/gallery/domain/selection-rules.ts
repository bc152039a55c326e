import type { PaymentProviderName } from '../../../../shared/payments/payments.types';

export interface SelectionRequest {
  count: number;
  includedImages: number;
  extraImagePriceCents: number;
  /** The client said yes to paying for photos beyond the package. */
  acceptExtraCharge: boolean;
  provider: PaymentProviderName;
  /** Extra photos already paid for online (a completed checkout). */
  paidExtraCount: number;
}

export type SelectionDecision =
  | { ok: true; extraCount: number; extraAmountCents: number; charge: 'none' }
  | { ok: true; extraCount: number; extraAmountCents: number; charge: 'due_at_studio' }
  | { ok: true; extraCount: number; extraAmountCents: number; charge: 'paid' }
  | {
      ok: true;
      extraCount: number;
      extraAmountCents: number;
      charge: 'checkout';
      /** What the new checkout charges: only the extras not paid yet. */
      checkoutCents: number;
    }
  | { ok: false; reason: 'payment_required'; extraCount: number; extraAmountCents: number }
  | { ok: false; reason: 'extras_already_paid'; extraCount: number; extraAmountCents: number };

/**
 * What a selection of favourites costs and how it is paid. Up to the package's included number
 * is free; every photo beyond it costs the package's extra-image price, agreed to explicitly.
 * With the `manual` provider the extra is due at the studio; with an online provider it is
 * charged by one checkout (a second online top-up is not offered: see README).
 */
export function decideSelection(request: SelectionRequest): SelectionDecision {
  const extraCount = Math.max(0, request.count - request.includedImages);
  const extraAmountCents = extraCount * request.extraImagePriceCents;
  const base = { extraCount, extraAmountCents };
  if (extraAmountCents === 0) return { ok: true, ...base, charge: 'none' };
  const unpaid = Math.max(0, extraCount - request.paidExtraCount);
  if (request.provider !== 'manual' && unpaid === 0) return { ok: true, ...base, charge: 'paid' };
  if (!request.acceptExtraCharge) return { ok: false, reason: 'payment_required', ...base };
  if (request.provider === 'manual') return { ok: true, ...base, charge: 'due_at_studio' };
  if (request.paidExtraCount > 0) return { ok: false, reason: 'extras_already_paid', ...base };
  return {
    ok: true,
    ...base,
    charge: 'checkout',
    checkoutCents: unpaid * request.extraImagePriceCents,
  };
}
