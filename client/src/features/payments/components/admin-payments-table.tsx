import { useState } from 'react';
import { Link } from 'react-router';
import type { AdminPaymentDto } from '@shared/payments/payments.types';
import { formatAmountForInput, formatMoney, parseMoneyInput } from '@shared/money';
import { Alert } from '@/components/ui/alert';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { MoneyField } from '@/components/ui/money-field';
import { Pager } from '@/components/ui/pager';
import { PageLoader } from '@/components/ui/spinner';
import { describeError } from '@/lib/error-messages';
import { browserLocale } from '@/lib/locale';
import { useAdminPayments, useRefundBooking } from '../api/admin-payments';
import './payout-account-card.css';

const tones: Record<AdminPaymentDto['status'], BadgeTone> = {
  pending: 'neutral',
  processing: 'neutral',
  succeeded: 'success',
  failed: 'danger',
  expired: 'neutral',
  partially_refunded: 'warn',
  refunded: 'warn',
};

/** Every payment, newest first, with a refund for what is left on a booking's payment. */
export function AdminPaymentsTable() {
  const [page, setPage] = useState(1);
  const payments = useAdminPayments(page);
  const pages = payments.data
    ? Math.max(1, Math.ceil(payments.data.total / payments.data.pageSize))
    : 1;
  if (payments.isPending) return <PageLoader label="Loading payments…" />;
  if (payments.isError) return <Alert tone="danger">{describeError(payments.error)}</Alert>;
  if (payments.data.items.length === 0) {
    return (
      <Card>
        <p>No payments yet. With the manual provider nothing is charged online.</p>
      </Card>
    );
  }
  return (
    <div className="stack">
      <ul className="plain-list admin-payments" aria-label="Payments">
        {payments.data.items.map((payment) => (
          <li key={payment.id}>
            <PaymentRow payment={payment} />
          </li>
        ))}
      </ul>
      <Pager page={page} pages={pages} onPage={setPage} />
    </div>
  );
}

function PaymentRow({ payment }: { payment: AdminPaymentDto }) {
  const refund = useRefundBooking();
  const [requestId] = useState(() => crypto.randomUUID());
  const left = payment.amountCents - payment.refundedCents;
  const [amount, setAmount] = useState(() =>
    formatAmountForInput(left, payment.currency, browserLocale()),
  );
  // Checked on the first submit, then as the admin types.
  const [checked, setChecked] = useState(false);
  const money = (cents: number) => formatMoney(cents, payment.currency);
  const reading = readRefund(amount, payment.currency, left);
  const error = checked && !reading.ok ? reading.message : undefined;
  const refundable =
    payment.purpose === 'booking' &&
    left > 0 &&
    ['succeeded', 'partially_refunded'].includes(payment.status);
  return (
    <Card className="admin-payments__row">
      <div className="admin-payments__what">
        <strong>
          {money(payment.amountCents)} · {payment.kind.replaceAll('_', ' ')}
        </strong>
        <span className="text-sm text-muted">
          {new Date(payment.createdAt).toLocaleString('en-GB')} ·{' '}
          {payment.purpose === 'booking' ? (
            <Link to={`/app/bookings/${payment.referenceId}`}>booking</Link>
          ) : (
            'AI draft unlock'
          )}{' '}
          · {payment.provider}
          {payment.refundedCents > 0 ? ` · ${money(payment.refundedCents)} refunded` : ''}
        </span>
      </div>
      <Badge tone={tones[payment.status]}>{payment.status.replaceAll('_', ' ')}</Badge>
      {refundable ? (
        <form
          className="admin-payments__refund"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setChecked(true);
            if (!reading.ok) return;
            refund.mutate({
              bookingId: payment.referenceId,
              amountCents: reading.cents,
              requestId,
            });
          }}
        >
          <MoneyField
            id={`refund-${payment.id}`}
            label={`Refund (${payment.currency.toUpperCase()})`}
            currency={payment.currency}
            value={amount}
            onChange={setAmount}
            error={error}
          />
          <Button type="submit" size="sm" variant="secondary" loading={refund.isPending}>
            Refund
          </Button>
        </form>
      ) : null}
      {refund.isSuccess ? <Alert tone="success">Refund sent.</Alert> : null}
      {refund.isError ? <Alert tone="danger">{describeError(refund.error)}</Alert> : null}
    </Card>
  );
}

/** The refund amount an admin typed, between 0 and what is left of the payment. */
function readRefund(
  text: string,
  currency: string,
  leftCents: number,
): { ok: true; cents: number } | { ok: false; message: string } {
  const parsed = parseMoneyInput(text, currency, browserLocale());
  if (!parsed.ok) {
    return {
      ok: false,
      message: parsed.code === 'EMPTY' ? 'Enter the amount to refund' : parsed.message,
    };
  }
  if (parsed.cents <= 0) return { ok: false, message: 'Refund more than 0' };
  if (parsed.cents > leftCents) {
    return { ok: false, message: `At most what is left: ${formatMoney(leftCents, currency)}` };
  }
  return parsed;
}
