import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LOG_IN, type AuthPayloadResult } from '../support/accounts.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('administrator bootstrap from configuration', () => {
  let api: TestApp;
  const ADMIN_EMAIL = 'ops@preceptor.example';
  const ADMIN_PASSWORD = 'an administrator passphrase';

  beforeAll(async () => {
    api = await startTestApp({ ADMIN_EMAIL, ADMIN_PASSWORD });
  });
  afterAll(async () => {
    await api.close();
  });

  it('creates the ADMIN account named by ADMIN_EMAIL/ADMIN_PASSWORD', async () => {
    const data = await api.gql.ok<{ logIn: AuthPayloadResult }>(LOG_IN, {
      input: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    });
    expect(data.logIn.user.roles).toEqual(['ADMIN']);
  });
});
