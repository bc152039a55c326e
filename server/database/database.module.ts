import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { adaptDriverToDialect, dataSourceOptions } from './data-source-options';
import { serializeSqliteTransactions } from './sqlite-transactions';

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
        await dataSource.runMigrations({ transaction: 'each' });
        return dataSource;
      },
    }),
  ],
})
export class DatabaseModule {}
