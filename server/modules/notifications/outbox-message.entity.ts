import { Column, Entity, Index } from 'typeorm';
import { InstantColumn, UuidEntity } from '../../database/columns';

/**
 * One email, written once. `dedupeKey` (e.g. `<bookingId>:booking_confirmed:client`) is unique,
 * so a job that runs twice, or two processes at once, can never send the same email twice.
 */
@Entity('outbox_messages')
@Index('ix_outbox_messages_created', ['createdAt'])
export class OutboxMessage extends UuidEntity {
  @Index('uq_outbox_messages_dedupe', { unique: true })
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200 })
  dedupeKey!: string;

  @Column({ name: 'booking_id', type: 'uuid', nullable: true })
  bookingId!: string | null;

  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  @Column({ name: 'to_address', type: 'varchar', length: 254 })
  toAddress!: string;

  @Column({ name: 'to_name', type: 'varchar', length: 120 })
  toName!: string;

  @Column({ type: 'varchar', length: 200 })
  subject!: string;

  /** The plain-text body, also kept here so the admin page can show it without the file. */
  @Column({ name: 'text_body', type: 'text' })
  textBody!: string;

  /** The whole RFC 5322 message, so a failed hand-over can be retried byte for byte. */
  @Column({ type: 'text' })
  raw!: string;

  /** `queued` (claimed, not yet handed over), `sent` (written / accepted), `failed` (will retry). */
  @Column({ type: 'varchar', length: 16 })
  status!: 'queued' | 'sent' | 'failed';

  /** Where the gateway put it: the .eml file name in the outbox folder, or the SMTP id. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  location!: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date;

  @InstantColumn({ name: 'sent_at', nullable: true })
  sentAt!: Date | null;
}
