import type { ReactNode } from 'react';
import type {
  AtStudioInCurrencyDto,
  EarningsDto,
  EarningsInCurrencyDto,
} from '@shared/payments/payments.types';
import { formatMoney } from '@shared/money';
import { Card } from '@/components/ui/card';
import './payout-account-card.css';

/**
 * Held, paid out and fee totals across the photographer's bookings: one block per currency
 * their packages were paid in (amounts in different currencies are never added up).
 */
export function EarningsCard({ earnings }: { earnings: EarningsDto }) {
  const several = earnings.byCurrency.length > 1;
  return (
    <Card padding="lg" className="payout-card">
      <h2 className="payout-card__title">Earnings</h2>
      {earnings.byCurrency.length === 0 ? (
        <p>
          No payments yet. When a client pays for a session online, your share shows here until it
          is paid out.
        </p>
      ) : (
        earnings.byCurrency.map((money) => (
          <CurrencySection key={money.currency} currency={money.currency} titled={several}>
            <EarningsRows money={money} feePercent={earnings.platformFeePercent} />
          </CurrencySection>
        ))
      )}
    </Card>
  );
}

function EarningsRows({ money, feePercent }: { money: EarningsInCurrencyDto; feePercent: number }) {
  const rows = [
    {
      label: 'Held until delivery',
      value: money.heldCents,
      hint: 'Your share of what clients have paid for sessions you have not delivered yet.',
    },
    { label: 'Paid out', value: money.transferredCents, hint: 'Sent to your payout account.' },
    {
      label: `Platform fee (${feePercent} %)`,
      value: money.platformFeeCents,
      hint: 'Taken from each booking when it is paid out.',
    },
  ];
  return (
    <dl className="details">
      {rows.map((row) => (
        <div className="details__row" key={row.label}>
          <dt>
            {row.label}
            <span className="text-sm text-muted earnings__hint">{row.hint}</span>
          </dt>
          <dd>{formatMoney(row.value, money.currency)}</dd>
        </div>
      ))}
    </dl>
  );
}

const sessions = (n: number) => `${n} session${n === 1 ? '' : 's'}`;

/**
 * With payments at the studio: what clients will pay at the confirmed sessions to come, and
 * what the sessions already held brought, one block per currency (never added up).
 */
export function AtStudioEarningsCard({ atStudio }: { atStudio: AtStudioInCurrencyDto[] }) {
  const several = atStudio.length > 1;
  return (
    <Card padding="lg" className="payout-card">
      <h2 className="payout-card__title">Earnings at the studio</h2>
      {atStudio.length === 0 ? (
        <p>
          No confirmed sessions yet. When a client books, what they pay you at the session shows
          here.
        </p>
      ) : (
        atStudio.map((money) => (
          <CurrencySection key={money.currency} currency={money.currency} titled={several}>
            <dl className="details">
              <div className="details__row">
                <dt>
                  Due at sessions to come
                  <span className="text-sm text-muted earnings__hint">
                    {sessions(money.dueSessions)} confirmed; clients pay you at the session.
                  </span>
                </dt>
                <dd>{formatMoney(money.dueCents, money.currency)}</dd>
              </div>
              <div className="details__row">
                <dt>
                  Sessions held
                  <span className="text-sm text-muted earnings__hint">
                    {sessions(money.heldSessions)} completed or delivered, at the booked price.
                  </span>
                </dt>
                <dd>{formatMoney(money.heldSessionsCents, money.currency)}</dd>
              </div>
            </dl>
          </CurrencySection>
        ))
      )}
    </Card>
  );
}

/** One currency's block: amounts in different currencies are never added up. */
function CurrencySection({
  currency,
  titled,
  children,
}: {
  currency: string;
  titled: boolean;
  children: ReactNode;
}) {
  return (
    <section className="earnings__currency" aria-label={`Earnings in ${currency.toUpperCase()}`}>
      {titled ? <h3 className="earnings__currency-title">{currency.toUpperCase()}</h3> : null}
      {children}
    </section>
  );
}
