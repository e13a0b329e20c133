import http from 'node:http';
import type { Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { aSignUp, SIGN_UP, signUp, type AuthPayloadResult } from '../support/accounts.js';
import { ensureBuilt, freePort, startApiProcess, type ApiProcess } from '../support/api-process.js';
import { eventually } from '../support/eventually.js';
import { GraphqlClient, type GraphqlResponse } from '../support/graphql-client.js';
import { aProfileInput, UPDATE_PROFILE } from '../support/profiles.js';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.js';

interface HttpAnswer {
  status: number;
  connection: string | undefined;
  socket: Socket;
}

/** A GET through `agent` (false: a connection of its own), keeping the socket it used. */
function get(url: string, agent: http.Agent | false): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (response) => {
        const socket = response.socket;
        response.resume();
        response.once('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            connection: response.headers.connection,
            socket,
          }),
        );
      })
      .once('error', reject);
  });
}

/**
 * The test's own connection to the API's database. It holds the lock `updateProfile` takes on a
 * person (pg_advisory_xact_lock(hashtext(id))), so that a request for them stays in flight until
 * the test lets it go, and counts what was saved.
 */
class SideConnection {
  private static readonly open = new Set<SideConnection>();
  private closed = false;

  private constructor(private readonly client: pg.Client) {}

  static async connect(url: string): Promise<SideConnection> {
    const client = new pg.Client({ connectionString: url });
    // Ended from the other side when a test fails midway and its database goes.
    client.on('error', () => undefined);
    await client.connect();
    const held = new SideConnection(client);
    SideConnection.open.add(held);
    return held;
  }

  static async closeAll(): Promise<void> {
    await Promise.all([...SideConnection.open].map((held) => held.close()));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    SideConnection.open.delete(this);
    await this.client.end().catch(() => undefined);
  }

  async hold(userId: string): Promise<void> {
    await this.client.query('SELECT pg_advisory_lock(hashtext($1))', [userId]);
  }

  /** Resolves once a request is waiting for a held lock: it is in flight in the API. */
  waiting(): Promise<void> {
    return eventually(async () => {
      const { rows } = await this.client.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_locks
          WHERE locktype = 'advisory' AND NOT granted
            AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      return (rows[0]?.waiting ?? 0) > 0;
    });
  }

  async releaseAndClose(): Promise<void> {
    await this.client.query('SELECT pg_advisory_unlock_all()');
    await this.close();
  }

  async count(sql: string, values: unknown[]): Promise<number> {
    const { rows } = await this.client.query<{ count: number }>(sql, values);
    return rows[0]?.count ?? 0;
  }
}

/** A profile save that cannot finish while `held` holds its person's lock. */
async function heldProfileSave(
  gql: GraphqlClient,
  held: SideConnection,
): Promise<{ userId: string; answer: Promise<GraphqlResponse<unknown>> }> {
  const person = await signUp(gql);
  await held.hold(person.user.id);
  const answer = gql.request(
    UPDATE_PROFILE,
    { input: aProfileInput() },
    { token: person.accessToken },
  );
  await held.waiting();
  return { userId: person.user.id, answer };
}

const SIGN_UPS = 32;

describe('stopping the API process (SIGTERM, SIGINT)', () => {
  let database: TestDatabase;
  const started: ApiProcess[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    database = await createTestDatabase();
  }, 300_000);
  afterEach(async () => {
    await SideConnection.closeAll();
    await Promise.all(started.splice(0).map((api) => api.cleanUp()));
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('answers every request it has received, closes its connections, then exits 0', async () => {
    const api = await startApiProcess({ DATABASE_URL: database.url, SHUTDOWN_DELAY_MS: '2000' });
    started.push(api);
    const gql = new GraphqlClient(`${api.url}/graphql`);
    const held = await SideConnection.connect(database.url);
    const slow = await heldProfileSave(gql, held);
    // Sign-ups hash with argon2: SIGTERM comes while the server works through them.
    const inputs = Array.from({ length: SIGN_UPS }, () => aSignUp());
    const signUps = inputs.map((input) =>
      gql.request<{ signUp: AuthPayloadResult }>(SIGN_UP, { input }),
    );
    await Promise.race(signUps);
    // A keep-alive connection, answered once and idle (for less than its keep-alive timeout).
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const before = await get(`${api.url}/health/live`, agent);
    expect(before.connection).toBe('keep-alive');
    api.signal('SIGTERM');
    await api.waitForOutput(/SIGTERM received: draining…/);

    // SHUTDOWN_DELAY_MS: unready at once, still accepting, every answer closing its connection.
    const ready = await get(`${api.url}/health/ready`, agent);
    expect(ready).toMatchObject({ status: 503, connection: 'close' });
    expect(ready.socket).toBe(before.socket);
    expect(await get(`${api.url}/health/live`, false)).toMatchObject({
      status: 200,
      connection: 'close',
    });
    // A second signal (npm forwards Ctrl-C to a process that had it from the terminal) is noted.
    api.signal('SIGINT');
    await api.waitForOutput(/SIGINT received again: still draining/);

    await api.waitForOutput(/Stopped accepting connections; answering \d+ requests? in flight/);
    await expect(get(`${api.url}/health/live`, false)).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
    await held.releaseAndClose();

    const answers = await Promise.all(signUps);
    expect(answers.map((answer) => [answer.status, answer.errors])).toEqual(
      inputs.map(() => [200, undefined]),
    );
    expect(answers.map((answer) => answer.data?.signUp.user.email)).toEqual(
      inputs.map((input) => input.email),
    );
    const saved = await slow.answer;
    expect(saved).toMatchObject({ status: 200, errors: undefined });
    expect(await api.exited).toEqual({ code: 0, signal: null });
    expect(api.output()).toMatch(/Stopped cleanly\.\n$/);

    const check = await SideConnection.connect(database.url);
    try {
      const emails = inputs.map((input) => input.email);
      expect(
        await check.count('SELECT count(*)::int AS count FROM users WHERE email = ANY($1)', [
          emails,
        ]),
      ).toBe(SIGN_UPS);
      expect(
        await check.count('SELECT count(*)::int AS count FROM profiles WHERE user_id = $1', [
          slow.userId,
        ]),
      ).toBe(1);
    } finally {
      await check.close();
    }
  }, 90_000);

  it('past SHUTDOWN_TIMEOUT_MS, closes what is still open and exits 1, saving nothing half-done', async () => {
    const api = await startApiProcess({ DATABASE_URL: database.url, SHUTDOWN_TIMEOUT_MS: '300' });
    started.push(api);
    const gql = new GraphqlClient(`${api.url}/graphql`);
    const held = await SideConnection.connect(database.url);
    const slow = await heldProfileSave(gql, held);

    api.signal('SIGTERM');
    expect(await api.exited).toEqual({ code: 1, signal: null });
    expect(api.output()).toMatch(
      'Shutdown timed out after 300 ms (SHUTDOWN_TIMEOUT_MS) with 1 request in flight: ' +
        'closing their connections and exiting with code 1.',
    );
    expect(api.output()).not.toMatch('Stopped cleanly');
    await expect(slow.answer).rejects.toThrow();
    try {
      expect(
        await held.count('SELECT count(*)::int AS count FROM profiles WHERE user_id = $1', [
          slow.userId,
        ]),
      ).toBe(0);
    } finally {
      await held.releaseAndClose();
    }
  }, 60_000);

  it('with its embedded PostgreSQL, answers first and stops the database last (Ctrl-C)', async () => {
    const pgPort = await freePort();
    const api = await startApiProcess({
      EMBEDDED_PG_PORT: String(pgPort),
      MIGRATIONS_RUN: 'true',
    });
    started.push(api);
    const databaseUrl = `postgres://postgres:postgres@127.0.0.1:${pgPort}/preceptor`;
    const gql = new GraphqlClient(`${api.url}/graphql`);
    const held = await SideConnection.connect(databaseUrl);
    const slow = await heldProfileSave(gql, held);
    const inputs = Array.from({ length: 8 }, () => aSignUp());
    const signUps = inputs.map((input) =>
      gql.request<{ signUp: AuthPayloadResult }>(SIGN_UP, { input }),
    );
    await Promise.race(signUps);

    // Ctrl-C: the terminal signals every process in the group, the database's too if it is there.
    api.signalGroup('SIGINT');
    await api.waitForOutput(/Stopped accepting connections/);
    await held.releaseAndClose();

    const answers = await Promise.all([...signUps, slow.answer]);
    expect(answers.map((answer) => [answer.status, answer.errors])).toEqual(
      answers.map(() => [200, undefined]),
    );
    expect(await api.exited).toEqual({ code: 0, signal: null });
    expect(api.output()).toMatch(/Stopped cleanly\.\n$/);
    // The database stopped with the API.
    await expect(SideConnection.connect(databaseUrl)).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  }, 90_000);
});
