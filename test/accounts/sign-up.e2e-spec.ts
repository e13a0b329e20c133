import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aSignUp, ME, SIGN_UP, signUp, type AuthPayloadResult } from '../support/accounts.js';
import { onlyError } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('signUp', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
  });

  async function usersWithEmail(email: string): Promise<number> {
    const rows = await api.sql<{ n: string }>('SELECT count(*) AS n FROM users WHERE email = $1', [
      email,
    ]);
    return Number(rows[0].n);
  }

  it('creates the account, signs it in and returns who it is', async () => {
    const result = await signUp(api.gql, { roles: ['MENTEE', 'MENTOR'] });
    expect(result.user).toMatchObject({
      email: result.input.email,
      fullName: result.input.fullName,
      roles: ['MENTEE', 'MENTOR'],
    });
    expect(result.accessToken.split('.')).toHaveLength(3);
    expect(result.refreshToken.length).toBeGreaterThanOrEqual(40);
    const expiresIn = Date.parse(result.accessTokenExpiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(14 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(15 * 60_000);

    const me = await api.gql.ok<{ me: AuthPayloadResult['user'] }>(
      ME,
      {},
      { token: result.accessToken },
    );
    expect(me.me).toEqual(result.user);
  });

  it('trims the email and keeps how it was typed', async () => {
    const email = `Dr.Amara.Okafor.${Date.now()}@Example.test`;
    const result = await signUp(api.gql, { email: `  ${email}  ` });
    expect(result.user.email).toBe(email);
  });

  it('stores an argon2id hash at or above OWASP minimums, never the password', async () => {
    const result = await signUp(api.gql);
    const rows = await api.sql<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE id = $1',
      [result.user.id],
    );
    const hash = rows[0].password_hash;
    expect(hash).not.toContain(result.input.password);
    const params = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(hash);
    expect(params).not.toBeNull();
    expect(Number(params![1])).toBeGreaterThanOrEqual(19456);
    expect(Number(params![2])).toBeGreaterThanOrEqual(2);
    expect(Number(params![3])).toBe(1);
  });

  it('refuses a taken email, compared case-insensitively, with CONFLICT', async () => {
    const first = await signUp(api.gql);
    const again = await api.gql.request(SIGN_UP, {
      input: aSignUp({ email: ` ${first.input.email.toUpperCase()} ` }),
    });
    const error = onlyError(again);
    expect(error.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'EMAIL_TAKEN',
      field: 'email',
    });
    expect(error.message).toMatch(/already exists/);
    expect(await usersWithEmail(first.input.email)).toBe(1);
  });

  it('lets exactly one of many simultaneous sign-ups with one email through', async () => {
    const input = aSignUp();
    const results = await Promise.all(
      Array.from({ length: 6 }, () => api.gql.request(SIGN_UP, { input })),
    );
    const succeeded = results.filter((r) => !r.errors);
    const conflicts = results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT');
    expect(succeeded).toHaveLength(1);
    expect(conflicts).toHaveLength(5);
    expect(await usersWithEmail(input.email)).toBe(1);
  });

  it.each([
    ['shorter than 12 characters', 'Short1!pass', /at least 12 characters/],
    ['a common password', 'password1234', /too common/],
    ['a common password repeated', 'qwertyqwerty', /too common/],
    ['one character over and over', 'aaaaaaaaaaaaaaaa', /too common/],
    ['based on the email', 'nurse.jordan2024!', /email or name/],
  ])('refuses a password that is %s, naming password', async (_case, password, message) => {
    const input = aSignUp({ email: `nurse.jordan@h${Date.now()}.example.test`, password });
    const error = onlyError(await api.gql.request(SIGN_UP, { input }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect(error.message).toMatch(/^password: /);
    expect(error.message).toMatch(message);
    expect(await usersWithEmail(input.email)).toBe(0);
  });

  it.each([
    ['email', { email: 'not-an-email' }],
    ['email', { email: `${'a'.repeat(250)}@example.test` }],
    ['fullName', { fullName: '   ' }],
    ['fullName', { fullName: 'x'.repeat(121) }],
    ['roles', { roles: [] }],
    ['roles', { roles: ['MENTOR', 'MENTOR'] }],
    ['password', { password: 'p'.repeat(257) }],
  ])('refuses a bad %s with BAD_USER_INPUT naming it', async (field, overrides) => {
    const input = aSignUp(overrides);
    const error = onlyError(await api.gql.request(SIGN_UP, { input }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.message).toContain(field);
    expect(await usersWithEmail(input.email)).toBe(0);
  });

  it('never grants ADMIN through sign-up', async () => {
    const input = aSignUp({ roles: ['MENTEE', 'ADMIN'] });
    const error = onlyError(await api.gql.request(SIGN_UP, { input }));
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'roles',
      reason: 'ROLE_NOT_ALLOWED',
    });
    expect(await usersWithEmail(input.email)).toBe(0);
  });

  it('rejects an unknown role at the schema with BAD_USER_INPUT', async () => {
    const result = await api.gql.request(SIGN_UP, { input: aSignUp({ roles: ['SURGEON'] }) });
    expect(onlyError(result).extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('never leaks stack traces or SQL in errors', async () => {
    const result = await api.gql.request(SIGN_UP, { input: aSignUp({ password: 'short' }) });
    const text = JSON.stringify(result.errors);
    expect(text).not.toMatch(/stacktrace|at \w+ \(|node_modules|INSERT|SELECT/);
  });
});
