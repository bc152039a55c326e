import 'reflect-metadata';
import { loadConfig } from '../config/app-config';
import { createDataSource } from './data-source-options';

/** The DataSource the TypeORM CLI uses (`npm run typeorm -- migration:show`). */
export const dataSource = createDataSource(loadConfig(process.env).database);
