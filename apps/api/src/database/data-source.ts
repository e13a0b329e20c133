import { ACCOUNTS_ENTITIES } from '@preceptor/accounts';
import { createDataSourceOptions, type ConnectionTimeouts } from '@preceptor/core';
import { EVENTS_ENTITIES } from '@preceptor/events';
import { PROFILES_ENTITIES } from '@preceptor/profiles';
import { TAXONOMY_ENTITIES } from '@preceptor/taxonomy';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations/index.js';

/** Every entity of every domain the API composes. */
export const ENTITIES = [
  ...ACCOUNTS_ENTITIES,
  ...TAXONOMY_ENTITIES,
  ...PROFILES_ENTITIES,
  ...EVENTS_ENTITIES,
];

export function appDataSourceOptions(
  url: string,
  options: { poolSize?: number; timeouts?: ConnectionTimeouts } = {},
): DataSourceOptions {
  return createDataSourceOptions({ url, entities: ENTITIES, migrations: MIGRATIONS, ...options });
}

/**
 * Applies pending migrations on a connection of their own, without the API's timeouts: one may
 * rewrite or index a table of millions of rows. Returns how many were applied.
 */
export async function runMigrations(url: string): Promise<number> {
  const dataSource = new DataSource(appDataSourceOptions(url, { poolSize: 1 }));
  await dataSource.initialize();
  try {
    return (await dataSource.runMigrations({ transaction: 'each' })).length;
  } finally {
    await dataSource.destroy();
  }
}

/** For the TypeORM CLI (`npm run migration:*`), which reads DATABASE_URL. */
export default new DataSource(appDataSourceOptions(process.env['DATABASE_URL'] ?? ''));
