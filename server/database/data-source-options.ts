import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { INSTANT_TYPE } from './columns';
import { entities } from './entities';
import { postgresMigrations } from './migrations/postgres';
import { sqliteMigrations } from './migrations/sqlite';

export function dataSourceOptions(database: AppConfig['database']): DataSourceOptions {
  const common = {
    entities,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'migrations',
    logging: database.logging,
  } as const;
  if (database.type === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: database.url,
      migrations: postgresMigrations,
      extra: { max: 10 },
    };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.path,
    migrations: sqliteMigrations,
    enableWAL: database.path !== ':memory:',
    // Wait for a competing writer instead of failing at once with SQLITE_BUSY.
    timeout: 10_000,
  };
}

/** Builds a DataSource whose driver understands our portable column types. */
export function createDataSource(database: AppConfig['database']): DataSource {
  const dataSource = new DataSource(dataSourceOptions(database));
  adaptDriverToDialect(dataSource);
  return dataSource;
}

/**
 * Entities use SQLite's `datetime` for instants; PostgreSQL has no such type, so this driver
 * instance reads it as `timestamp with time zone`. Only this instance is changed, which keeps
 * schema diffs (migration:generate) and hydration consistent on both dialects.
 */
export function adaptDriverToDialect(dataSource: DataSource): void {
  if (dataSource.options.type !== 'postgres') return;
  const driver = dataSource.driver;
  const normalizeType = driver.normalizeType.bind(driver);
  driver.normalizeType = (column) =>
    column.type === INSTANT_TYPE ? 'timestamp with time zone' : normalizeType(column);
}
