import { ACCOUNTS_ENTITIES } from '@preceptor/accounts';
import { createDataSourceOptions } from '@preceptor/core';
import { PROFILES_ENTITIES } from '@preceptor/profiles';
import { TAXONOMY_ENTITIES } from '@preceptor/taxonomy';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations/index.js';

/** Every entity of every domain the API composes. */
export const ENTITIES = [...ACCOUNTS_ENTITIES, ...TAXONOMY_ENTITIES, ...PROFILES_ENTITIES];

export function appDataSourceOptions(
  url: string,
  options: { poolSize?: number; migrationsRun?: boolean } = {},
): DataSourceOptions {
  return createDataSourceOptions({ url, entities: ENTITIES, migrations: MIGRATIONS, ...options });
}

/** For the TypeORM CLI (`npm run migration:*`), which reads DATABASE_URL. */
export default new DataSource(appDataSourceOptions(process.env['DATABASE_URL'] ?? ''));
