import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { appDataSourceOptions } from '../../apps/api/src/database/data-source.js';
import { RegionCodes1796100000000 } from '../../apps/api/src/database/migrations/1796100000000-RegionCodes.js';
import { signUp } from '../support/accounts.js';
import { aMentor } from '../support/profiles.js';
import { eventually, startTestApp, type TestApp } from '../support/test-app.js';

const MENTOR_IDS = `query Mentors($filter: MentorFilter) {
  mentors(filter: $filter, first: 50) { edges { node { userId } } } }`;

interface MentorIdsResult {
  mentors: { edges: { node: { userId: string } }[] };
}

/** Free text from before regions were codes, and what the migration makes of it. */
const CASES: [country: string | null, before: string, after: string | null][] = [
  ['US', 'US-TX', 'US-TX'],
  ['US', 'TX', 'US-TX'],
  ['US', 'tx', 'US-TX'],
  ['US', 'Texas', 'US-TX'],
  ['US', ' new york ', 'US-NY'],
  ['CA', 'Québec', 'CA-QC'],
  ['CA', 'QC', 'CA-QC'],
  ['GB', 'England', 'GB-ENG'],
  ['IE', 'Leinster', 'IE-L'],
  ['IE', 'Dublin', 'IE-L'],
  ['IN', 'Maharashtra', 'IN-MH'],
  [null, 'US-TX', 'US-TX'],
  [null, 'Texas', null],
  ['CA', 'US-TX', null],
  ['US', 'Narnia', null],
  ['PH', 'Metro Manila', null],
  ['US', 'x'.repeat(100), null],
];

/** Runs the migration's `up` again on a database where it has already run (as the template's). */
async function migrateUp(url: string): Promise<void> {
  const dataSource = new DataSource(appDataSourceOptions(url));
  await dataSource.initialize();
  const queryRunner = dataSource.createQueryRunner();
  try {
    await new RegionCodes1796100000000().up(queryRunner);
  } finally {
    await queryRunner.release();
    await dataSource.destroy();
  }
}

describe('migration RegionCodes: free-text regions become ISO 3166-2 codes', () => {
  let api: TestApp;
  let viewer: string;
  const people: { userId: string; after: string | null }[] = [];

  beforeAll(async () => {
    api = await startTestApp({ MENTOR_INDEX: 'true' });
    viewer = (await signUp(api.gql, { roles: ['MENTEE'] })).accessToken;
    const mentors = await Promise.all(CASES.map(([country]) => aMentor(api.gql, { country })));
    // Written around the API, as the old free-text field allowed.
    await api.sql(
      'UPDATE profiles p SET region = m.region FROM unnest($1::uuid[], $2::text[]) AS m(id, region) WHERE p.user_id = m.id',
      [mentors.map((mentor) => mentor.user.id), CASES.map(([, before]) => before)],
    );
    people.push(...mentors.map((mentor, i) => ({ userId: mentor.user.id, after: CASES[i][2] })));
    await migrateUp(api.databaseUrl);
  }, 30_000);
  afterAll(async () => {
    await api.close();
  });

  it('keeps codes, reads codes after the dash and names, and clears the rest', async () => {
    const rows = await api.sql<{ user_id: string; region: string | null }>(
      'SELECT user_id, region FROM profiles WHERE user_id = ANY($1::uuid[])',
      [people.map((person) => person.userId)],
    );
    const regionOf = new Map(rows.map((row) => [row.user_id, row.region]));
    expect(
      CASES.map(([country, before], i) => [country, before, regionOf.get(people[i].userId)]),
    ).toEqual(CASES);
  });

  it('lets the mentor filter find the converted profiles', async () => {
    const texans = people.filter((person) => person.after === 'US-TX').map((p) => p.userId);
    await eventually(async () => {
      const found = (
        await api.gql.ok<MentorIdsResult>(
          MENTOR_IDS,
          { filter: { region: 'US-TX' } },
          { token: viewer },
        )
      ).mentors.edges.map((edge) => edge.node.userId);
      return found.length === texans.length && texans.every((id) => found.includes(id));
    });
  });

  it('changes nothing when run again', async () => {
    const before = await api.sql('SELECT user_id, region FROM profiles ORDER BY user_id');
    await migrateUp(api.databaseUrl);
    expect(await api.sql('SELECT user_id, region FROM profiles ORDER BY user_id')).toEqual(before);
  });
});
