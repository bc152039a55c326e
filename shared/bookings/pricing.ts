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

/**
 * The price of a booking, fixed when it is made. Everything is integer minor units: the travel
 * fee applies only on location; a percentage deposit is of the total, rounded to the nearest
 * minor unit; a fixed deposit never exceeds the total.
 */
export function priceBooking(pkg: PricedPackage): PriceSnapshot {
  const travelFeeCents = pkg.location === 'on_location' ? pkg.travelFeeCents : 0;
  const totalCents = pkg.priceCents + travelFeeCents;
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
  };
}

export function depositFor(rule: DepositRule, totalCents: number): number {
  if (rule.kind === 'fixed') return Math.min(rule.cents, totalCents);
  return Math.round((totalCents * rule.percent) / 100);
}
