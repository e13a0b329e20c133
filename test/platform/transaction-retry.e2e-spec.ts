import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signUp } from '../support/accounts.js';
import type { GraphqlResponse } from '../support/graphql-client.js';
import { openTransaction, waitUntilWaitingForLock } from '../support/locks.js';
import { aProfileInput, UPDATE_PROFILE, type ProfileResult } from '../support/profiles.js';
import { eventually, startTestApp, type TestApp } from '../support/test-app.js';

describe('a transaction that loses a deadlock', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
  });

  const deadlocks = async (): Promise<number> => {
    const [row] = await api.sql<{ deadlocks: number }>(
      'SELECT deadlocks::int FROM pg_stat_database WHERE datname = current_database()',
    );
    return row.deadlocks;
  };

  // A first updateProfile takes the person's advisory lock, then inserts the profile, whose
  // foreign key check locks the user's row (FOR KEY SHARE). Two connections of the test's own
  // arrange for the API to hold the first and wait for the second while the holder of the second
  // waits for the first: PostgreSQL aborts the API's transaction with 40P01.
  it('runs it again from the start, and the mutation succeeds', async () => {
    const account = await signUp(api.gql);
    const userId = account.user.id;
    const before = await deadlocks();

    const gate = await openTransaction(api.databaseUrl);
    const rival = await openTransaction(api.databaseUrl);
    let saving: Promise<GraphqlResponse<{ updateProfile: ProfileResult }>> | undefined;
    try {
      // The API queues for the advisory lock...
      await gate.query('SELECT pg_advisory_xact_lock(hashtext($1))', [userId]);
      saving = api.gql.request<{ updateProfile: ProfileResult }>(
        UPDATE_PROFILE,
        { input: aProfileInput({ headline: 'Night charge nurse' }) },
        { token: account.accessToken },
      );
      await waitUntilWaitingForLock(api);
      // ...and the rival, holding the user's row, queues behind it. Its deadlock check comes
      // far too late to matter: the API's backend is the one that finds the cycle.
      await rival.query("SET LOCAL deadlock_timeout = '1h'");
      await rival.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [userId]);
      const rivalLocked = rival.query('SELECT pg_advisory_xact_lock(hashtext($1))', [userId]);
      await waitUntilWaitingForLock(api, { pid: rival.pid });
      // The API takes the advisory lock, then waits for the user's row: a cycle.
      await gate.end();
      // The rival gets the advisory lock only once the API's transaction was rolled back.
      await rivalLocked;
      await rival.end();

      const result = await saving;
      expect(result.errors).toBeUndefined();
      expect(result.data).toMatchObject({ updateProfile: { headline: 'Night charge nurse' } });
    } finally {
      await gate.end();
      await rival.end();
      await saving;
    }
    // Counted by the aborted backend, which reports its statistics within ~10 s of going idle.
    await eventually(async () => (await deadlocks()) === before + 1, 20_000);
  });
});
