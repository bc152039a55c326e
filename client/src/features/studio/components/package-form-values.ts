import type { PackageDto } from '@shared/photographers/photographers.types';
import { formatAmountForInput, formatMoney, parseMoneyInput } from '@shared/money';
import { browserLocale } from '@/lib/locale';

/**
 * The form speaks major units as the person writes them ("149,50" in Germany); the API speaks
 * integer minor units (14950). A free session is ticked, never an empty price.
 */
export interface PackageFormValues {
  name: string;
  description: string;
  durationMinutes: string;
  free: boolean;
  price: string;
  currency: string;
  depositKind: 'percent' | 'fixed';
  depositPercent: string;
  depositAmount: string;
  includedImages: string;
  extraImagePrice: string;
  deliveryDays: string;
  location: 'studio' | 'on_location';
  travelFee: string;
}

export type MoneyFieldName = 'price' | 'depositAmount' | 'extraImagePrice' | 'travelFee';

export function valuesOf(pkg: PackageDto | null, currency: string): PackageFormValues {
  const major = (cents: number) =>
    formatAmountForInput(cents, pkg?.currency ?? currency, browserLocale());
  return {
    name: pkg?.name ?? '',
    description: pkg?.description ?? '',
    durationMinutes: String(pkg?.durationMinutes ?? 60),
    free: pkg?.priceCents === 0,
    price: pkg && pkg.priceCents > 0 ? major(pkg.priceCents) : '',
    currency: pkg?.currency ?? currency,
    depositKind: pkg?.deposit.kind ?? 'percent',
    depositPercent: pkg?.deposit.kind === 'percent' ? String(pkg.deposit.percent) : '30',
    depositAmount: pkg?.deposit.kind === 'fixed' ? major(pkg.deposit.cents) : '',
    includedImages: String(pkg?.includedImages ?? 3),
    extraImagePrice: pkg ? major(pkg.extraImagePriceCents) : '0',
    deliveryDays: String(pkg?.deliveryDays ?? 7),
    location: pkg?.location ?? 'studio',
    travelFee: pkg ? major(pkg.travelFeeCents) : '0',
  };
}

/** Minor units of a money field, or null when it does not read as an amount. */
export function centsOf(values: PackageFormValues, field: MoneyFieldName): number | null {
  const parsed = parseMoneyInput(values[field], values.currency, browserLocale());
  return parsed.ok ? parsed.cents : null;
}

type Rule = (text: string, values: PackageFormValues) => true | string;

/** The same reading MoneyField previews, as the message that blocks the submit. */
function readable(text: string, values: PackageFormValues, empty: string): true | string {
  const parsed = parseMoneyInput(text, values.currency, browserLocale());
  if (parsed.ok) return true;
  return parsed.code === 'EMPTY' ? empty : parsed.message;
}

/**
 * What each money field accepts. The price must be above zero unless "Free session" is
 * ticked; the per-image price and the travel fee are required, and 0 says "none"; a fixed
 * deposit is at most what the client pays. Hidden fields are not checked.
 */
export const MONEY_RULES: Record<MoneyFieldName, Rule> = {
  price: (text, values) => {
    if (values.free) return true;
    const read = readable(
      text,
      values,
      'Enter the price — or tick “Free session” if it costs nothing',
    );
    if (read !== true) return read;
    return centsOf(values, 'price') === 0
      ? 'A price of 0 is a free session: tick “Free session”, or enter a price'
      : true;
  },
  depositAmount: (text, values) => {
    if (values.free || values.depositKind !== 'fixed') return true;
    const read = readable(text, values, 'Enter the deposit — 0 for none');
    if (read !== true) return read;
    const total =
      (centsOf(values, 'price') ?? 0) +
      (values.location === 'on_location' ? (centsOf(values, 'travelFee') ?? 0) : 0);
    return (centsOf(values, 'depositAmount') ?? 0) > total
      ? `A deposit can be at most what the client pays (${formatMoney(total, values.currency, browserLocale())})`
      : true;
  },
  extraImagePrice: (text, values) =>
    readable(text, values, 'Enter the price per extra image — 0 if extra images are free'),
  travelFee: (text, values) =>
    values.location !== 'on_location'
      ? true
      : readable(text, values, 'Enter the travel fee — 0 if you do not charge for travel'),
};
