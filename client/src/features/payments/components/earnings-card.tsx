import type { EarningsDto } from '@shared/payments/payments.types';
import { Card } from '@/components/ui/card';
import './payout-account-card.css';

function money(cents: number, currency: string): string {
  return new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency: currency.toUpperCase(),
  }).format(cents / 100);
}

/** Held, paid out and fee totals across the photographer's bookings. */
export function EarningsCard({ earnings }: { earnings: EarningsDto }) {
  const rows = [
    {
      label: 'Held until delivery',
      value: earnings.heldCents,
      hint: 'Your share of what clients have paid for sessions you have not delivered yet.',
    },
    { label: 'Paid out', value: earnings.transferredCents, hint: 'Sent to your payout account.' },
    {
      label: `Platform fee (${earnings.platformFeePercent} %)`,
      value: earnings.platformFeeCents,
      hint: 'Taken from each booking when it is paid out.',
    },
  ];
  return (
    <Card padding="lg" className="payout-card">
      <h2 className="payout-card__title">Earnings</h2>
      <dl className="details">
        {rows.map((row) => (
          <div className="details__row" key={row.label}>
            <dt>
              {row.label}
              <span className="text-sm text-muted earnings__hint">{row.hint}</span>
            </dt>
            <dd>{money(row.value, earnings.currency)}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
