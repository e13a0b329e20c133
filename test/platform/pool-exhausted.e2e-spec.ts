import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aSignUp, LOG_IN, SIGN_UP, signUp } from '../support/accounts.js';
import { expectBusy } from '../support/busy.js';
import type { GraphqlResponse } from '../support/graphql-client.js';
import { openTransaction, waitUntilWaitingForLock } from '../support/locks.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// One connection in the pool, and no statement timeout: a request stuck behind a lock keeps the
// only connection, and every other request that needs one waits DATABASE_POOL_TIMEOUT_MS for it.
describe('an exhausted pool (DATABASE_POOL_SIZE=1, DATABASE_POOL_TIMEOUT_MS=300)', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({
      DATABASE_POOL_SIZE: '1',
      DATABASE_POOL_TIMEOUT_MS: '300',
      DATABASE_STATEMENT_TIMEOUT_MS: '0',
    });
  });
  afterAll(async () => {
    await api.close();
  });

  it('answers SERVICE_UNAVAILABLE while no connection frees up, and serves again once one does', async () => {
    const account = await signUp(api.gql);
    const logIn = { input: { email: account.input.email, password: account.input.password } };
    const blocker = await openTransaction(api.databaseUrl);
    let stuck: Promise<GraphqlResponse<unknown>> | undefined;
    try {
      await blocker.query('LOCK TABLE refresh_tokens IN SHARE MODE');
      stuck = api.gql.request(SIGN_UP, { input: aSignUp() });
      await waitUntilWaitingForLock(api);
      expectBusy(await api.gql.request(LOG_IN, logIn));
    } finally {
      await blocker.end();
    }
    // The request that held the connection was only slow.
    expect((await stuck).errors).toBeUndefined();
    await api.gql.ok(LOG_IN, logIn);
  });
});
