import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { adaptDriverToDialect, dataSourceOptions } from './data-source-options';
import { serializeSqliteTransactions } from './sqlite-transactions';

/** Any fixed number, the same in every process: the advisory lock that serialises migrations. */
const MIGRATION_LOCK = 74_110_213;

/**
 * Runs the pending migrations. On PostgreSQL under an advisory lock: when every process of a
 * deployment starts at once, one migrates and the others wait, then find nothing to do.
 */
async function migrateOnce(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'postgres') {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/** The database: SQLite by default, PostgreSQL when DATABASE_URL is set; migrations at boot. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => dataSourceOptions(config.database),
      dataSourceFactory: async (options) => {
        if (!options) throw new Error('Database options missing');
        const dataSource = new DataSource(options);
        adaptDriverToDialect(dataSource);
        await dataSource.initialize();
        serializeSqliteTransactions(dataSource);
        await migrateOnce(dataSource);
        return dataSource;
      },
    }),
  ],
})
export class DatabaseModule {}
