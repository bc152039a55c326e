import { formatMoney } from './money';

describe('formatMoney', () => {
  it('formats minor units in the given currency, whatever its case', () => {
    expect(formatMoney(2_500, 'eur')).toBe('€25.00');
    expect(formatMoney(123_456, 'CHF')).toBe('CHF\u00a01,234.56');
  });
});
