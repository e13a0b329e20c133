import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ME, REFRESH, sessionIdOf, signUp, type AuthPayloadResult } from '../support/accounts.js';
import { onlyError, type GraphqlErrorBody } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

function expectExpired(error: GraphqlErrorBody, timeout: string, message: RegExp): void {
  expect(error.extensions).toMatchObject({
    code: 'UNAUTHENTICATED',
    reason: 'SESSION_EXPIRED',
    timeout,
  });
  expect(error.message).toMatch(message);
}

// The default timeouts (ASVS 4.0.3 V3.3.2 level 2: 12 hours, or 30 minutes unused). Time is
// moved by rewriting the session's timestamps; the session cache is off so that a rewrite is
// seen at once (the cache's own bound is tested below, with real time).
describe('session timeouts (defaults: 30 minutes unused, 12 hours in all)', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({
      JWT_SECRET: 'test-secret-for-session-timeouts-0123456789',
      SESSION_CACHE_TTL_MS: '0',
    });
  });
  afterAll(async () => {
    await api.close();
  });

  const me = (token: string) => api.gql.request<{ me: { id: string } | null }>(ME, {}, { token });
  const refresh = (token: string) =>
    api.gql.request<{ refreshSession: AuthPayloadResult }>(REFRESH, { token });
  /** Moves the session's sign-in and last use into the past. */
  const age = (account: AuthPayloadResult, signedIn: string, lastUsed: string) =>
    api.sql(
      `UPDATE sessions SET created_at = now() - $2::interval, last_used_at = now() - $3::interval
        WHERE id = $1`,
      [sessionIdOf(account.accessToken), signedIn, lastUsed],
    );
  const sessionRow = async (account: AuthPayloadResult) => {
    const [row] = await api.sql<{ end_reason: string | null; used_recently: boolean }>(
      `SELECT end_reason, last_used_at > now() - interval '1 minute' AS used_recently
         FROM sessions WHERE id = $1`,
      [sessionIdOf(account.accessToken)],
    );
    return row;
  };

  it('ends a session unused for more than 30 minutes when it is refreshed, saying why', async () => {
    const account = await signUp(api.gql);
    await age(account, '31 minutes', '31 minutes');
    expectExpired(
      onlyError(await refresh(account.refreshToken)),
      'IDLE_TIMEOUT',
      /after 30 minutes without use\. Sign in again/,
    );
    expect((await sessionRow(account)).end_reason).toBe('IDLE_TIMEOUT');
    // Ended for good: its tokens keep saying so.
    expectExpired(onlyError(await refresh(account.refreshToken)), 'IDLE_TIMEOUT', /30 minutes/);
    expectExpired(onlyError(await me(account.accessToken)), 'IDLE_TIMEOUT', /30 minutes/);
  });

  it('refuses an access token whose session went unused too long', async () => {
    const account = await signUp(api.gql);
    await age(account, '40 minutes', '31 minutes');
    expectExpired(onlyError(await me(account.accessToken)), 'IDLE_TIMEOUT', /30 minutes/);
    expect((await sessionRow(account)).end_reason).toBe('IDLE_TIMEOUT');
  });

  it('counts requests as use: 29 minutes unused, a request, 29 more, and it is still open', async () => {
    const account = await signUp(api.gql);
    await age(account, '29 minutes', '29 minutes');
    expect((await me(account.accessToken)).data?.me?.id).toBe(account.user.id);
    expect((await sessionRow(account)).used_recently).toBe(true);
    await api.sql(
      `UPDATE sessions SET last_used_at = last_used_at - interval '29 minutes' WHERE id = $1`,
      [sessionIdOf(account.accessToken)],
    );
    expect((await refresh(account.refreshToken)).errors).toBeUndefined();
  });

  it('ends a session 12 hours after sign-in however much it is used, even with a fresh access token', async () => {
    const account = await signUp(api.gql);
    const rotated = (await refresh(account.refreshToken)).data!.refreshSession;
    await age(account, '12 hours 1 minute', '1 minute');
    expectExpired(
      onlyError(await me(rotated.accessToken)),
      'ABSOLUTE_TIMEOUT',
      /12 hours after signing in, the longest a session lasts\. Sign in again/,
    );
    expectExpired(onlyError(await refresh(rotated.refreshToken)), 'ABSOLUTE_TIMEOUT', /12 hours/);
    expect((await sessionRow(account)).end_reason).toBe('ABSOLUTE_TIMEOUT');
  });

  it('keeps a session refreshed just before 12 hours, and its new refresh token ends with it', async () => {
    const account = await signUp(api.gql);
    await age(account, '11 hours 59 minutes', '10 minutes');
    const rotated = await refresh(account.refreshToken);
    expect(rotated.errors).toBeUndefined();
    const [token] = await api.sql<{ at_session_end: boolean }>(
      `SELECT t.expires_at = s.created_at + interval '12 hours' AS at_session_end
         FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
        WHERE s.id = $1 AND t.used_at IS NULL`,
      [sessionIdOf(account.accessToken)],
    );
    expect(token.at_session_end).toBe(true);
  });

  it('says a timed-out session expired, not that its already-used refresh token was replayed', async () => {
    const account = await signUp(api.gql);
    await refresh(account.refreshToken);
    await age(account, '1 hour', '31 minutes');
    expectExpired(onlyError(await refresh(account.refreshToken)), 'IDLE_TIMEOUT', /30 minutes/);
  });
});

describe('session timeouts with the session cache on (SESSION_ABSOLUTE_TIMEOUT_SECONDS=2)', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({
      JWT_SECRET: 'test-secret-for-session-timeouts-0123456789',
      SESSION_CACHE_TTL_MS: '30000',
      SESSION_ABSOLUTE_TIMEOUT_SECONDS: '2',
      SESSION_IDLE_TIMEOUT_SECONDS: '60',
    });
  });
  afterAll(async () => {
    await api.close();
  });

  it('refuses an access token answered from memory once its session times out', async () => {
    const account = await signUp(api.gql);
    const me = () =>
      api.gql.request<{ me: { id: string } | null }>(ME, {}, { token: account.accessToken });
    // Confirmed by the database, so now answered from memory (for up to 30 s).
    expect((await me()).data?.me?.id).toBe(account.user.id);
    expect((await me()).data?.me?.id).toBe(account.user.id);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expectExpired(onlyError(await me()), 'ABSOLUTE_TIMEOUT', /2 seconds after signing in/);
  });
});
