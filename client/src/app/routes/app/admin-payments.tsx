import { AdminPaymentsTable } from '@/features/payments/components/admin-payments-table';

/** Admin: every payment and refund, with refunds for bookings. */
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
      <AdminPaymentsTable />
    </div>
  );
}
