import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { onlyError } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('GraphQL request limits and protections', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ GRAPHQL_MAX_DEPTH: '2', GRAPHQL_MAX_ALIASES: '3' });
  });
  afterAll(async () => {
    await api.close();
  });

  it('accepts a query within the depth limit', async () => {
    const result = await api.gql.request('{ me { id } }');
    expect(result.errors).toBeUndefined();
  });

  it('refuses an over-deep query before running it', async () => {
    const result = await api.gql.request(
      'mutation { logIn(input: { email: "a@example.test", password: "whatever password" }) { user { id } } }',
    );
    expect(result.status).toBe(400);
    const error = onlyError(result);
    expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error.message).toMatch(/depth/i);
  });

  it('refuses too many aliases', async () => {
    const result = await api.gql.request('{ a: me { id } b: me { id } c: me { id } d: me { id } }');
    expect(onlyError(result).extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(onlyError(result).message).toMatch(/alias/i);
  });

  it('refuses batched requests', async () => {
    const response = await fetch(api.gql.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('refuses simple cross-site requests (CSRF prevention)', async () => {
    const response = await fetch(`${api.gql.endpoint}?query=%7B__typename%7D`, { method: 'GET' });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/preflight/i);
    const form = await fetch(api.gql.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(form.status).toBe(400);
  });

  it('answers malformed documents with a code and no internals', async () => {
    const result = await api.gql.request('{ me { id ');
    const error = onlyError(result);
    // graphql-armor's token limit parses first, so a syntax error surfaces as a validation failure.
    expect(error.extensions?.code).toMatch(/^GRAPHQL_(PARSE|VALIDATION)_FAILED$/);
    expect(error.message).toMatch(/syntax error/i);
    expect(JSON.stringify(result.errors)).not.toMatch(/stacktrace|node_modules/);
  });

  it('echoes a sane x-request-id and makes one up otherwise', async () => {
    const given = await api.gql.request(
      '{ __typename }',
      {},
      { headers: { 'x-request-id': 'client-req-42' } },
    );
    expect(given.headers.get('x-request-id')).toBe('client-req-42');
    const made = await api.gql.request(
      '{ __typename }',
      {},
      { headers: { 'x-request-id': 'bad id with spaces' } },
    );
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('does not hash GraphQL answers into ETags', async () => {
    const answer = await api.gql.request('{ __typename }');
    expect(answer.headers.get('content-type')).toContain('application/json');
    expect(answer.headers.get('etag')).toBeNull();
  });
});

describe('in production', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-of-at-least-32-chars',
    });
  });
  afterAll(async () => {
    await api.close();
  });

  it('turns introspection off', async () => {
    const result = await api.gql.request('{ __schema { queryType { name } } }');
    expect(onlyError(result).extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('does not suggest field names', async () => {
    const result = await api.gql.request('{ mee { id } }');
    expect(onlyError(result).message).not.toMatch(/did you mean/i);
  });

  it('does not serve the IDE', async () => {
    const response = await fetch(api.gql.endpoint, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toMatch(/graphiql/i);
  });
});
