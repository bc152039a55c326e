import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/columns';

/** One row per provider event applied; the primary key makes a redelivery a no-op. */
@Entity('processed_webhook_events')
export class ProcessedWebhookEvent {
  @PrimaryColumn({ name: 'event_id', type: 'varchar', length: 255 })
  eventId!: string;

  @Column({ type: 'varchar', length: 100 })
  type!: string;

  @InstantColumn({ name: 'processed_at' })
  processedAt!: Date;
}
