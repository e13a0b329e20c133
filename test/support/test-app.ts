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

/**
 * The real API over HTTP on a free port, on its own database. `env` overrides configuration
 * (each Jest test file has its own copy of process.env).
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  Object.assign(process.env, {
    NODE_ENV: 'test',
    // TEST_LOG_LEVEL=error npm test shows the server's own logs when debugging a failure.
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '5',
    MIGRATIONS_RUN: 'false',
    SEED_DEMO: 'false',
    AUTH_RATE_LIMIT: '0',
    ...env,
  });
  const app = await createApp();
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
