import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import { createApp } from '../../apps/api/src/bootstrap.js';
import { createTestDatabase } from '../setup/test-database.js';
import { GraphqlClient } from './graphql-client.js';

// Kept importable from here; it lives apart so that tests without an in-process app can use it.
export { eventually } from './eventually.js';

export interface TestApp {
  app: NestExpressApplication;
  url: string;
  databaseUrl: string;
  gql: GraphqlClient;
  /** Reads the app's database directly, to check what was (not) saved. */
  sql<Row extends pg.QueryResultRow = Record<string, unknown>>(
    text: string,
    values?: unknown[],
  ): Promise<Row[]>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** How the API reaches its database (e.g. through a PgProxy); the test's `sql` goes direct. */
  connectVia?: (databaseUrl: string) => string;
  /**
   * Another app's database (`TestApp.databaseUrl`), to run a second API process on it; the
   * database then stays when this app closes. By default each app gets a database of its own.
   */
  databaseUrl?: string;
}

/**
 * The real API over HTTP on a free port, on its own database. `env` overrides configuration
 * (each Jest test file has its own copy of process.env).
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const database = options.databaseUrl
    ? { url: options.databaseUrl, drop: () => Promise.resolve() }
    : await createTestDatabase();
  Object.assign(process.env, {
    NODE_ENV: 'test',
    // TEST_LOG_LEVEL=error npm test shows the server's own logs when debugging a failure.
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    DATABASE_URL: options.connectVia?.(database.url) ?? database.url,
    DATABASE_POOL_SIZE: '5',
    MIGRATIONS_RUN: 'false',
    SEED_DEMO: 'false',
    AUTH_RATE_LIMIT: '0',
    ...env,
  });
  let app: NestExpressApplication;
  try {
    app = await createApp();
  } catch (error) {
    await database.drop();
    throw error;
  }
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  let client: pg.Client | undefined;
  return {
    app,
    url,
    databaseUrl: database.url,
    gql: new GraphqlClient(`${url}/graphql`),
    async sql<Row extends pg.QueryResultRow>(text: string, values?: unknown[]) {
      if (!client) {
        client = new pg.Client({ connectionString: database.url });
        await client.connect();
      }
      return (await client.query<Row>(text, values)).rows;
    },
    async close() {
      await client?.end();
      await app.close();
      await database.drop();
    },
  };
}
