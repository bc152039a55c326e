import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { InstantColumn, UuidEntity } from '../../database/columns';

/** What a CalDAV sync remembers of the remote collection (see caldav/caldav-calendar.ts). */
export interface RemoteState {
  collectionUrl: string;
  displayName: string | null;
  ctag: string | null;
  syncToken: string | null;
}

/**
 * A calendar a photographer connected so that its events block their slots (issue #15): an
 * iCalendar URL (`ics`, read-only) or a CalDAV collection (`caldav`, read and, with
 * `writesBookings`, our confirmed bookings written into it). The CalDAV password is stored only
 * encrypted (domain/credentials.ts); the busy time read at the last good sync is kept in
 * `busy` (domain/busy-snapshot.ts) so that slot lists never wait for a remote server.
 */
@Entity('calendars')
@Index('uq_calendars_user_url', ['userId', 'url'], { unique: true })
export class ExternalCalendar extends UuidEntity {
  @ForeignKey('users', { onDelete: 'CASCADE' })
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: 'ics' | 'caldav';

  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  username!: string | null;

  /** AES-256-GCM under CALENDAR_SECRET_KEY: `v1.<iv>.<tag>.<ciphertext>` (base64url). */
  @Column({ name: 'password_sealed', type: 'text', nullable: true })
  passwordSealed!: string | null;

  @Column({ name: 'writes_bookings', type: 'boolean', default: false })
  writesBookings!: boolean;

  /** CalDAV: the collection and its change markers. ICS: the HTTP validators of the last read. */
  @Column({ name: 'remote_state', type: 'simple-json', nullable: true })
  remoteState!: RemoteState | null;

  @Column({ name: 'http_etag', type: 'varchar', length: 300, nullable: true })
  httpEtag!: string | null;

  @Column({ name: 'http_last_modified', type: 'varchar', length: 100, nullable: true })
  httpLastModified!: string | null;

  /** The busy snapshot (JSON) and what it was computed for. */
  @Column({ type: 'text', nullable: true })
  busy!: string | null;

  /** Grows with every new snapshot: readers cache a parsed snapshot per (id, revision). */
  @Column({ type: 'integer', default: 0 })
  revision!: number;

  @Column({ name: 'event_count', type: 'integer', default: 0 })
  eventCount!: number;

  @Column({ name: 'skipped_count', type: 'integer', default: 0 })
  skippedCount!: number;

  @InstantColumn({ name: 'last_synced_at', nullable: true })
  lastSyncedAt!: Date | null;

  @InstantColumn({ name: 'last_attempt_at', nullable: true })
  lastAttemptAt!: Date | null;

  @Column({ name: 'last_error_code', type: 'varchar', length: 64, nullable: true })
  lastErrorCode!: string | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date;
}

/** One iCalendar object of a calendar as last read: a CalDAV resource, or the whole ICS file. */
@Entity('calendar_objects')
export class CalendarObject {
  @ForeignKey('calendars', { onDelete: 'CASCADE' })
  @Column({ name: 'calendar_id', type: 'uuid', primary: true })
  calendarId!: string;

  /** The resource's absolute URL ('' for an ICS calendar's one file). */
  @Column({ type: 'varchar', length: 1000, primary: true })
  href!: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  etag!: string | null;

  @Column({ type: 'text' })
  data!: string;
}

/**
 * A booking we wrote into a CalDAV calendar: where, with which content (`fingerprint`), so a
 * sync writes only what changed and removes what was cancelled (issue #15, item 3).
 */
@Entity('calendar_writes')
export class CalendarWrite {
  @ForeignKey('calendars', { onDelete: 'CASCADE' })
  @Column({ name: 'calendar_id', type: 'uuid', primary: true })
  calendarId!: string;

  /** No foreign key: the event must still be removable whatever becomes of the booking row. */
  @Column({ name: 'booking_id', type: 'uuid', primary: true })
  bookingId!: string;

  @Column({ type: 'varchar', length: 1000 })
  href!: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  etag!: string | null;

  @Column({ type: 'varchar', length: 64 })
  fingerprint!: string;
}
