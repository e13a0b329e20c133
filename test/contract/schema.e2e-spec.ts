import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SCHEMA_FILE = new URL('../../schema.gql', import.meta.url);
const HEADER = `# The Preceptor GraphQL API contract, generated from the code by \`npm run schema:generate\`.
# Do not edit by hand; a test fails when this file and the code disagree.

`;

describe('schema.gql', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
  });

  it('matches the schema the running API serves', async () => {
    const { schema } = api.app.get(GraphQLSchemaHost);
    const generated = HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
    if (process.env['UPDATE_SCHEMA'] === '1') {
      await writeFile(SCHEMA_FILE, generated);
    }
    const committed = await readFile(SCHEMA_FILE, 'utf8').catch(() => '');
    // On failure: run `npm run schema:generate`, review the diff and commit schema.gql.
    expect(committed).toBe(generated);
  });
});
