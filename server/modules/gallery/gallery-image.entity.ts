import { Column, Entity, Index } from 'typeorm';
import type { GalleryImageKind } from '../../../shared/gallery/gallery.types';
import { InstantColumn, UuidEntity } from '../../database/columns';

/** A proof or a final of a booking. The full-size file is private; only renditions are shown. */
@Entity('gallery_images')
@Index('ix_gallery_images_booking', ['bookingId', 'kind', 'createdAt'])
export class GalleryImage extends UuidEntity {
  @Column({ name: 'booking_id', type: 'uuid' })
  bookingId!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: GalleryImageKind;

  /** Finals only: the selected proof it was retouched from (one final per proof). */
  @Index('uq_gallery_images_final_of_proof', { unique: true })
  @Column({ name: 'proof_id', type: 'uuid', nullable: true })
  proofId!: string | null;

  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName!: string;

  @Column({ name: 'original_key', type: 'varchar', length: 200 })
  originalKey!: string;

  @Column({ name: 'preview_key', type: 'varchar', length: 200 })
  previewKey!: string;

  @Column({ name: 'thumb_key', type: 'varchar', length: 200 })
  thumbKey!: string;

  @Column({ type: 'integer' })
  width!: number;

  @Column({ type: 'integer' })
  height!: number;

  /** Size of the full-size file, for archives and download pages. */
  @Column({ type: 'integer' })
  bytes!: number;

  /** CRC-32 of the full-size file as a signed 32-bit integer (read it back with `>>> 0`). */
  @Column({ type: 'integer' })
  crc!: number;

  /** Proofs: chosen by the client as a favourite. */
  @Column({ type: 'boolean', default: false })
  selected!: boolean;

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date;
}
