import { withDatabase } from '@preceptor/core';
import pg from 'pg';
import { runMigrations } from '../../apps/api/src/database/data-source.js';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run tests through Jest's e2e project`);
  return value;
}

export async function withAdminClient<T>(
  serverUrl: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// Any fixed number: serialises template creation across parallel test files.
const TEMPLATE_LOCK = 727_100;

/** Makes sure the migrated template database exists; the first file to arrive builds it. */
async function ensureTemplate(serverUrl: string, template: string): Promise<void> {
  await withAdminClient(serverUrl, async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
        template,
      ]);
      if (rowCount) return;
      const building = `${template}_building`;
      await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(building)} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(building)}`);
      await runMigrations(withDatabase(serverUrl, building));
      // Renamed only when complete, so a failed build never leaves a half-migrated template.
      await client.query(
        `ALTER DATABASE ${pg.escapeIdentifier(building)} RENAME TO ${pg.escapeIdentifier(template)}`,
      );
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database for one test file, cloned from the migrated template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = required('PRECEPTOR_TEST_SERVER_URL');
  const template = required('PRECEPTOR_TEST_TEMPLATE_DB');
  await ensureTemplate(serverUrl, template);
  const name = `e2e_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await withAdminClient(serverUrl, (client) =>
    client.query(
      `CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`,
    ),
  );
  return {
    url: withDatabase(serverUrl, name),
    drop: () =>
      withAdminClient(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
      ).then(() => undefined),
  };
}
