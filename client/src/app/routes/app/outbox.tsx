import { OutboxTable } from '@/features/notifications/components/outbox-table';

/** Admin: every email written to the outbox (the embedded mail transport). */
export default function OutboxRoute() {
  return (
    <div className="app-page">
      <title>Outbox · Lensbridge</title>
      <div className="app-page__header">
        <h1 className="page-title">Outbox</h1>
        <p className="page-lead">
          Every email Lensbridge has sent. Without an SMTP server they are written as .eml files to
          the outbox folder; times inside are in each recipient’s zone.
        </p>
      </div>
      <OutboxTable />
    </div>
  );
}
