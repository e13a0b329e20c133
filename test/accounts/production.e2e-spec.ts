import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEED_PASSWORD, seedEmail, seedPeople } from '@preceptor/seed';
import pg from 'pg';
import { LOG_IN, signUp } from '../support/accounts.js';
import { onlyError } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('a production deployment', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40) });
    // Seeded behind the API's back, as a copied staging database would hold them.
    const client = new pg.Client({ connectionString: api.databaseUrl });
    await client.connect();
    try {
      await seedPeople(client, { mentors: 2, mentees: 2, quiet: true, seed: 5 });
    } finally {
      await client.end();
    }
  });
  afterAll(async () => {
    await api.close();
  });

  it('refuses seeded accounts their published password, as any wrong credentials', async () => {
    const error = onlyError(
      await api.gql.request(LOG_IN, {
        input: { email: seedEmail('mentee', 1), password: SEED_PASSWORD },
      }),
    );
    expect(error.extensions?.code).toBe('UNAUTHENTICATED');
    expect(error.extensions?.['reason']).toBe('INVALID_CREDENTIALS');
  });

  it('lets real accounts log in', async () => {
    const person = await signUp(api.gql, { roles: ['MENTEE'] });
    const result = await api.gql.request<{ logIn: { accessToken: string } }>(LOG_IN, {
      input: { email: person.input.email, password: person.input.password },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.logIn.accessToken).toEqual(expect.any(String));
  });
});
