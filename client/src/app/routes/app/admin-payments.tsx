import { AdminPaymentsTable } from '@/features/payments/components/admin-payments-table';
import { AdminRefundsList } from '@/features/payments/components/admin-refunds-list';

/** Admin: every payment and refund, with refunds for bookings and retries of failed ones. */
export default function AdminPaymentsRoute() {
  return (
    <div className="app-page">
      <title>Payments · Lensbridge</title>
      <div className="app-page__header">
        <h1 className="page-title">Payments</h1>
        <p className="page-lead">
          Every payment taken online, newest first. Refunds go back to the card that paid, once per
          request, and never more than what is left.
        </p>
      </div>
      <section className="stack" aria-labelledby="payments-title">
        <h2 id="payments-title" className="section-heading">
          Payments
        </h2>
        <AdminPaymentsTable />
      </section>
      <section className="stack" aria-labelledby="refunds-title">
        <h2 id="refunds-title" className="section-heading">
          Refunds
        </h2>
        <p className="text-muted">
          Each refund Lensbridge asked the payment provider for. One that did not go through is
          tried again by itself; “Retry now” asks at once.
        </p>
        <AdminRefundsList />
      </section>
    </div>
  );
}
