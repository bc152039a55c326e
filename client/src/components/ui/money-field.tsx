import type { ComponentProps, ReactNode, Ref } from 'react';
import { formatMoney, parseMoneyInput } from '@shared/money';
import { browserLocale } from '@/lib/locale';
import { TextField } from './text-field';
import './money-field.css';

type MoneyFieldProps = Omit<
  ComponentProps<'input'>,
  'value' | 'defaultValue' | 'onChange' | 'children' | 'type'
> & {
  label: string;
  /** ISO code: decides the decimals allowed and the symbol shown. */
  currency: string;
  value: string;
  onChange: (text: string) => void;
  /** The form's message (the parse error after the field is left, or a rule such as "> 0"). */
  error?: string;
  hint?: ReactNode;
  /** Plain words for what an amount means here, e.g. 0 → "extra images are free". */
  meaning?: (cents: number) => string | null;
  /** How the person writes numbers; the browser's language by default. */
  locale?: string;
  ref?: Ref<HTMLInputElement>;
};

/**
 * A money input that reads what people type the way they write it ("79,50", "1.234,56") and
 * shows the amount it understood under the field ("= 79,50 €") before anything is saved.
 * Validation stays with the form, which reads the text with the same `parseMoneyInput`.
 */
export function MoneyField({
  currency,
  value,
  onChange,
  hint,
  meaning,
  locale = browserLocale(),
  ...inputProps
}: MoneyFieldProps) {
  const parsed = parseMoneyInput(value, currency, locale);
  const preview = parsed.ok ? (
    <span className="money-field__preview">
      <span className="money-field__amount">= {formatMoney(parsed.cents, currency, locale)}</span>
      {meaning?.(parsed.cents) ? <> · {meaning(parsed.cents)}</> : null}
    </span>
  ) : null;
  return (
    <TextField
      {...inputProps}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      trailing={<span className="money-field__currency">{currency.toUpperCase()}</span>}
      hint={
        preview || hint ? (
          <>
            {preview}
            {preview && hint ? <br /> : null}
            {hint}
          </>
        ) : undefined
      }
    />
  );
}
