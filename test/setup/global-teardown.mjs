import pg from 'pg';
import { stopTestPostgres } from './global-setup.mjs';

export default async function globalTeardown() {
  const serverUrl = process.env.PRECEPTOR_TEST_SERVER_URL;
  const template = process.env.PRECEPTOR_TEST_TEMPLATE_DB;
  if (serverUrl && template && !globalThis.__preceptorTestPostgres) {
    // External server: leave it as we found it.
    const url = new URL(serverUrl);
    url.pathname = '/postgres';
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await client
      .query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(template)} WITH (FORCE)`)
      .catch(() => undefined);
    await client.end();
  }
  await stopTestPostgres();
}
