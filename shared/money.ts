/** How many minor units a currency has: 2 for EUR and USD, 0 for JPY, 3 for KWD. */
export function minorUnitDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', {
      style: 'currency',
      currency: currency.toUpperCase(),
    }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** "€ 25.00", "CHF 40.00": integer minor units and an ISO currency, formatted for people. */
export function formatMoney(cents: number, currency: string, locale = 'en-GB'): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: currency.toUpperCase(),
  }).format(fromMinorUnits(cents, currency));
}

/** Like formatMoney, without ".00" on whole amounts ("€149", "€149.50"): for price tags. */
export function formatPrice(cents: number, currency: string, locale = 'en-GB'): string {
  const whole = cents % 10 ** minorUnitDigits(currency) === 0;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: currency.toUpperCase(),
    ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
  }).format(fromMinorUnits(cents, currency));
}

/** Integer minor units as a number of major units (14900, "EUR" → 149). */
export function fromMinorUnits(cents: number, currency: string): number {
  return cents / 10 ** minorUnitDigits(currency);
}

/**
 * What a person typed ("149", "149.5", "1,299.00") as integer minor units, or null when it is
 * not an amount or has more decimals than the currency has.
 */
export function toMinorUnits(amount: string | number, currency: string): number | null {
  const text = String(amount)
    .trim()
    .replace(/[\s,']/g, '');
  const digits = minorUnitDigits(currency);
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}
