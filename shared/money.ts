/** "€ 25.00", "CHF 40.00": integer minor units and an ISO currency, formatted for people. */
export function formatMoney(cents: number, currency: string, locale = 'en-GB'): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: currency.toUpperCase(),
  }).format(cents / 100);
}
