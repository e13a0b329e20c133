import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('smoke', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
  });

  it('answers __typename', async () => {
    const data = await api.gql.ok<{ __typename: string }>('{ __typename }');
    expect(data.__typename).toBe('Query');
  });
});
