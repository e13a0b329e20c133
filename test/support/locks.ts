import pg from 'pg';
import { eventually, type TestApp } from './test-app.js';

/** A connection of the test's own, inside a transaction, to hold locks the API has to wait for. */
export interface OpenTransaction {
  /** Its backend's process id. */
  pid: number;
  query(text: string, values?: unknown[]): Promise<pg.QueryResult>;
  /** Rolls back (letting go of every lock) and disconnects. */
  end(): Promise<void>;
}

export async function openTransaction(databaseUrl: string): Promise<OpenTransaction> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  await client.query('BEGIN');
  let ended = false;
  return {
    pid: rows[0].pid,
    query: (text, values) => client.query(text, values),
    async end() {
      if (ended) return;
      ended = true;
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    },
  };
}

/** Waits until a backend of the app's database (the API's, by default) waits for a lock. */
export async function waitUntilWaitingForLock(
  api: TestApp,
  who: { pid: number } | { applicationName: string } = { applicationName: 'preceptor' },
): Promise<void> {
  const [column, value] =
    'pid' in who ? ['pid', who.pid] : ['application_name', who.applicationName];
  await eventually(async () => {
    const rows = await api.sql(
      `SELECT 1 FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND ${column} = $1`,
      [value],
    );
    return rows.length > 0;
  });
}
