import { useState } from 'react';
import { Link } from 'react-router';
import {
  REFUND_REQUEST_STATUSES,
  type AdminRefundRequestDto,
  type RefundRequestStatus,
} from '@shared/payments/payments.types';
import { formatMoney } from '@shared/money';
import { Alert } from '@/components/ui/alert';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Pager } from '@/components/ui/pager';
import { PageLoader } from '@/components/ui/spinner';
import { ApiError } from '@/lib/api-client';
import { describeError } from '@/lib/error-messages';
import { useAdminRefunds, useRetryRefund } from '../api/admin-refunds';
import './payout-account-card.css';

const STATUS: Record<RefundRequestStatus, { label: string; tone: BadgeTone }> = {
  pending: { label: 'Pending', tone: 'neutral' },
  retrying: { label: 'Retrying', tone: 'warn' },
  succeeded: { label: 'Refunded', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
};

const FILTER_LABEL: Record<RefundRequestStatus, string> = {
  pending: 'Pending',
  retrying: 'Retrying',
  succeeded: 'Refunded',
  failed: 'Failed',
};

/** Why Lensbridge refunded, in plain words (the server stores a short code). */
export function refundReason(reason: string): string {
  if (reason.startsWith('admin-')) return 'Refunded by an admin';
  switch (reason) {
    case 'cancelled_by_client':
      return 'The client cancelled';
    case 'cancelled_by_photographer':
      return 'The photographer cancelled';
    case 'declined':
      return 'The photographer declined the booking';
    case 'late-payment':
      return 'The payment arrived after the hold ended';
    default: {
      const words = reason.replaceAll(/[_-]+/g, ' ').trim();
      return words ? words[0]!.toUpperCase() + words.slice(1) : 'No reason given';
    }
  }
}

const when = (iso: string) => new Date(iso).toLocaleString('en-GB');

/** Every refund Lensbridge asked the provider for, with its retries and a way to retry now. */
export function AdminRefundsList() {
  const [status, setStatus] = useState<RefundRequestStatus | ''>('');
  const [page, setPage] = useState(1);
  const refunds = useAdminRefunds({ page, status: status || undefined });
  const pages = refunds.data
    ? Math.max(1, Math.ceil(refunds.data.total / refunds.data.pageSize))
    : 1;

  return (
    <div className="stack">
      <div className="field admin-refunds__filter">
        <label className="field__label" htmlFor="refund-status">
          Show
        </label>
        <select
          id="refund-status"
          className="field__input"
          value={status}
          onChange={(event) => {
            setStatus(event.target.value as RefundRequestStatus | '');
            setPage(1);
          }}
        >
          <option value="">All refunds</option>
          {REFUND_REQUEST_STATUSES.map((s) => (
            <option key={s} value={s}>
              {FILTER_LABEL[s]}
            </option>
          ))}
        </select>
      </div>
      {refunds.isPending ? <PageLoader label="Loading refunds…" /> : null}
      {refunds.isError ? (
        <Alert tone="danger" title="Could not load the refunds">
          <p>{describeError(refunds.error)}</p>
          <p>
            <Button size="sm" variant="secondary" onClick={() => void refunds.refetch()}>
              Try again
            </Button>
          </p>
        </Alert>
      ) : null}
      {refunds.data && refunds.data.items.length === 0 ? (
        <Card>
          <p>
            {status
              ? `No ${FILTER_LABEL[status].toLowerCase()} refunds.`
              : 'No refunds yet. Cancellations, declines and admin refunds show here.'}
          </p>
        </Card>
      ) : null}
      {refunds.data && refunds.data.items.length > 0 ? (
        <>
          <ul className="plain-list admin-payments" aria-label="Refunds">
            {refunds.data.items.map((refund) => (
              <li key={refund.id}>
                <RefundRow refund={refund} />
              </li>
            ))}
          </ul>
          <Pager page={page} pages={pages} onPage={setPage} />
        </>
      ) : null}
    </div>
  );
}

function RefundRow({ refund }: { refund: AdminRefundRequestDto }) {
  const retry = useRetryRefund();
  const status = STATUS[refund.status];
  const retryable = refund.status === 'retrying' || refund.status === 'failed';
  const alreadyDone =
    retry.error instanceof ApiError && retry.error.code === 'REFUND_NOT_RETRYABLE';
  return (
    <Card className="admin-payments__row">
      <div className="admin-payments__what">
        <strong>
          {formatMoney(refund.amountCents, refund.currency)} · {refundReason(refund.reason)}
        </strong>
        <span className="text-sm text-muted">
          Asked {when(refund.createdAt)} ·{' '}
          {refund.purpose === 'booking' ? (
            <Link to={`/app/bookings/${refund.referenceId}`}>booking</Link>
          ) : (
            'AI draft unlock'
          )}
        </span>
        <RefundProgress refund={refund} />
      </div>
      <Badge tone={status.tone}>{status.label}</Badge>
      {retryable ? (
        <Button
          size="sm"
          variant="secondary"
          loading={retry.isPending}
          onClick={() => retry.mutate(refund.id)}
        >
          Retry now
        </Button>
      ) : null}
      {retry.isError ? (
        <Alert tone={alreadyDone ? 'info' : 'danger'}>
          {alreadyDone
            ? 'This refund has already gone through; the list is up to date now.'
            : describeError(retry.error)}
        </Alert>
      ) : null}
    </Card>
  );
}

/** Where the refund stands: the provider's id once done, the attempts and last error otherwise. */
function RefundProgress({ refund }: { refund: AdminRefundRequestDto }) {
  const attempts = `${refund.attempts} attempt${refund.attempts === 1 ? '' : 's'}`;
  switch (refund.status) {
    case 'succeeded':
      return (
        <span className="text-sm">
          Refunded{refund.providerRefundId ? ` · provider refund ${refund.providerRefundId}` : ''}
        </span>
      );
    case 'pending':
      return <span className="text-sm">Waiting for the payment provider’s answer</span>;
    case 'retrying':
      return (
        <span className="text-sm">
          {attempts} so far
          {refund.nextAttemptAt ? ` · next try ${when(refund.nextAttemptAt)}` : ''}
          {refund.lastError ? ` · last answer: ${refund.lastError}` : ''}
        </span>
      );
    case 'failed':
      return (
        <span className="text-sm admin-refunds__error">
          Gave up after {attempts}
          {refund.lastError ? `: ${refund.lastError}` : ''}
        </span>
      );
  }
}
