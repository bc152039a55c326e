import { formatMoney, formatPrice, fromMinorUnits, toMinorUnits } from './money';

describe('formatMoney', () => {
  it('formats minor units in the given currency, whatever its case', () => {
    expect(formatMoney(2_500, 'eur')).toBe('€25.00');
    expect(formatMoney(123_456, 'CHF')).toBe('CHF\u00a01,234.56');
  });

  it('knows currencies without minor units', () => {
    expect(formatMoney(5_000, 'JPY')).toBe('JP¥5,000');
  });
});

describe('formatPrice', () => {
  it.each([
    [14_900, 'EUR', '€149'],
    [14_950, 'EUR', '€149.50'],
    [25_000, 'AUD', 'A$250'],
  ])('%i %s → %s', (cents, currency, text) => {
    expect(formatPrice(cents, currency)).toBe(text);
  });
});

describe('toMinorUnits / fromMinorUnits', () => {
  it.each([
    ['149', 'EUR', 14_900],
    ['149.5', 'EUR', 14_950],
    ['1,299.99', 'USD', 129_999],
    [' 0 ', 'EUR', 0],
    ['5000', 'JPY', 5_000],
  ])('%s %s → %i minor units', (typed, currency, cents) => {
    expect(toMinorUnits(typed, currency)).toBe(cents);
    expect(fromMinorUnits(cents, currency)).toBe(Number(typed.replace(/[ ,]/g, '')));
  });

  it.each([['abc'], ['-5'], ['1.234'], [''], ['1.2.3']])('refuses %p', (typed) => {
    expect(toMinorUnits(typed, 'EUR')).toBeNull();
  });

  it('refuses decimals a currency does not have', () => {
    expect(toMinorUnits('5.5', 'JPY')).toBeNull();
  });
});
