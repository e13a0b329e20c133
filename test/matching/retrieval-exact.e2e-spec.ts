import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEED_PASSWORD, seedPeople } from '@preceptor/seed';
import pg from 'pg';
import { logIn } from '../support/accounts.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The API's bounded retrieval (rings, passes and bounds over the real mentor index, its facets
 * filed from PostgreSQL) against the same API scoring every eligible mentor
 * (MATCH_RETRIEVAL=exhaustive), on one seeded database: the same pages, in the same order.
 */

const MENTORS = 3_000;
const MENTEES = 40;

const MATCHES = `query Matches($first: Int, $after: String) {
  matches(first: $first, after: $after) {
    pageInfo { endCursor }
    edges { node { score mentor { userId } } }
  }
}`;

interface MatchesResult {
  matches: {
    pageInfo: { endCursor: string | null };
    edges: { node: { score: number; mentor: { userId: string } } }[];
  };
}

describe('matches through the mentor index equal exhaustive scoring', () => {
  let tiered: TestApp;
  let exhaustive: TestApp;

  beforeAll(async () => {
    tiered = await startTestApp();
    const client = new pg.Client({ connectionString: tiered.databaseUrl });
    await client.connect();
    try {
      await seedPeople(client, { mentors: MENTORS, mentees: MENTEES, quiet: true });
    } finally {
      await client.end();
    }
    // Started after the seed: it indexes every mentor as it starts; the first app follows the
    // change feed, checked below by its answers agreeing.
    exhaustive = await startTestApp(
      { MATCH_RETRIEVAL: 'exhaustive' },
      { databaseUrl: tiered.databaseUrl },
    );
  }, 120_000);
  afterAll(async () => {
    await exhaustive?.close();
    await tiered?.close();
  });

  /** Two pages of `first` each, as ids with scores. */
  const pages = async (app: TestApp, token: string, first: number): Promise<string[]> => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 2; page += 1) {
      const data: MatchesResult = await app.gql.ok<MatchesResult>(
        MATCHES,
        { first, after },
        { token },
      );
      seen.push(...data.matches.edges.map(({ node }) => `${node.mentor.userId}@${node.score}`));
      after = data.matches.pageInfo.endCursor;
    }
    return seen;
  };

  it('gives every seeded mentee the same two pages, at two page sizes', async () => {
    const counts = await tiered.sql<{ mentors: string }>(
      'SELECT count(*) AS mentors FROM profiles WHERE is_mentor',
    );
    expect(Number(counts[0].mentors)).toBe(MENTORS);
    // Mentees with goals (matches asks the others to name some first).
    const mentees = await tiered.sql<{ email: string }>(
      `SELECT u.email FROM users u JOIN profiles p ON p.user_id = u.id
        WHERE p.is_mentee AND NOT p.is_mentor AND p.mentee_goals <> '{}' ORDER BY u.email LIMIT 24`,
    );
    expect(mentees.length).toBe(24);
    let compared = 0;
    for (const { email } of mentees) {
      // Each app signs its own tokens.
      const credentials = { email, password: SEED_PASSWORD };
      const theirs = (await logIn(exhaustive.gql, credentials)).accessToken;
      const ours = (await logIn(tiered.gql, credentials)).accessToken;
      for (const first of [3, 20]) {
        const expected = await pages(exhaustive, theirs, first);
        expect(expected.length).toBe(2 * first);
        // The change feed may still be bringing the seeded mentors to the first app.
        let got = await pages(tiered, ours, first);
        for (let tries = 0; tries < 50 && got.join() !== expected.join(); tries += 1) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          got = await pages(tiered, ours, first);
        }
        expect(got).toEqual(expected);
        compared += 1;
      }
    }
    expect(compared).toBe(2 * mentees.length);
  }, 180_000);
});
