import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ME, signUp } from '../support/accounts.js';
import { onlyError } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Two API instances in one process, on one database, with different signing keys: each
 * verifies tokens with its own key and checks sessions in its own cache. (Authentication
 * registered in a process-wide registry lets the instance started last verify for both.)
 */
describe('access tokens, per API instance', () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    first = await startTestApp({ JWT_SECRET: 'first-instance-secret-0123456789abcdefgh' });
    second = await startTestApp(
      { JWT_SECRET: 'second-instance-secret-0123456789abcdefg' },
      { databaseUrl: first.databaseUrl },
    );
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  const me = (app: TestApp, headers: Record<string, string>) =>
    app.gql.request<{ me: { id: string } | null }>(ME, {}, { headers });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('accepts each instance’s own tokens and refuses the other’s', async () => {
    const onFirst = await signUp(first.gql);
    const onSecond = await signUp(second.gql);

    expect((await me(first, bearer(onFirst.accessToken))).data?.me?.id).toBe(onFirst.user.id);
    expect((await me(second, bearer(onSecond.accessToken))).data?.me?.id).toBe(onSecond.user.id);
    for (const [app, token] of [
      [first, onSecond.accessToken],
      [second, onFirst.accessToken],
    ] as const) {
      expect(onlyError(await me(app, bearer(token))).extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'INVALID_ACCESS_TOKEN',
      });
    }
  });

  it.each([
    ['another scheme', (token: string) => `Basic ${token}`],
    ['no scheme', (token: string) => token],
    ['two tokens', (token: string) => `Bearer ${token} ${token}`],
    ['an empty header', () => ''],
  ])('refuses an Authorization header with %s', async (_case, header) => {
    const account = await signUp(first.gql);
    const result = await me(first, { authorization: header(account.accessToken) });
    expect(onlyError(result).extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'INVALID_ACCESS_TOKEN',
    });
    expect(result.data?.me ?? null).toBeNull();
  });

  it('takes the scheme in any case', async () => {
    const account = await signUp(first.gql);
    const result = await me(first, { authorization: `bearer ${account.accessToken}` });
    expect(result.data?.me?.id).toBe(account.user.id);
  });
});
