import type pg from 'pg';
import type { DataSourceOptions, MixedList } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';
import { fastTypeParsers } from './type-parsers.js';

/** Bounds on the API's own connections; 0 turns one off. */
export interface ConnectionTimeouts {
  /** PostgreSQL's statement_timeout: a statement running (or waiting for a lock) longer is cancelled. */
  statementMs: number;
  /** PostgreSQL's idle_in_transaction_session_timeout: a transaction left idle this long is ended. */
  idleInTransactionMs: number;
  /** node-postgres's connectionTimeoutMillis: the longest wait for a pooled or new connection. */
  poolMs: number;
}

export interface DataSourceParts {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own entity/migration list type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own entity/migration list type
  migrations: MixedList<Function>;
  poolSize?: number;
  /** For the API's request traffic only: migrations and bulk loads connect without them. */
  timeouts?: ConnectionTimeouts;
}

/**
 * The one shape of our TypeORM configuration: migrations only (run by whoever owns start-up,
 * never implicitly), snake_case, UTC timestamps.
 */
export function createDataSourceOptions(parts: DataSourceParts): DataSourceOptions {
  const timeouts = parts.timeouts;
  return {
    type: 'postgres',
    url: parts.url,
    entities: parts.entities,
    migrations: parts.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    migrationsRun: false,
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+, so no uuid-ossp extension is needed.
    uuidExtension: 'pgcrypto',
    namingStrategy: new SnakeNamingStrategy(),
    extra: {
      max: parts.poolSize ?? 10,
      // Every connection works in UTC so timestamptz round-trips are unambiguous.
      options: '-c timezone=UTC',
      application_name: 'preceptor',
      types: fastTypeParsers,
      // Sent as start-up parameters (node-postgres leaves out a 0, keeping the server's setting).
      ...(timeouts && {
        statement_timeout: timeouts.statementMs,
        idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
        connectionTimeoutMillis: timeouts.poolMs,
      }),
    },
  };
}

/**
 * Lifts every timeout for the rest of the caller's transaction, for work that is long by nature
 * (bulk loads, reading every mentor) on a connection that may carry the API's timeouts, or a
 * role's or database's own.
 */
export async function withoutTimeouts(client: pg.ClientBase): Promise<void> {
  await client.query(
    'SET LOCAL statement_timeout = 0; SET LOCAL idle_in_transaction_session_timeout = 0; SET LOCAL lock_timeout = 0',
  );
}
