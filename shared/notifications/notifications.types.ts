export type OutboxStatus = 'queued' | 'sent' | 'failed';

/** One email in the outbox, as the admin page lists it. */
export interface OutboxMessageDto {
  id: string;
  kind: string;
  bookingId: string | null;
  toName: string;
  toAddress: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  /** Where the mail gateway put it (the .eml file name in the outbox folder). */
  location: string | null;
  createdAt: string;
  sentAt: string | null;
  /** The plain-text version. */
  text: string;
  /** The complete message, for `.eml` download. */
  rawUrl: string;
}
