import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aSignUp, CHANGE_PASSWORD, LOG_IN, SIGN_UP, signUp } from '../support/accounts.js';
import { onlyError, type GraphqlResponse } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let nextIp = 1;
/** A distinct client address per test, honoured because TRUST_PROXY trusts the test client. */
const anIp = (): string => `203.0.113.${nextIp++}`;

function expectRateLimited(result: GraphqlResponse<unknown>): void {
  const error = onlyError(result);
  expect(error.extensions?.code).toBe('TOO_MANY_REQUESTS');
  const retryAfter = error.extensions?.['retryAfterSeconds'] as number;
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(error.message).toMatch(new RegExp(`Try again in ${retryAfter} seconds?`));
  expect(result.headers.get('retry-after')).toBe(String(retryAfter));
}

describe('auth rate limits (AUTH_RATE_LIMIT=3 per account, AUTH_IP_RATE_LIMIT=6 per IP, behind a trusted proxy)', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({
      AUTH_RATE_LIMIT: '3',
      AUTH_IP_RATE_LIMIT: '6',
      TRUST_PROXY: '1',
    });
  });
  afterAll(async () => {
    await api.close();
  });

  const logIn = (email: string, password: string, ip: string) =>
    api.gql.request(LOG_IN, { input: { email, password } }, { headers: { 'x-forwarded-for': ip } });

  it('locks an account after too many attempts, even with the right password, and says when to retry', async () => {
    const account = await signUp(api.gql, {}, { headers: { 'x-forwarded-for': anIp() } });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const result = await logIn(account.input.email, 'a wrong password!', anIp());
      expect(onlyError(result).extensions?.code).toBe('UNAUTHENTICATED');
    }
    expectRateLimited(
      await logIn(account.input.email.toUpperCase(), account.input.password, anIp()),
    );
  });

  it('does not lock other accounts', async () => {
    const locked = await signUp(api.gql, {}, { headers: { 'x-forwarded-for': anIp() } });
    const other = await signUp(api.gql, {}, { headers: { 'x-forwarded-for': anIp() } });
    const ip = anIp();
    for (let attempt = 0; attempt < 4; attempt += 1)
      await logIn(locked.input.email, 'wrong password!!', ip);
    const result = await logIn(other.input.email, other.input.password, anIp());
    expect(result.errors).toBeUndefined();
  });

  it('limits one client address across many accounts, and not other addresses', async () => {
    const ip = anIp();
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const result = await logIn(`someone.${attempt}@example.test`, 'whatever password', ip);
      expect(onlyError(result).extensions?.code).toBe('UNAUTHENTICATED');
    }
    expectRateLimited(await logIn('someone.else@example.test', 'whatever password', ip));
    expect(
      onlyError(await logIn('someone.else@example.test', 'whatever password', anIp())).extensions
        ?.code,
    ).toBe('UNAUTHENTICATED');
  });

  it('limits sign-up attempts per account as well', async () => {
    const input = aSignUp({ password: 'short' });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const result = await api.gql.request(
        SIGN_UP,
        { input },
        { headers: { 'x-forwarded-for': anIp() } },
      );
      expect(onlyError(result).extensions?.code).toBe('BAD_USER_INPUT');
    }
    expectRateLimited(
      await api.gql.request(
        SIGN_UP,
        { input: { ...input, password: 'a much better passphrase' } },
        { headers: { 'x-forwarded-for': anIp() } },
      ),
    );
  });

  it('limits password changes per account like log-ins, even with the right current password', async () => {
    const account = await signUp(api.gql, {}, { headers: { 'x-forwarded-for': anIp() } });
    const change = (current: string) =>
      api.gql.request(
        CHANGE_PASSWORD,
        { current, next: 'a brand new passphrase for night shifts' },
        { token: account.accessToken, headers: { 'x-forwarded-for': anIp() } },
      );
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(onlyError(await change('not my password at all')).extensions?.code).toBe(
        'BAD_USER_INPUT',
      );
    }
    expectRateLimited(await change(account.input.password));
  });

  it('lets many simultaneous attempts through no more than the limit', async () => {
    const account = await signUp(api.gql, {}, { headers: { 'x-forwarded-for': anIp() } });
    const results = await Promise.all(
      Array.from({ length: 10 }, () => logIn(account.input.email, account.input.password, anIp())),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(3);
    expect(
      results.filter((r) => r.errors?.[0]?.extensions?.code === 'TOO_MANY_REQUESTS'),
    ).toHaveLength(7);
  });
});

describe('auth rate limits shared by every API process on one database', () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    const env = {
      AUTH_RATE_LIMIT: '3',
      AUTH_IP_RATE_LIMIT: '100',
      TRUST_PROXY: '1',
      JWT_SECRET: 'test-secret-for-shared-rate-limits-0123456789',
    };
    first = await startTestApp(env);
    second = await startTestApp(env, { databaseUrl: first.databaseUrl });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  const logInOn = (api: TestApp, email: string, password: string) =>
    api.gql.request(
      LOG_IN,
      { input: { email, password } },
      { headers: { 'x-forwarded-for': anIp() } },
    );

  it('counts attempts made through either process against one budget', async () => {
    const account = await signUp(first.gql, {}, { headers: { 'x-forwarded-for': anIp() } });
    const { email } = account.input;
    expect(onlyError(await logInOn(first, email, 'a wrong password!')).extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(onlyError(await logInOn(second, email, 'a wrong password!')).extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(onlyError(await logInOn(first, email, 'a wrong password!')).extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expectRateLimited(await logInOn(second, email, account.input.password));
    expectRateLimited(await logInOn(first, email, account.input.password));
  });

  it('keeps limiting, per process, while the shared counters cannot be reached', async () => {
    const account = await signUp(first.gql, {}, { headers: { 'x-forwarded-for': anIp() } });
    await first.sql('ALTER TABLE auth_rate_limits RENAME TO auth_rate_limits_away');
    try {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const result = await logInOn(first, account.input.email, account.input.password);
        expect(result.errors).toBeUndefined();
      }
      expectRateLimited(await logInOn(first, account.input.email, account.input.password));
    } finally {
      await first.sql('ALTER TABLE auth_rate_limits_away RENAME TO auth_rate_limits');
    }
  });
});

describe('hourly auth caps (AUTH_RATE_LIMIT_HOURLY=4, AUTH_IP_RATE_LIMIT_HOURLY=6)', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({
      AUTH_RATE_LIMIT: '100',
      AUTH_RATE_LIMIT_HOURLY: '4',
      AUTH_IP_RATE_LIMIT: '100',
      AUTH_IP_RATE_LIMIT_HOURLY: '6',
      TRUST_PROXY: '1',
    });
  });
  afterAll(async () => {
    await api.close();
  });

  const logIn = (email: string, password: string, ip: string) =>
    api.gql.request(LOG_IN, { input: { email, password } }, { headers: { 'x-forwarded-for': ip } });

  it('stops an account after its hourly attempts, well within the per-minute limit, for up to an hour', async () => {
    const account = await signUp(api.gql, {}, { headers: { 'x-forwarded-for': anIp() } });
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const result = await logIn(account.input.email, 'a wrong password!', anIp());
      expect(onlyError(result).extensions?.code).toBe('UNAUTHENTICATED');
    }
    const refused = await logIn(account.input.email, account.input.password, anIp());
    const error = onlyError(refused);
    expect(error.extensions?.code).toBe('TOO_MANY_REQUESTS');
    const retryAfter = error.extensions?.['retryAfterSeconds'] as number;
    expect(retryAfter).toBeGreaterThan(60);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(refused.headers.get('retry-after')).toBe(String(retryAfter));
  });

  it('stops a client address after its hourly attempts across accounts', async () => {
    const ip = anIp();
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const result = await logIn(`hourly.${attempt}@example.test`, 'whatever password', ip);
      expect(onlyError(result).extensions?.code).toBe('UNAUTHENTICATED');
    }
    const error = onlyError(await logIn('hourly.last@example.test', 'whatever password', ip));
    expect(error.extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(error.extensions?.['retryAfterSeconds']).toBeGreaterThan(60);
  });
});
