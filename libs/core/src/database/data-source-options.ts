import type { DataSourceOptions, MixedList } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export interface DataSourceParts {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own entity/migration list type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own entity/migration list type
  migrations: MixedList<Function>;
  poolSize?: number;
  migrationsRun?: boolean;
}

/** The one shape of our TypeORM configuration: migrations only, snake_case, UTC timestamps. */
export function createDataSourceOptions(parts: DataSourceParts): DataSourceOptions {
  return {
    type: 'postgres',
    url: parts.url,
    entities: parts.entities,
    migrations: parts.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    migrationsRun: parts.migrationsRun ?? false,
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+, so no uuid-ossp extension is needed.
    uuidExtension: 'pgcrypto',
    namingStrategy: new SnakeNamingStrategy(),
    extra: {
      max: parts.poolSize ?? 10,
      // Every connection works in UTC so timestamptz round-trips are unambiguous.
      options: '-c timezone=UTC',
      application_name: 'preceptor',
    },
  };
}
