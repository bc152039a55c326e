import type { PackageLocation, PriceSnapshot } from './bookings.types';

export type DepositRule = { kind: 'percent'; percent: number } | { kind: 'fixed'; cents: number };

export interface PricedPackage {
  name: string;
  durationMinutes: number;
  priceCents: number;
  currency: string;
  deposit: DepositRule;
  includedImages: number;
  extraImagePriceCents: number;
  deliveryDays: number;
  location: PackageLocation;
  travelFeeCents: number;
}

/** A paid draft unlock taken off the price (docs/design.md §8). */
export interface PriceCredit {
  draftId: string;
  amountCents: number;
}

/**
 * The smallest amount a card payment can be (Stripe's minimum charge is 0.50 in EUR, USD, GBP and
 * AUD). A draft credit always leaves at least this much to pay, so a credited booking still goes
 * through a real payment that the photographer's share is transferred from.
 */
export const MIN_CHARGE_CENTS = 50;

/** The most a credit can take off a total (a free booking gets none). */
export function creditableCents(totalCents: number): number {
  return Math.max(0, totalCents - MIN_CHARGE_CENTS);
}

/**
 * The price of a booking, fixed when it is made. Everything is integer minor units: the travel
 * fee applies only on location; a draft credit comes off the total (never below MIN_CHARGE_CENTS); a
 * percentage deposit is of that reduced total, rounded to the nearest minor unit; a fixed
 * deposit never exceeds it.
 */
export function priceBooking(pkg: PricedPackage, credit?: PriceCredit | null): PriceSnapshot {
  const travelFeeCents = pkg.location === 'on_location' ? pkg.travelFeeCents : 0;
  const fullCents = pkg.priceCents + travelFeeCents;
  const creditCents = credit
    ? Math.min(Math.max(0, credit.amountCents), creditableCents(fullCents))
    : 0;
  const totalCents = fullCents - creditCents;
  const depositCents = depositFor(pkg.deposit, totalCents);
  return {
    packageName: pkg.name,
    durationMinutes: pkg.durationMinutes,
    location: pkg.location,
    currency: pkg.currency,
    packagePriceCents: pkg.priceCents,
    travelFeeCents,
    totalCents,
    depositCents,
    balanceCents: totalCents - depositCents,
    includedImages: pkg.includedImages,
    extraImagePriceCents: pkg.extraImagePriceCents,
    deliveryDays: pkg.deliveryDays,
    ...(credit ? { draftCredit: { draftId: credit.draftId, amountCents: creditCents } } : {}),
  };
}

export function depositFor(rule: DepositRule, totalCents: number): number {
  if (rule.kind === 'fixed') return Math.min(rule.cents, totalCents);
  return Math.round((totalCents * rule.percent) / 100);
}
