import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The example GraphiQL opens on, as its init script carries it. */
async function exampleDocument(api: TestApp): Promise<string> {
  const script = await (await fetch(`${api.url}/graphiql/init.js`)).text();
  const match = /defaultQuery: ("(?:[^"\\]|\\.)*")/.exec(script);
  if (!match) throw new Error(`no defaultQuery in ${script}`);
  return JSON.parse(match[1]) as string;
}

async function run<T>(
  api: TestApp,
  query: string,
  operationName: string,
  token?: string,
): Promise<{ data?: T; errors?: unknown[] }> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, operationName }),
  });
  return (await response.json()) as { data?: T; errors?: unknown[] };
}

describe('the example GraphiQL opens on', () => {
  let api: TestApp;

  beforeAll(async () => {
    // Demo data as `npm start` seeds it into an empty database.
    api = await startTestApp({ SEED_DEMO: 'true', GRAPHIQL: 'true' });
  });
  afterAll(async () => {
    await api.close();
  });

  it('logs in as the demo mentee and lists their matches, with reasons', async () => {
    const document = await exampleDocument(api);
    const login = await run<{ logIn: { accessToken: string } }>(api, document, 'LogIn');
    expect(login.errors).toBeUndefined();
    const token = login.data!.logIn.accessToken;

    const matches = await run<{
      matches: { edges: { node: { score: number; reasons: string[] } }[] };
    }>(api, document, 'MyMatches', token);
    expect(matches.errors).toBeUndefined();
    const edges = matches.data!.matches.edges;
    expect(edges).toHaveLength(5);
    for (const { node } of edges) {
      expect(node.score).toBeGreaterThan(0);
      expect(node.reasons.length).toBeGreaterThan(0);
    }
    const scores = edges.map((edge) => edge.node.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});
