import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { LIST_SIZE_EXTENSION, type ListSizeOptions } from '@preceptor/core';
import {
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isListType,
  isLeafType,
  isObjectType,
  type GraphQLField,
} from 'graphql';
import { signUp } from '../support/accounts.js';
import { onlyError, type GraphqlResponse } from '../support/graphql-client.js';
import { aMentor, PROFILE_FIELDS } from '../support/profiles.js';
import { eventually, startTestApp, type TestApp } from '../support/test-app.js';

/** Depth 10, ~190 fields written: passed every additive limit while asking for millions of objects. */
const NESTED = `{ specialties { parent { children { parent { children { parent { children {
  parent { children { slug } } } } } } } } } }`;

const ALIASED = `{ ${Array.from(
  { length: 12 },
  (_, i) => `a${i}: specialties { children { related { children { slug } } } }`,
).join(' ')} }`;

const THROUGH_FRAGMENTS = `{ specialties { ...Down } }
  fragment Down on Specialty { children { ...Across } }
  fragment Across on Specialty { related { slug children { slug } } }`;

/** GraphiQL asks this (with fewer options) to draw its docs and autocomplete. */
const INTROSPECTION = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
});

function expectCostRefusal(result: GraphqlResponse<unknown>): void {
  expect(result.status).toBe(400);
  expect(result.data).toBeUndefined();
  const error = onlyError(result);
  expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(error.message).toMatch(/^Cost limit exceeded: .* costs [\d,]+, the maximum is 30,000\./);
  expect(error.extensions?.['maxCost']).toBe(30_000);
  expect(error.extensions?.['cost']).toBeGreaterThan(30_000);
}

describe('the query cost limit (default configuration)', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
  });

  describe('refuses before running anything', () => {
    it.each([
      ['nested', NESTED],
      ['aliased', ALIASED],
      ['spread through fragments', THROUGH_FRAGMENTS],
    ])(
      'a hostile %s query, anonymously, saying its cost and the maximum',
      async (_shape, query) => {
        expectCostRefusal(await api.gql.request(query));
      },
    );

    // Refused while validating (the code says so): nothing was resolved or allocated for the
    // answer. How fast that is belongs in a benchmark, not in a timed assertion here.
    it('a burst of them, each refused while validating, without the heap growing', async () => {
      const heapBefore = process.memoryUsage().heapUsed;
      for (let round = 0; round < 10; round++) {
        await Promise.all(
          Array.from({ length: 10 }, async (_, i) => {
            // A distinct document each time, so nothing is served from a cache.
            const query = NESTED.replace(
              '{ specialties',
              `{ r${round}q${i}: __typename specialties`,
            );
            expectCostRefusal(await api.gql.request(query));
          }),
        );
      }
      // Answered, each would hold millions of objects.
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
    });
  });

  describe('lets every legitimate query through', () => {
    it('every specialty with its parent, children and related specialties', async () => {
      const result = await api.gql.request<{ specialties: { childSlugs: string[] }[] }>(
        `{ specialties { slug name nuccCode tracks parent { slug } children { slug name }
           related { slug } } }`,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.specialties.length).toBeGreaterThan(200);
    });

    it('the whole tree by slugs, for a fraction of the cost', async () => {
      const result = await api.gql.request<{ specialties: unknown[] }>(
        '{ specialties { slug name nuccCode tracks parentSlug childSlugs relatedSlugs } }',
      );
      expect(result.errors).toBeUndefined();
    });

    it('a page of 50 mentors with every profile field', async () => {
      const viewer = await signUp(api.gql, { roles: ['MENTEE'] });
      await aMentor(api.gql, {
        bio: 'Charge nurse',
        availability: [{ day: 'MONDAY', startTime: '08:00', endTime: '12:00' }],
        contact: { email: 'mentor@example.test', links: ['https://example.org/me'] },
      });
      const page = `query Page($first: Int, $after: String) {
        mentors(first: $first, after: $after) {
          totalCount pageInfo { hasNextPage endCursor }
          edges { cursor node { ${PROFILE_FIELDS} } } } }`;
      await eventually(async () => {
        const result = await api.gql.request<{ mentors: { edges: unknown[] } }>(
          page,
          { first: 50 },
          { token: viewer.accessToken },
        );
        expect(result.errors).toBeUndefined();
        return (result.data?.mentors.edges.length ?? 0) > 0;
      });
    });

    it('the introspection query GraphiQL sends', async () => {
      const result = await api.gql.request(INTROSPECTION);
      expect(result.errors).toBeUndefined();
    });

    it("README's GraphQL examples", async () => {
      const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
      const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);
      expect(examples.length).toBeGreaterThan(0);
      // Anonymous, so an example that needs a signed-in caller answers UNAUTHENTICATED: what
      // matters here is that no limit refuses it.
      for (const example of examples) {
        const result = await api.gql.request(example);
        const refused = (result.errors ?? []).filter(
          (error) => error.extensions?.code !== 'UNAUTHENTICATED',
        );
        expect({ example, refused }).toEqual({ example, refused: [] });
      }
    });
  });

  it('knows how long every list of objects in the schema can be', () => {
    const { schema } = api.app.get(GraphQLSchemaHost);
    const listSize = (field: GraphQLField<unknown, unknown>) =>
      field.extensions[LIST_SIZE_EXTENSION] as ListSizeOptions | undefined;
    const types = Object.values(schema.getTypeMap()).filter(
      (type) => isObjectType(type) && !type.name.startsWith('__'),
    );
    // Lists sized by the field returning their object (a connection's edges, by `first`).
    const sized = new Set<string>();
    for (const type of types) {
      if (!isObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        for (const name of listSize(field)?.sizedFields ?? []) {
          sized.add(`${getNamedType(field.type).name}.${name}`);
        }
      }
    }
    const undeclared: string[] = [];
    for (const type of types) {
      if (!isObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        const isList = isListType(getNullableType(field.type));
        if (!isList || isLeafType(getNamedType(field.type))) continue;
        const name = `${type.name}.${field.name}`;
        if (!listSize(field) && !sized.has(name)) undeclared.push(name);
      }
    }
    // Declare each with @ListSize (from @preceptor/core) where the field is defined.
    expect(undeclared).toEqual([]);
  });
});
