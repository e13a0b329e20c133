import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aSignUp, SIGN_UP, signUp, type AuthPayloadResult } from '../support/accounts.js';
import { expectBusy } from '../support/busy.js';
import { openTransaction } from '../support/locks.js';
import { MY_PROFILE, UPDATE_PROFILE, aProfileInput } from '../support/profiles.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// A statement that waits longer than DATABASE_STATEMENT_TIMEOUT_MS (here behind a lock another
// connection holds) is cancelled by PostgreSQL: the client hears the service is busy and when to
// retry, and the transaction it was part of leaves nothing behind.
describe('statements over DATABASE_STATEMENT_TIMEOUT_MS=500', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ DATABASE_STATEMENT_TIMEOUT_MS: '500' });
  });
  afterAll(async () => {
    await api.close();
  });

  it('answer a sign-up stuck behind a lock with SERVICE_UNAVAILABLE, writing nothing of it', async () => {
    const input = aSignUp();
    const blocker = await openTransaction(api.databaseUrl);
    try {
      // The account and its session are inserted; its refresh token has to wait.
      await blocker.query('LOCK TABLE refresh_tokens IN SHARE MODE');
      expectBusy(await api.gql.request(SIGN_UP, { input }));
    } finally {
      await blocker.end();
    }
    const users = await api.sql('SELECT id FROM users WHERE email = $1', [input.email]);
    expect(users).toEqual([]);
    // Retried as told, it works.
    const data = await api.gql.ok<{ signUp: AuthPayloadResult }>(SIGN_UP, { input });
    const sessions = await api.sql('SELECT id FROM sessions WHERE user_id = $1', [
      data.signUp.user.id,
    ]);
    expect(sessions).toHaveLength(1);
  });

  it('answer a profile save and a read stuck behind locks the same way, the profile unchanged', async () => {
    const account = await signUp(api.gql);
    const token = account.accessToken;
    await api.gql.ok(
      UPDATE_PROFILE,
      { input: aProfileInput({ headline: 'Charge nurse' }) },
      { token },
    );
    const blocker = await openTransaction(api.databaseUrl);
    try {
      await blocker.query('SELECT 1 FROM profiles WHERE user_id = $1 FOR UPDATE', [
        account.user.id,
      ]);
      const input = aProfileInput({ headline: 'Nurse manager' });
      expectBusy(await api.gql.request(UPDATE_PROFILE, { input }, { token }));
      await blocker.query('LOCK TABLE profiles IN ACCESS EXCLUSIVE MODE');
      expectBusy(await api.gql.request(MY_PROFILE, {}, { token }));
    } finally {
      await blocker.end();
    }
    const [profile] = await api.sql<{ headline: string }>(
      'SELECT headline FROM profiles WHERE user_id = $1',
      [account.user.id],
    );
    expect(profile.headline).toBe('Charge nurse');
  });
});
