import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, type ColumnOptions, PrimaryColumn } from 'typeorm';

/**
 * Entities declare instants as `datetime` (SQLite's name). On PostgreSQL the data source
 * maps that one type to `timestamp with time zone` (see `adaptDriverToDialect`), so the same
 * entities and the same TypeScript serve both databases and every instant is stored as UTC.
 */
export const INSTANT_TYPE = 'datetime';

export function InstantColumn(options: Omit<ColumnOptions, 'type'> = {}): PropertyDecorator {
  return Column({ ...options, type: INSTANT_TYPE });
}

/** Base for entities keyed by a UUID generated in the application (portable across dialects). */
export abstract class UuidEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @BeforeInsert()
  protected assignId(): void {
    this.id ??= randomUUID();
  }
}
