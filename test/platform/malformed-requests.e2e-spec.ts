import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { ROOT_LOGGER } from '@preceptor/core';
import type { Logger } from 'pino';
import { aSignUp, SIGN_UP, signUp } from '../support/accounts.js';
import { onlyError, type GraphqlErrorBody } from '../support/graphql-client.js';
import { aProfileInput, UPDATE_PROFILE } from '../support/profiles.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Malformed requests are the client's mistake: a 4xx with a code, never a 500. */
describe('malformed requests', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  async function post(
    body: string,
  ): Promise<{ status: number; body: { data?: unknown; errors?: GraphqlErrorBody[] } }> {
    const response = await fetch(api.gql.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    return {
      status: response.status,
      body: (await response.json()) as { data?: unknown; errors?: GraphqlErrorBody[] },
    };
  }

  describe('an operation name the document does not have', () => {
    it('is a 400 naming the operation, every time it is sent', async () => {
      const body = JSON.stringify({
        query: 'query Tracks { tracks { name } }',
        operationName: 'Specialties',
      });
      // The second run of a document is the compiled one: both must refuse it.
      for (let run = 0; run < 3; run++) {
        const result = await post(body);
        expect(result.status).toBe(400);
        expect(result.body.data).toBeUndefined();
        expect(result.body.errors).toEqual([
          {
            message:
              'Unknown operation named "Specialties": the document has no operation by that name.',
            extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
          },
        ]);
      }
    });

    it('is a 400 when a document with several operations names none', async () => {
      const result = await post(
        JSON.stringify({ query: 'query A { tracks { name } } query B { me { id } }' }),
      );
      expect(result.status).toBe(400);
      expect(result.body.errors?.[0]?.extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
      expect(result.body.errors?.[0]?.message).toMatch(/operation name/);
    });

    it('still runs the operation that is named', async () => {
      const result = await post(
        JSON.stringify({
          query: 'query A { tracks { name } } query B { me { id } }',
          operationName: 'B',
        }),
      );
      expect(result).toEqual({ status: 200, body: { data: { me: null } } });
    });
  });

  describe('control characters in text inputs', () => {
    async function signUpsFor(fullName: string): Promise<number> {
      const rows = await api.sql<{ count: string }>(
        'SELECT count(*) FROM users WHERE full_name = $1',
        [fullName.replace(/\0/g, '')],
      );
      return Number(rows[0].count);
    }

    it('refuses U+0000 sent as a variable, naming the argument path, and saves nothing', async () => {
      const input = aSignUp({ fullName: 'Amara\u0000 Okafor' });
      const result = await api.gql.request(SIGN_UP, { input });
      expect(result.status).toBe(400);
      const error = onlyError(result);
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_INPUT',
        field: 'input.fullName',
      });
      expect(error.message).toContain('input.fullName');
      expect(error.message).toContain('U+0000');
      expect(await signUpsFor(input.fullName)).toBe(0);
    });

    it('refuses U+0000 written inline in the document', async () => {
      const email = aSignUp().email;
      const result = await api.gql.request(
        `mutation { signUp(input: { email: "${email}", password: "correct horse battery staple",
           fullName: "Amara\\u0000 Okafor", roles: [MENTEE] }) { accessToken } }`,
      );
      expect(result.status).toBe(400);
      expect(onlyError(result).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.fullName',
      });
    });

    it.each([
      [
        'a nested input object',
        { contact: { phone: '+15551234567\u0000' } },
        'input.contact.phone',
      ],
      [
        'a list inside a nested input object',
        { contact: { links: ['https://example.org/a', 'https://example.org/\u0007'] } },
        'input.contact.links[1]',
      ],
      [
        'a list of strings',
        { specialtySlugs: ['critical-care-nursing\u001b[2J'] },
        'input.specialtySlugs[0]',
      ],
      ['a plain text field', { bio: 'Night shift\u0008 charge nurse' }, 'input.bio'],
    ])('refuses one in %s (%j)', async (_where, overrides, field) => {
      const { accessToken } = await signUp(api.gql);
      const result = await api.gql.request(
        UPDATE_PROFILE,
        { input: aProfileInput(overrides) },
        { token: accessToken },
      );
      expect(result.status).toBe(400);
      expect(onlyError(result).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });

    it('refuses one in a plain argument and in part of an input built from variables', async () => {
      const search = await api.gql.request(
        'query($q: String) { specialties(search: $q) { slug } }',
        { q: 'card\u0000' },
      );
      expect(onlyError(search).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'search',
      });
      const built = await api.gql.request(
        `mutation($name: String!) { signUp(input: { email: "a@example.test",
           password: "correct horse battery staple", fullName: $name, roles: [MENTEE] }) { accessToken } }`,
        { name: '\u0000' },
      );
      expect(onlyError(built).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.fullName',
      });
    });

    it('keeps tab, line feed and carriage return, and every other character', async () => {
      const { accessToken } = await signUp(api.gql);
      const bio = 'Charge nurse,\tnights.\r\nLikes «precepting» — 看護師 🩺';
      const data = await api.gql.ok<{ updateProfile: { bio: string } }>(
        UPDATE_PROFILE,
        { input: aProfileInput({ bio }) },
        { token: accessToken },
      );
      expect(data.updateProfile.bio).toBe(bio);
    });
  });

  describe('request bodies', () => {
    it('answers a body over the limit with a GraphQL-shaped 413, logged as a client error', async () => {
      const logger = api.app.get<Logger>(ROOT_LOGGER);
      const warn = jest.spyOn(logger, 'warn');
      const error = jest.spyOn(logger, 'error');
      const result = await post(
        JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(200_000) } }),
      );
      expect(result.status).toBe(413);
      expect(result.body).toEqual({
        errors: [
          {
            message: expect.stringMatching(/limit is 102400 bytes/) as unknown,
            extensions: { code: 'PAYLOAD_TOO_LARGE' },
          },
        ],
      });
      expect(error).not.toHaveBeenCalled();
      expect(warn).toHaveBeenCalledTimes(1);
      const [fields] = warn.mock.calls[0] as unknown as [Record<string, unknown>];
      expect(fields).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
      expect(JSON.stringify(fields)).not.toMatch(/stack|"err"/);
    });

    it('answers a body that is not JSON with a GraphQL-shaped 400', async () => {
      const result = await post('{"query": "{ __typename }"');
      expect(result.status).toBe(400);
      expect(result.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST' });
      expect(result.body.errors?.[0]?.message).toMatch(/not valid JSON/);
    });

    it('still takes a large body under the limit', async () => {
      const result = await post(
        JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(90_000) } }),
      );
      expect(result).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
    });
  });
});
