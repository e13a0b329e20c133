import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LOG_OUT, ME, signUp, type AuthPayloadResult } from '../support/accounts.js';
import { onlyError } from '../support/graphql-client.js';
import { UPDATE_MENTOR_SETTINGS } from '../support/profiles.js';
import { eventually, startTestApp, type TestApp } from '../support/test-app.js';

// Open sessions are checked from memory while the API hears of every change (see
// ActiveSessionCache). These changes are made behind the API's back, as another API process
// or an operator would, and must still take effect.
describe('session changes made elsewhere', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ JWT_SECRET: 'test-secret-for-session-changes-0123456789' });
  });
  afterAll(async () => {
    await api.close();
  });

  const me = (token: string) =>
    api.gql.request<{ me: AuthPayloadResult['user'] | null }>(ME, {}, { token });
  const refusedAs = async (token: string, reason: string): Promise<boolean> => {
    const result = await me(token);
    return result.errors?.[0]?.extensions?.['reason'] === reason;
  };
  /** A new account whose session the API has just confirmed (so it now answers from memory). */
  const signedIn = async (): Promise<AuthPayloadResult> => {
    const account = await signUp(api.gql);
    expect((await me(account.accessToken)).data?.me?.id).toBe(account.user.id);
    return account;
  };
  /** Ends the account's sessions by SQL, then waits until the API refuses its token. */
  const expectRefusedOnceEndedElsewhere = async (account: AuthPayloadResult): Promise<void> => {
    await api.sql('UPDATE sessions SET ended_at = now() WHERE user_id = $1', [account.user.id]);
    await eventually(() => refusedAs(account.accessToken, 'SESSION_ENDED'), 5_000);
  };

  it('refuses at once a session signed out through the API', async () => {
    const account = await signedIn();
    await api.gql.ok(LOG_OUT, { token: account.refreshToken });
    expect(onlyError(await me(account.accessToken)).extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SESSION_ENDED',
    });
  });

  it('refuses a session ended by another connection', async () => {
    await expectRefusedOnceEndedElsewhere(await signedIn());
  });

  it('applies roles changed by another connection', async () => {
    const account = await signUp(api.gql, { roles: ['MENTEE', 'MENTOR'] });
    const settings = { input: { offers: ['NETWORKING'], capacity: 2 } };
    const before = await api.gql.request(UPDATE_MENTOR_SETTINGS, settings, {
      token: account.accessToken,
    });
    expect(before.errors?.[0]?.extensions?.['code']).not.toBe('FORBIDDEN');
    await api.sql(`UPDATE users SET roles = '{MENTEE}' WHERE id = $1`, [account.user.id]);
    await eventually(async () => {
      const after = await api.gql.request(UPDATE_MENTOR_SETTINGS, settings, {
        token: account.accessToken,
      });
      return after.errors?.[0]?.extensions?.['code'] === 'FORBIDDEN';
    }, 5_000);
  });

  it('answers `me { id roles }` from the session, with roles changed elsewhere', async () => {
    const account = await signUp(api.gql, { roles: ['MENTEE', 'MENTOR'] });
    const token = account.accessToken;
    const fromSession = async () =>
      (
        await api.gql.request<{ me: { id: string; roles: string[] } }>(
          '{ me { __typename id ... on User { roles } } }',
          {},
          { token },
        )
      ).data?.me;
    expect(await fromSession()).toEqual({
      __typename: 'User',
      id: account.user.id,
      roles: expect.arrayContaining(['MENTEE', 'MENTOR']),
    });
    await api.sql(`UPDATE users SET roles = '{MENTEE}' WHERE id = $1`, [account.user.id]);
    await eventually(async () => (await fromSession())?.roles.join() === 'MENTEE', 5_000);
    // Fields only the account's row holds are still read from it.
    await api.sql(`UPDATE users SET full_name = 'Renamed Elsewhere' WHERE id = $1`, [
      account.user.id,
    ]);
    const full = (await me(token)).data?.me;
    expect(full).toMatchObject({ id: account.user.id, fullName: 'Renamed Elsewhere' });
    expect(full?.email).toBe(account.user.email);
  });

  it('refuses the sessions of a deleted account', async () => {
    const account = await signedIn();
    await api.sql('DELETE FROM users WHERE id = $1', [account.user.id]);
    await eventually(() => refusedAs(account.accessToken, 'SESSION_ENDED'), 5_000);
  });

  it('still hears of ended sessions after its change feed was cut', async () => {
    const account = await signedIn();
    const feed = `SELECT pid FROM pg_stat_activity
      WHERE application_name = 'preceptor-session-feed' AND datname = current_database()`;
    const [cut] = await api.sql<{ pid: number }>(feed);
    expect(cut).toBeDefined();
    await api.sql('SELECT pg_terminate_backend($1)', [cut.pid]);
    // Reconnected: a new listening backend.
    await eventually(async () => {
      const rows = await api.sql<{ pid: number }>(feed);
      return rows.length === 1 && rows[0].pid !== cut.pid;
    }, 5_000);
    expect((await me(account.accessToken)).data?.me?.id).toBe(account.user.id);
    await expectRefusedOnceEndedElsewhere(account);
  });
});
