/** A payment as the payments module hands it to purpose handlers and queries. */
export type { Payment } from './payment.entity';
