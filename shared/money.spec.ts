import {
  formatAmountForInput,
  formatMoney,
  formatPrice,
  fromMinorUnits,
  parseMoneyInput,
  toMinorUnits,
} from './money';

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

describe('parseMoneyInput', () => {
  const NBSP = '\u00a0';
  const NNBSP = '\u202f';

  it.each([
    // text, currency, locale, minor units
    ['79,50', 'EUR', 'de-DE', 7_950],
    ['79,50', 'EUR', 'en-GB', 7_950],
    ['79,50', 'EUR', 'en-US', 7_950],
    ['79.50', 'EUR', 'de-DE', 7_950],
    ['79.50', 'USD', 'en-US', 7_950],
    ['79', 'EUR', 'fr-FR', 7_900],
    ['0', 'EUR', 'de-DE', 0],
    ['79,5', 'EUR', 'de-DE', 7_950],
    ['79.', 'EUR', 'en-GB', 7_900],
    [',50', 'EUR', 'de-DE', 50],
    ['1.234,56', 'EUR', 'de-DE', 123_456],
    ['1.234,56', 'EUR', 'en-US', 123_456],
    ['1,234.56', 'USD', 'en-US', 123_456],
    ['1,234.56', 'EUR', 'de-DE', 123_456],
    ['1 234,56', 'EUR', 'fr-FR', 123_456],
    [`1${NNBSP}234,56`, 'EUR', 'fr-FR', 123_456],
    [`1${NBSP}234,56`, 'EUR', 'fr-FR', 123_456],
    ["1'234.50", 'CHF', 'de-CH', 123_450],
    ['1\u2019234.50', 'CHF', 'de-CH', 123_450],
    ['1.234.567', 'EUR', 'de-DE', 123_456_700],
    ['1,234,567', 'USD', 'en-US', 123_456_700],
    // A lone separator before three digits: the locale's group separator groups.
    ['1,500', 'EUR', 'en-GB', 150_000],
    ['1,500', 'USD', 'en-US', 150_000],
    ['1.500', 'EUR', 'de-DE', 150_000],
    ['79,505', 'EUR', 'en-GB', 7_950_500],
    // ...and another convention's separator groups too, for a currency with cents.
    ['1.500', 'EUR', 'fr-FR', 150_000],
    ['1,500', 'CHF', 'de-CH', 150_000],
    // Currency symbols and codes, before or after.
    ['79,50 €', 'EUR', 'de-DE', 7_950],
    ['€79.50', 'EUR', 'en-GB', 7_950],
    ['EUR 79,50', 'EUR', 'de-DE', 7_950],
    ['79.50 eur', 'EUR', 'en-GB', 7_950],
    ["CHF 1'234.50", 'CHF', 'de-CH', 123_450],
    ['US$12.00', 'USD', 'en-GB', 1_200],
    ['$12', 'USD', 'en-US', 1_200],
    ['  12  ', 'USD', 'en-US', 1_200],
    // Currencies with other minor units.
    ['1500', 'JPY', 'en-GB', 1_500],
    ['1,500', 'JPY', 'en-US', 1_500],
    ['1.500', 'JPY', 'de-DE', 1_500],
    ['¥1,500', 'JPY', 'en-US', 1_500],
    ['1.500', 'KWD', 'en-GB', 1_500],
    ['1,500', 'KWD', 'de-DE', 1_500],
    ['1,5', 'KWD', 'de-DE', 1_500],
    ['1,234.567', 'KWD', 'en-US', 1_234_567],
    ['1.234,567', 'BHD', 'de-DE', 1_234_567],
    ['1,500', 'KWD', 'en-GB', 1_500_000],
    // en-IN groups in twos before the last three.
    ['12,34,567.50', 'INR', 'en-IN', 123_456_750],
  ])('%p %s in %s → %i minor units', (text, currency, locale, cents) => {
    expect(parseMoneyInput(text, currency, locale)).toEqual({ ok: true, cents });
  });

  it.each([
    ['', 'EUR', 'de-DE', 'EMPTY'],
    ['   ', 'EUR', 'en-GB', 'EMPTY'],
    ['abc', 'EUR', 'en-GB', 'NOT_A_NUMBER'],
    ['€', 'EUR', 'en-GB', 'NOT_A_NUMBER'],
    ['12abc', 'EUR', 'en-GB', 'NOT_A_NUMBER'],
    ['1e5', 'EUR', 'en-GB', 'NOT_A_NUMBER'],
    ['1.2.3', 'EUR', 'en-GB', 'NOT_A_NUMBER'],
    ['1,50,0', 'EUR', 'en-US', 'NOT_A_NUMBER'],
    ['1.234.56,7', 'EUR', 'de-DE', 'NOT_A_NUMBER'],
    ['1,234.567,89', 'EUR', 'de-DE', 'NOT_A_NUMBER'],
    ['12,34,567', 'INR', 'en-US', 'NOT_A_NUMBER'],
    ['-5', 'EUR', 'en-GB', 'NEGATIVE'],
    ['−5', 'EUR', 'en-GB', 'NEGATIVE'],
    ['-€5', 'EUR', 'en-GB', 'NEGATIVE'],
    ['€ -5', 'EUR', 'en-GB', 'NEGATIVE'],
    ['79,505', 'EUR', 'de-DE', 'AMBIGUOUS'],
    ['1,500', 'EUR', 'de-DE', 'AMBIGUOUS'],
    ['1,500', 'EUR', 'fr-FR', 'AMBIGUOUS'],
    ['1.500', 'EUR', 'en-GB', 'AMBIGUOUS'],
    ['1.500', 'CHF', 'de-CH', 'AMBIGUOUS'],
    ['1,500', 'JPY', 'de-DE', 'AMBIGUOUS'],
    ['1.500', 'KWD', 'fr-FR', 'AMBIGUOUS'],
    ['79,5050', 'EUR', 'de-DE', 'TOO_MANY_DECIMALS'],
    ['1 234,567', 'EUR', 'fr-FR', 'TOO_MANY_DECIMALS'],
    ['1.234,567', 'EUR', 'de-DE', 'TOO_MANY_DECIMALS'],
    ['1234,500', 'EUR', 'de-DE', 'TOO_MANY_DECIMALS'],
    ['5.5', 'JPY', 'en-GB', 'TOO_MANY_DECIMALS'],
    ['5,50', 'JPY', 'de-DE', 'TOO_MANY_DECIMALS'],
    ['1,2345', 'KWD', 'de-DE', 'TOO_MANY_DECIMALS'],
  ])('refuses %p %s in %s: %s', (text, currency, locale, code) => {
    expect(parseMoneyInput(text, currency, locale)).toMatchObject({ ok: false, code });
  });

  it('says what an ambiguous amount could mean and how to write it, in the locale’s way', () => {
    expect(parseMoneyInput('1,500', 'EUR', 'de-DE')).toMatchObject({
      message: '“1,500” could be 1,5 or 1500 — write 1500 or 1,50',
    });
    expect(parseMoneyInput('79,505', 'EUR', 'de-DE')).toMatchObject({
      message: '“79,505” could be 79,505 or 79505 — write 79505 or use at most 2 decimals',
    });
    expect(parseMoneyInput('1.500', 'JPY', 'en-GB')).toMatchObject({
      message: '“1.500” could be 1.5 or 1500 — JPY has no decimals: write 1500',
    });
  });

  it('explains the other refusals in plain words', () => {
    expect(parseMoneyInput('', 'EUR', 'de-DE')).toMatchObject({ message: 'Enter an amount' });
    expect(parseMoneyInput('abc', 'EUR', 'de-DE')).toMatchObject({
      message: '“abc” is not an amount — write it like 149 or 149,50',
    });
    expect(parseMoneyInput('abc', 'KWD', 'en-GB')).toMatchObject({
      message: '“abc” is not an amount — write it like 149 or 149.500',
    });
    expect(parseMoneyInput('5.5', 'JPY', 'en-GB')).toMatchObject({
      message: 'JPY amounts have no decimals — write a whole number',
    });
    expect(parseMoneyInput('1,999', 'EUR', 'fr-FR')).toMatchObject({ code: 'AMBIGUOUS' });
    expect(parseMoneyInput('9,999', 'EUR', 'de-DE')).toMatchObject({ code: 'AMBIGUOUS' });
    expect(parseMoneyInput('79,505', 'USD', 'en-US')).toEqual({ ok: true, cents: 7_950_500 });
    expect(parseMoneyInput('1,50,0', 'EUR', 'de-DE')).toMatchObject({
      message: '“1,50,0” is not an amount — digits are grouped in threes (1234567 or 1.234.567)',
    });
  });

  it('reads the amount the same way formatMoney writes it, in every locale', () => {
    for (const locale of ['en-GB', 'en-US', 'de-DE', 'fr-FR', 'de-CH', 'en-IN']) {
      for (const [cents, currency] of [
        [123_456_789, 'EUR'],
        [5, 'USD'],
        [1_234_567, 'JPY'],
        [1_234_567, 'KWD'],
      ] as const) {
        const text = formatMoney(cents, currency, locale);
        expect([text, parseMoneyInput(text, currency, locale)]).toEqual([
          text,
          { ok: true, cents },
        ]);
      }
    }
  });

  it('falls back to English separators for a locale Intl does not know', () => {
    expect(parseMoneyInput('1,234.50', 'EUR', 'not a locale!')).toEqual({
      ok: true,
      cents: 123_450,
    });
  });
});

describe('formatAmountForInput', () => {
  it.each([
    [7_950, 'EUR', 'de-DE', '79,50'],
    [7_950, 'EUR', 'en-GB', '79.50'],
    [7_900, 'EUR', 'de-DE', '79'],
    [123_456, 'EUR', 'fr-FR', '1234,56'],
    [150_000, 'EUR', 'de-DE', '1500'],
    [1_500, 'JPY', 'de-DE', '1500'],
    [1_500, 'KWD', 'de-DE', '1,500'],
  ])('%i %s in %s → %p, which reads back as the same amount', (cents, currency, locale, text) => {
    expect(formatAmountForInput(cents, currency, locale)).toBe(text);
    expect(parseMoneyInput(text, currency, locale)).toEqual({ ok: true, cents });
  });
});
