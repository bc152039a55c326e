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
 * Minor units as a person would type them back into a money field in their locale, without
 * thousands groups so it reads back unambiguously ("79,50" in de-DE, "1500" for 1500 whole).
 */
export function formatAmountForInput(cents: number, currency: string, locale?: string): string {
  const digits = minorUnitDigits(currency);
  const whole = cents % 10 ** digits === 0;
  const options: Intl.NumberFormatOptions = {
    useGrouping: false,
    minimumFractionDigits: whole ? 0 : digits,
    maximumFractionDigits: whole ? 0 : digits,
  };
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(locale, options);
  } catch {
    format = new Intl.NumberFormat('en', options);
  }
  return format.format(fromMinorUnits(cents, currency));
}

/**
 * What someone typed as integer minor units, read with English separators ("1,299.00"), or
 * null when it is not an amount. Forms use `parseMoneyInput`, which knows the person's locale
 * and says what is wrong.
 */
export function toMinorUnits(amount: string | number, currency: string): number | null {
  const parsed = parseMoneyInput(String(amount), currency, 'en');
  return parsed.ok ? parsed.cents : null;
}

export type MoneyInputErrorCode =
  'EMPTY' | 'NOT_A_NUMBER' | 'NEGATIVE' | 'TOO_MANY_DECIMALS' | 'AMBIGUOUS';

export type MoneyInputResult =
  { ok: true; cents: number } | { ok: false; code: MoneyInputErrorCode; message: string };

/** Spaces (incl. no-break and narrow no-break) and apostrophes only ever group digits. */
const GROUP_ONLY = /[\s\u00a0\u202f\u2009'\u2019]/;
const MINUS = /^[-\u2212]/;

/**
 * What a person typed into a money field ("79,50", "1.234,56", "CHF 1'234.50", "1 234,56 €")
 * as integer minor units of `currency`, read the way people write amounts where `locale` is
 * spoken; or a plain-language reason why it is not one.
 *
 * The currency's symbol or code may stand before or after the number. Spaces and apostrophes
 * only ever group digits. For ',' and '.':
 * - both present: the last one is the decimal separator (it may appear once) and the other
 *   groups digits;
 * - one of them, several times: it groups digits ("1.234.567");
 * - one of them, once, followed by anything but 3 digits: it is the decimal separator, in any
 *   locale ("79,50" is 79.50 in en-GB too: digits are never grouped in twos);
 * - one of them, once, followed by exactly 3 digits, without other grouping:
 *   - the locale's group separator → grouping ("1,500" in en-US is 1500);
 *   - the locale's decimal separator → a decimal for 3-digit currencies (KWD), otherwise
 *     AMBIGUOUS ("1,500" in de-DE: 1.5 or 1500? a German would mean 1.5, a visitor 1500);
 *   - neither (another convention's separator) → grouping when the currency has fewer than
 *     3 decimals ("1.500" in fr-FR is 1500 EUR), otherwise AMBIGUOUS.
 * Grouped digits must come in threes after the first group (or the locale's own pattern,
 * such as en-IN's 12,34,567). More decimals than the currency has (any for JPY) are refused,
 * never rounded; so are a minus sign and an empty field.
 */
export function parseMoneyInput(text: string, currency: string, locale?: string): MoneyInputResult {
  const digits = minorUnitDigits(currency);
  const separators = separatorsOf(locale);
  const typed = text.trim();
  if (typed === '') return refuse('EMPTY', 'Enter an amount');
  const notAnAmount = () =>
    refuse(
      'NOT_A_NUMBER',
      `“${typed}” is not an amount — write it like ${example(digits, separators)}`,
    );

  let body = typed;
  let negative = false;
  const dropSign = () => {
    if (MINUS.test(body)) {
      negative = true;
      body = body.slice(1).trim();
    }
  };
  dropSign();
  body = withoutCurrency(body, currency, locale);
  dropSign();
  if (!/^[\d.,\s\u00a0\u202f\u2009'\u2019]+$/.test(body) || !/\d/.test(body)) return notAnAmount();
  if (negative) return refuse('NEGATIVE', 'Enter an amount without a minus sign');

  const read = readNumber(body, digits, separators);
  if (read.kind === 'ungrouped') {
    return refuse(
      'NOT_A_NUMBER',
      `“${typed}” is not an amount — digits are grouped in threes (1234567 or ${group('1234567', separators)})`,
    );
  }
  if (read.kind === 'ambiguous') {
    const { whole, fraction } = read;
    const decimal = `${whole}${separators.decimal}${fraction.replace(/0+$/, '') || '0'}`;
    const grouped = `${whole}${fraction}`;
    const readings = `“${typed}” could be ${decimal} or ${grouped}`;
    if (digits === 0) {
      return refuse(
        'AMBIGUOUS',
        `${readings} — ${currency.toUpperCase()} has no decimals: write ${grouped}`,
      );
    }
    const exact = /^0*$/.test(fraction.slice(digits));
    const suggestion = exact
      ? `${whole}${separators.decimal}${fraction.slice(0, digits)}`
      : `use at most ${digits} decimals`;
    return refuse('AMBIGUOUS', `${readings} — write ${grouped} or ${suggestion}`);
  }
  if (read.fraction.length > digits) {
    return refuse(
      'TOO_MANY_DECIMALS',
      digits === 0
        ? `${currency.toUpperCase()} amounts have no decimals — write a whole number`
        : `${currency.toUpperCase()} amounts have at most ${digits} decimals (like ${example(digits, separators)})`,
    );
  }
  const cents = Number(`${read.whole}${read.fraction.padEnd(digits, '0')}` || '0');
  if (!Number.isSafeInteger(cents))
    return refuse('NOT_A_NUMBER', `“${typed}” is too large an amount`);
  return { ok: true, cents };
}

type Reading =
  | { kind: 'number'; whole: string; fraction: string }
  | { kind: 'ambiguous'; whole: string; fraction: string }
  | { kind: 'ungrouped' };

/** Applies the separator rules above to digits, ',', '.', spaces and apostrophes. */
function readNumber(body: string, digits: number, separators: Separators): Reading {
  const marks = [...body.matchAll(/[.,]/g)].map((m) => ({ mark: m[0], at: m.index }));
  const lastMark = marks.at(-1);
  const otherGrouping = GROUP_ONLY.test(body);
  let decimalAt = -1;
  let ambiguous = false;
  if (lastMark) {
    const kinds = new Set(marks.map((m) => m.mark));
    const fractionLength = body.length - lastMark.at - 1;
    if (kinds.size === 2 || otherGrouping) {
      decimalAt = lastMark.at;
    } else if (marks.length > 1) {
      decimalAt = -1;
    } else if (fractionLength !== 3) {
      decimalAt = lastMark.at;
    } else if (lastMark.mark === separators.group) {
      decimalAt = -1;
    } else if (lastMark.mark === separators.decimal) {
      decimalAt = lastMark.at;
      ambiguous = digits !== 3;
    } else {
      // Another convention's separator: grouping unless the currency has 3 decimals itself.
      decimalAt = digits < 3 ? -1 : lastMark.at;
      ambiguous = digits >= 3;
    }
  }
  const wholeText = decimalAt < 0 ? body : body.slice(0, decimalAt);
  const fraction = decimalAt < 0 ? '' : body.slice(decimalAt + 1);
  // The decimal separator appears once, after every group.
  if (!/^\d*$/.test(fraction) || (decimalAt >= 0 && wholeText.includes(body[decimalAt]!))) {
    return { kind: 'ungrouped' };
  }
  const groups = wholeText.split(/[.,\s\u00a0\u202f\u2009'\u2019]/);
  if (groups.length > 1 && !groupedWell(groups, separators.indian)) return { kind: 'ungrouped' };
  const whole = groups.join('');
  if (whole === '' && fraction === '') return { kind: 'ungrouped' };
  // "1,500" with a lone first group only: "1234,500" cannot be a thousands group.
  if (ambiguous && (whole === '' || whole.length > 3)) ambiguous = false;
  return { kind: ambiguous ? 'ambiguous' : 'number', whole, fraction };
}

function groupedWell(groups: string[], indian: boolean): boolean {
  const [first, ...rest] = groups;
  if (!first || !/^\d{1,3}$/.test(first)) return false;
  if (rest.every((g) => /^\d{3}$/.test(g))) return true;
  // en-IN: 12,34,567 (twos, then the last three)
  return (
    indian &&
    /^\d{1,2}$/.test(first) &&
    rest.slice(0, -1).every((g) => /^\d{2}$/.test(g)) &&
    /^\d{3}$/.test(rest.at(-1) ?? '')
  );
}

interface Separators {
  decimal: string;
  group: string;
  /** Groups of two before the last three (en-IN, hi-IN). */
  indian: boolean;
}

function separatorsOf(locale?: string): Separators {
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(locale).formatToParts(12_345_678.9);
  } catch {
    parts = new Intl.NumberFormat('en').formatToParts(12_345_678.9);
  }
  const integers = parts.filter((p) => p.type === 'integer').map((p) => p.value);
  return {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    indian: integers.length > 2 && integers[1]?.length === 2,
  };
}

/** Drops the currency's code or symbol ("EUR", "€", "US$", "CHF") before or after the number. */
function withoutCurrency(text: string, currency: string, locale?: string): string {
  const code = currency.toUpperCase();
  const markers = new Set([code]);
  for (const where of [locale, 'en']) {
    for (const display of ['symbol', 'narrowSymbol'] as const) {
      try {
        const parts = new Intl.NumberFormat(where, {
          style: 'currency',
          currency: code,
          currencyDisplay: display,
        }).formatToParts(1);
        const symbol = parts.find((p) => p.type === 'currency')?.value;
        if (symbol) markers.add(symbol.toUpperCase());
      } catch {
        // An unknown locale: the code and the English symbols still work.
      }
    }
  }
  const longestFirst = [...markers].sort((a, b) => b.length - a.length);
  let rest = text;
  for (const marker of longestFirst) {
    if (rest.toUpperCase().startsWith(marker)) rest = rest.slice(marker.length);
    if (rest.toUpperCase().endsWith(marker)) rest = rest.slice(0, rest.length - marker.length);
    rest = rest.trim();
  }
  return rest.replace(/^\p{Sc}|\p{Sc}$/u, '').trim();
}

function example(digits: number, separators: Separators): string {
  return digits === 0 ? '1500' : `149 or 149${separators.decimal}${'5'.padEnd(digits, '0')}`;
}

function group(whole: string, separators: Separators): string {
  const mark = separators.group.trim() === '' ? ' ' : separators.group;
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, mark);
}

function refuse(code: MoneyInputErrorCode, message: string): MoneyInputResult {
  return { ok: false, code, message };
}
