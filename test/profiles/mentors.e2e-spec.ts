import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MENTOR_COUNT_CAP, TEXT_PROBE_WINDOW } from '@preceptor/profiles';
import { seedPeople } from '@preceptor/seed';
import pg from 'pg';
import { signUp } from '../support/accounts.js';
import { onlyError } from '../support/graphql-client.js';
import {
  aMentor,
  aProfileInput,
  PROFILE,
  PROFILE_FIELDS,
  UPDATE_PROFILE,
  type Person,
} from '../support/profiles.js';
import { eventually, startTestApp, type TestApp } from '../support/test-app.js';

const MENTORS = `query Mentors($filter: MentorFilter, $first: Int, $after: String) {
  mentors(filter: $filter, first: $first, after: $after) {
    totalCount totalCountExact
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { userId fullName contact { email } } }
  }
}`;

interface MentorsResult {
  mentors: {
    totalCount: number;
    totalCountExact: boolean;
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
    edges: { cursor: string; node: { userId: string; fullName: string; contact: unknown } }[];
  };
}

/** Facet counters that differ from a full recount (empty when the trigger kept them right). */
function facetDrift(api: TestApp): Promise<unknown[]> {
  return api.sql(`
    WITH truth AS (
      SELECT f.facet, f.value, count(*)::int AS mentors
        FROM profiles p CROSS JOIN LATERAL mentor_facets(p) f WHERE p.is_mentor GROUP BY 1, 2)
    SELECT coalesce(t.facet, c.facet) AS facet, coalesce(t.value, c.value) AS value,
           t.mentors AS expected, c.mentors AS counted
      FROM truth t FULL JOIN mentor_facet_counts c ON c.facet = t.facet AND c.value = t.value
     WHERE coalesce(t.mentors, 0) <> coalesce(c.mentors, 0)`);
}

const MODES = [
  ['with the in-memory index', true],
  ['from SQL alone (MENTOR_INDEX=false)', false],
] as const;

describe.each(MODES)('mentors(filter, first, after) %s', (_mode, indexed) => {
  let api: TestApp;
  let viewer: string;
  const m: Record<string, Person> = {};

  beforeAll(async () => {
    api = await startTestApp({ MENTOR_INDEX: String(indexed) });
    viewer = (await signUp(api.gql, { roles: ['MENTEE'] })).accessToken;
    // Created one by one so "newest first" has a known order: last created comes first.
    m.pedsOnc = await aMentor(
      api.gql,
      {
        track: 'PHYSICIAN',
        careerStage: 'SENIOR',
        specialtySlugs: ['pediatric-hematology-oncology'],
        languages: ['en', 'es'],
        country: 'US',
        region: 'TX',
        meetingFormats: ['VIRTUAL'],
        headline: 'Pediatric oncologist at a children’s hospital',
      },
      { offers: ['SPECIALIZATION', 'BURNOUT_WELLBEING'] },
    );
    m.icuNurse = await aMentor(
      api.gql,
      {
        track: 'NURSING',
        careerStage: 'MID_CAREER',
        specialtySlugs: ['critical-care-nursing'],
        languages: ['en', 'tl'],
        country: 'US',
        region: 'CA',
        meetingFormats: ['IN_PERSON', 'VIRTUAL'],
        bio: 'Cardiothoracic ICU charge nurse who precepts new graduates.',
      },
      { offers: ['LEADERSHIP_MANAGEMENT'] },
    );
    m.closed = await aMentor(
      api.gql,
      {
        track: 'PHARMACY',
        careerStage: 'LEADER',
        specialtySlugs: ['oncology-pharmacy'],
        country: 'CA',
        region: 'ON',
        meetingFormats: ['VIRTUAL'],
      },
      { offers: ['KEEPING_CURRENT'], acceptingMentees: false },
    );
    m.generalPeds = await aMentor(
      api.gql,
      {
        track: 'PHYSICIAN',
        careerStage: 'EARLY_CAREER',
        specialtySlugs: ['pediatrics'],
        country: 'US',
        region: 'TX',
      },
      { offers: ['NETWORKING'] },
    );
    // Not a mentor: must never be listed.
    const mentee = await signUp(api.gql, { roles: ['MENTEE'] });
    await api.gql.ok(
      UPDATE_PROFILE,
      { input: aProfileInput({ specialtySlugs: ['pediatrics'] }) },
      { token: mentee.accessToken },
    );
  });
  afterAll(async () => {
    await api.close();
  });

  const list = async (variables: Record<string, unknown> = {}) =>
    (await api.gql.ok<MentorsResult>(MENTORS, variables, { token: viewer })).mentors;
  const ids = (result: MentorsResult['mentors']) => result.edges.map((edge) => edge.node.userId);
  const idsOf = (...keys: string[]) => keys.map((key) => m[key].user.id);

  it('needs a signed-in caller', async () => {
    expect(onlyError(await api.gql.request(MENTORS)).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lists mentors only, newest first, with an exact total and no contact details', async () => {
    const result = await list();
    expect(ids(result)).toEqual(idsOf('generalPeds', 'closed', 'icuNurse', 'pedsOnc'));
    expect(result.totalCount).toBe(4);
    expect(result.totalCountExact).toBe(true);
    expect(result.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    for (const edge of result.edges) expect(edge.node.contact).toBeNull();
  });

  it.each([
    [
      'a specialty, including its descendants',
      { specialtySlugs: ['pediatrics'] },
      ['generalPeds', 'pedsOnc'],
    ],
    ['a leaf specialty', { specialtySlugs: ['pediatric-hematology-oncology'] }, ['pedsOnc']],
    [
      'any of several specialties',
      { specialtySlugs: ['critical-care-nursing', 'oncology-pharmacy'] },
      ['closed', 'icuNurse'],
    ],
    ['tracks', { tracks: ['PHYSICIAN'] }, ['generalPeds', 'pedsOnc']],
    ['career stages', { careerStages: ['LEADER', 'SENIOR'] }, ['closed', 'pedsOnc']],
    [
      'growth areas offered',
      { offers: ['BURNOUT_WELLBEING', 'NETWORKING'] },
      ['generalPeds', 'pedsOnc'],
    ],
    ['languages', { languages: ['TL'] }, ['icuNurse']],
    ['meeting formats', { meetingFormats: ['IN_PERSON'] }, ['icuNurse']],
    ['country', { country: 'ca' }, ['closed']],
    ['country and region', { country: 'US', region: 'TX' }, ['generalPeds', 'pedsOnc']],
    ['accepting mentees', { acceptingMentees: false }, ['closed']],
    ['free text in the headline (prefix)', { text: 'oncolog' }, ['pedsOnc']],
    ['free text in the bio, several words', { text: 'charge precepts' }, ['icuNurse']],
    ['free text in the name', { text: 'Jordan' }, ['generalPeds', 'closed', 'icuNurse', 'pedsOnc']],
    [
      'several filters at once',
      {
        tracks: ['PHYSICIAN'],
        specialtySlugs: ['pediatrics'],
        offers: ['SPECIALIZATION'],
        languages: ['es'],
      },
      ['pedsOnc'],
    ],
    ['filters nobody matches', { tracks: ['INFORMATICS'] }, []],
  ])('filters by %s', async (_name, filter, expected) => {
    const result = await list({ filter });
    expect(ids(result)).toEqual(idsOf(...expected));
    expect(result.totalCount).toBe(expected.length);
  });

  it('lists each mentor exactly as profile(userId) shows it, with or without free text', async () => {
    const FULL = `query Full($filter: MentorFilter) {
      mentors(filter: $filter, first: 10) { edges { node { ${PROFILE_FIELDS} } } } }`;
    for (const filter of [{}, { text: 'Jordan' }]) {
      const listed = (
        await api.gql.ok<{ mentors: { edges: { node: { userId: string } }[] } }>(
          FULL,
          { filter },
          { token: viewer },
        )
      ).mentors.edges.map((edge) => edge.node);
      expect(listed.length).toBeGreaterThanOrEqual(4);
      for (const node of listed) {
        const single = await api.gql.ok<{ profile: unknown }>(
          PROFILE,
          { userId: node.userId },
          { token: viewer },
        );
        expect(node).toEqual(single.profile);
      }
    }
  });

  it('treats search text as words, never as query syntax', async () => {
    const result = await list({ filter: { text: "'); DROP TABLE profiles; -- & | ! :*" } });
    expect(result.totalCount).toBe(0);
    expect((await list()).totalCount).toBe(4);
  });

  it.each([
    ['first', { first: 51 }],
    ['first', { first: 0 }],
    ['after', { after: 'not-a-cursor' }],
    [
      'after',
      {
        after: Buffer.from(JSON.stringify({ c: "2020-01-01'; --", u: 'x' })).toString('base64url'),
      },
    ],
    [
      'after',
      {
        after: Buffer.from(
          JSON.stringify({ c: '2026-01-01 00:00:00+00', u: '-'.repeat(36) }),
        ).toString('base64url'),
      },
    ],
    ['filter.specialtySlugs', { filter: { specialtySlugs: ['no-such-specialty'] } }],
    ['filter.languages', { filter: { languages: ['xx'] } }],
  ])('refuses a bad %s with BAD_USER_INPUT', async (field, variables) => {
    const error = onlyError(await api.gql.request(MENTORS, variables, { token: viewer }));
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(String(error.extensions?.['field'])).toBe(field);
  });

  it('pages with cursors that stay put while new mentors join', async () => {
    const firstPage = await list({ first: 2 });
    expect(ids(firstPage)).toEqual(idsOf('generalPeds', 'closed'));
    expect(firstPage.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(firstPage.pageInfo.endCursor).toBe(firstPage.edges[1].cursor);

    const newcomer = await aMentor(api.gql);
    const secondPage = await list({ first: 2, after: firstPage.pageInfo.endCursor });
    expect(ids(secondPage)).toEqual(idsOf('icuNurse', 'pedsOnc'));
    expect(secondPage.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(secondPage.totalCount).toBe(5);

    const fromTop = await list({ first: 1 });
    expect(ids(fromTop)).toEqual([newcomer.user.id]);
  });

  it('keeps exact single-filter counts through profile edits', async () => {
    const before = (await list({ filter: { specialtySlugs: ['pediatrics'] } })).totalCount;
    await api.gql.ok(
      UPDATE_PROFILE,
      { input: aProfileInput({ track: 'PHYSICIAN', specialtySlugs: ['critical-care-medicine'] }) },
      { token: m.generalPeds.token },
    );
    expect((await list({ filter: { specialtySlugs: ['pediatrics'] } })).totalCount).toBe(
      before - 1,
    );
    expect((await list({ filter: { specialtySlugs: ['internal-medicine'] } })).totalCount).toBe(1);
    expect(await facetDrift(api)).toEqual([]);
  });
});

describe.each(MODES)('mentors(...) beyond the count cap %s', (_mode, indexed) => {
  let api: TestApp;
  let viewer: string;

  async function countMentors(condition: string): Promise<number> {
    const rows = await api.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM profiles WHERE is_mentor AND ${condition}`,
    );
    return rows[0].n;
  }

  beforeAll(async () => {
    api = await startTestApp({ MENTOR_INDEX: String(indexed) });
    const client = new pg.Client({ connectionString: api.databaseUrl });
    await client.connect();
    try {
      await seedPeople(client, {
        mentors: MENTOR_COUNT_CAP + 400,
        mentees: 0,
        seed: 7,
        quiet: true,
        dropIndexes: false,
      });
    } finally {
      await client.end();
    }
    viewer = (await signUp(api.gql, { roles: ['MENTEE'] })).accessToken;
    // Seeded by another connection: the index hears of each row through the change feed.
    await eventually(async () => (await totalOf({})) === MENTOR_COUNT_CAP + 400);
  });
  afterAll(async () => {
    await api.close();
  });

  async function totalOf(filter: Record<string, unknown>): Promise<number> {
    return (await api.gql.ok<MentorsResult>(MENTORS, { filter }, { token: viewer })).mentors
      .totalCount;
  }

  it('counts one filter value exactly at any size, and combinations exactly (index) or up to the cap', async () => {
    const all = (await api.gql.ok<MentorsResult>(MENTORS, { first: 50 }, { token: viewer }))
      .mentors;
    expect(all).toMatchObject({
      totalCount: MENTOR_COUNT_CAP + 400,
      totalCountExact: true,
      pageInfo: { hasNextPage: true },
    });
    expect(all.edges).toHaveLength(50);

    const combined = { acceptingMentees: true, languages: ['en'] };
    const truth = await countMentors("mentor_accepting AND languages && ARRAY['en']::varchar[]");
    expect(truth).toBeGreaterThan(MENTOR_COUNT_CAP);
    const capped = (
      await api.gql.ok<MentorsResult>(MENTORS, { filter: combined }, { token: viewer })
    ).mentors;
    expect(capped).toMatchObject(
      indexed
        ? { totalCount: truth, totalCountExact: true }
        : { totalCount: MENTOR_COUNT_CAP, totalCountExact: false },
    );

    const few = (
      await api.gql.ok<MentorsResult>(
        MENTORS,
        { filter: { tracks: ['INFORMATICS'], acceptingMentees: true } },
        { token: viewer },
      )
    ).mentors;
    expect(few.totalCountExact).toBe(true);
    expect(few.totalCount).toBe(await countMentors("track = 'INFORMATICS' AND mentor_accepting"));
  });

  it('counts free text exactly when the other filters leave few candidates', async () => {
    const filter = { text: 'years', tracks: ['INFORMATICS', 'PHARMACY'] };
    const truth = await countMentors(
      "track IN ('INFORMATICS', 'PHARMACY') AND search_vector @@ to_tsquery('simple', 'years:*')",
    );
    expect(truth).toBeGreaterThan(0);
    const result = (await api.gql.ok<MentorsResult>(MENTORS, { filter }, { token: viewer }))
      .mentors;
    expect(result).toMatchObject({ totalCount: truth, totalCountExact: true });
  });

  it(`gives a common word ${indexed ? 'an exact count' : 'a true lower bound'} and its newest matches`, async () => {
    const truth = await countMentors("search_vector @@ to_tsquery('simple', 'years:*')");
    expect(truth).toBeGreaterThan(TEXT_PROBE_WINDOW);
    const result = (
      await api.gql.ok<MentorsResult>(
        MENTORS,
        { filter: { text: 'years' }, first: 20 },
        { token: viewer },
      )
    ).mentors;
    // The index counts every match; SQL stops at a true lower bound.
    expect(result.totalCountExact).toBe(indexed);
    expect(result.totalCount).toBeGreaterThan(20);
    expect(result.totalCount).toBeLessThanOrEqual(truth);
    expect(result.totalCount === truth).toBe(indexed);
    const newest = await api.sql<{ user_id: string }>(
      `SELECT user_id FROM profiles WHERE is_mentor AND search_vector @@ to_tsquery('simple', 'years:*')
        ORDER BY created_at DESC, user_id DESC LIMIT 20`,
    );
    expect(result.edges.map((edge) => edge.node.userId)).toEqual(newest.map((row) => row.user_id));
  });

  /** A word the probe of the newest candidates finds `recent` times, `total` times in all. */
  async function wordSeen(
    recent: [number, number],
    total: [number, number],
  ): Promise<{ word: string; recent: number; total: number }> {
    const [found] = await api.sql<{ word: string; recent: number; total: number }>(
      `WITH words AS (
         SELECT word FROM ts_stat('SELECT search_vector FROM profiles WHERE is_mentor')
          WHERE ndoc BETWEEN 1 AND 80 AND word ~ '^[a-z]{5,}$'),
       newest AS (
         SELECT search_vector FROM profiles WHERE is_mentor
          ORDER BY created_at DESC, user_id DESC LIMIT ${TEXT_PROBE_WINDOW}),
       seen AS (
         SELECT word,
           (SELECT count(*) FROM newest n WHERE n.search_vector @@ to_tsquery('simple', word || ':*'))::int AS recent,
           (SELECT count(*) FROM profiles p WHERE p.is_mentor
              AND p.search_vector @@ to_tsquery('simple', word || ':*'))::int AS total
         FROM words)
       SELECT * FROM seen WHERE recent BETWEEN $1 AND $2 AND total BETWEEN $3 AND $4
        ORDER BY word LIMIT 1`,
      [...recent, ...total],
    );
    expect(found).toBeDefined();
    return found;
  }

  async function newestMatching(word: string, limit: number): Promise<string[]> {
    const rows = await api.sql<{ user_id: string }>(
      `SELECT user_id FROM profiles WHERE is_mentor AND search_vector @@ to_tsquery('simple', $1)
        ORDER BY created_at DESC, user_id DESC LIMIT $2`,
      [`${word}:*`, limit],
    );
    return rows.map((row) => row.user_id);
  }

  it(`pages a word seen a few times among the newest ${indexed ? 'with an exact count' : 'by walking, with a lower bound'}`, async () => {
    // With pages of 2, a word seen once or twice in the probe window is "less than a page".
    const { word, recent, total } = await wordSeen([1, 2], [4, 1_000]);
    const page = (after?: string | null) =>
      api.gql.ok<MentorsResult>(
        MENTORS,
        { filter: { text: word }, first: 2, after },
        { token: viewer },
      );
    const one = (await page()).mentors;
    expect(one).toMatchObject({ totalCountExact: indexed, pageInfo: { hasNextPage: true } });
    expect(one.totalCount).toBeGreaterThanOrEqual(Math.max(recent, 3));
    expect(one.totalCount).toBeLessThanOrEqual(total);
    expect(one.totalCount === total).toBe(indexed);
    const two = (await page(one.pageInfo.endCursor)).mentors;
    expect([...one.edges, ...two.edges].map((edge) => edge.node.userId)).toEqual(
      await newestMatching(word, 4),
    );
  });

  it('counts such a word exactly when the walk shows it has no more than a page', async () => {
    const { word, total } = await wordSeen([1, 20], [1, 20]);
    const result = (
      await api.gql.ok<MentorsResult>(MENTORS, { filter: { text: word } }, { token: viewer })
    ).mentors;
    expect(result).toMatchObject({
      totalCount: total,
      totalCountExact: true,
      pageInfo: { hasNextPage: false },
    });
    expect(result.edges.map((edge) => edge.node.userId)).toEqual(await newestMatching(word, 20));
  });

  it('counts free text combined with common filters exactly (index) or as a lower bound', async () => {
    const filter = { text: 'years in', acceptingMentees: true, languages: ['en'] };
    const truth = await countMentors(
      "mentor_accepting AND languages && ARRAY['en']::varchar[] AND search_vector @@ to_tsquery('simple', 'years:* & in:*')",
    );
    expect(truth).toBeGreaterThan(MENTOR_COUNT_CAP);
    const result = (
      await api.gql.ok<MentorsResult>(MENTORS, { filter, first: 5 }, { token: viewer })
    ).mentors;
    expect(result.totalCountExact).toBe(indexed);
    expect(result.totalCount).toBeLessThanOrEqual(truth);
    expect(result.totalCount === truth).toBe(indexed);
    const newest = await api.sql<{ user_id: string }>(
      `SELECT user_id FROM profiles WHERE is_mentor AND mentor_accepting
          AND languages && ARRAY['en']::varchar[]
          AND search_vector @@ to_tsquery('simple', 'years:* & in:*')
        ORDER BY created_at DESC, user_id DESC LIMIT 5`,
    );
    expect(result.edges.map((edge) => edge.node.userId)).toEqual(newest.map((row) => row.user_id));
  });

  it('answers words beyond plain ASCII as PostgreSQL parses them', async () => {
    const [found] = await api.sql<{ word: string; n: number }>(
      `SELECT word, ndoc AS n FROM ts_stat('SELECT search_vector FROM profiles WHERE is_mentor')
        WHERE word ~ '[^ -~]' AND word !~ '[/.@_:+-]' AND ndoc BETWEEN 1 AND 1000
        ORDER BY word LIMIT 1`,
    );
    expect(found).toBeDefined();
    const truth = await newestMatching(found.word, 20);
    const result = (
      await api.gql.ok<MentorsResult>(MENTORS, { filter: { text: found.word } }, { token: viewer })
    ).mentors;
    expect(result.edges.map((edge) => edge.node.userId)).toEqual(truth);
    expect(result.totalCount).toBeGreaterThanOrEqual(truth.length);
  });

  it('agrees with PostgreSQL that a plain ASCII word is its own lexeme', async () => {
    const words = ['garcia', 'icu', '2024', '007', 'covid19', '123abc', '1e5', '0x1f', 'v2', 'a'];
    const rows = await api.sql<{ w: string; lexemes: string[] }>(
      `SELECT w, tsvector_to_array(to_tsvector('simple', w)) AS lexemes FROM unnest($1::text[]) AS w`,
      [words],
    );
    expect(rows.map((row) => [row.w, row.lexemes])).toEqual(words.map((word) => [word, [word]]));
  });

  it(`counts a common word beyond ASCII ${indexed ? 'exactly' : 'with a true lower bound'}, as PostgreSQL parses it`, async () => {
    // "Québec" in over a thousand bios: common, and not plain ASCII.
    await api.sql(
      `UPDATE profiles SET bio = coalesce(bio, '') || ' Nursing in Québec.'
        WHERE user_id IN (SELECT user_id FROM profiles WHERE is_mentor
                           ORDER BY created_at DESC LIMIT ${MENTOR_COUNT_CAP + 100})`,
    );
    const truth = await countMentors("search_vector @@ to_tsquery('simple', 'québec:*')");
    expect(truth).toBeGreaterThan(MENTOR_COUNT_CAP);
    const [{ lexemes }] = await api.sql<{ lexemes: string[] }>(
      `SELECT tsvector_to_array(to_tsvector('simple', 'québec')) AS lexemes`,
    );
    // Where the database's locale splits the word (the C locale), the index cannot hold it as
    // one word and SQL answers: a lower bound.
    const exact = indexed && lexemes.length === 1;
    await eventually(async () => {
      const result = (
        await api.gql.ok<MentorsResult>(MENTORS, { filter: { text: 'Québec' } }, { token: viewer })
      ).mentors;
      return result.totalCountExact === exact && (!exact || result.totalCount === truth);
    });
    const result = (
      await api.gql.ok<MentorsResult>(MENTORS, { filter: { text: 'québec' } }, { token: viewer })
    ).mentors;
    expect(result.totalCount === truth).toBe(exact);
    expect(result.edges.map((edge) => edge.node.userId)).toEqual(
      await newestMatching('québec', 20),
    );
  });

  it('counts a rare word with the search index', async () => {
    const [{ word }] = await api.sql<{ word: string }>(
      `SELECT word FROM ts_stat('SELECT search_vector FROM profiles WHERE is_mentor')
        WHERE ndoc BETWEEN 2 AND 15 AND length(word) > 4 ORDER BY word LIMIT 1`,
    );
    const [{ truth }] = await api.sql<{ truth: number }>(
      `SELECT count(*)::int AS truth FROM profiles
        WHERE is_mentor AND search_vector @@ to_tsquery('simple', $1)`,
      [`${word}:*`],
    );
    const result = (
      await api.gql.ok<MentorsResult>(MENTORS, { filter: { text: word } }, { token: viewer })
    ).mentors;
    expect(result).toMatchObject({ totalCount: truth, totalCountExact: true });
    expect(result.edges).toHaveLength(Math.min(truth, 20));
  });

  it('keeps the facet counters equal to a recount', async () => {
    expect(await facetDrift(api)).toEqual([]);
  });

  it('writes each facet counter once for a statement that changes many mentors', async () => {
    await api.sql('BEGIN');
    try {
      const changed = await api.sql<{ user_id: string }>(
        `UPDATE profiles SET track = 'PHARMACY'
          WHERE user_id IN (SELECT user_id FROM profiles WHERE is_mentor AND track <> 'PHARMACY' LIMIT 300)
          RETURNING user_id`,
      );
      expect(changed).toHaveLength(300);
      const [writes] = await api.sql<{ n: number }>(
        `SELECT (n_tup_ins + n_tup_upd)::int AS n FROM pg_stat_xact_user_tables
          WHERE relname = 'mentor_facet_counts'`,
      );
      // One per track the 300 left and one for PHARMACY, not one or two per mentor.
      expect(writes.n).toBeGreaterThan(1);
      expect(writes.n).toBeLessThanOrEqual(8);
      expect(await facetDrift(api)).toEqual([]);
    } finally {
      await api.sql('ROLLBACK');
    }
  });

  it('walks every mentor exactly once, page by page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: MentorsResult['mentors'] = (
        await api.gql.ok<MentorsResult>(MENTORS, { first: 50, after }, { token: viewer })
      ).mentors;
      seen.push(...page.edges.map((edge) => edge.node.userId));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after && pages < 40);
    expect(seen).toHaveLength(MENTOR_COUNT_CAP + 400);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('the mentor index follows the database', () => {
  let api: TestApp;
  let viewer: string;
  let nurse: Person;
  let pharmacist: Person;

  beforeAll(async () => {
    api = await startTestApp({ MENTOR_INDEX: 'true' });
    viewer = (await signUp(api.gql, { roles: ['MENTEE'] })).accessToken;
    nurse = await aMentor(api.gql, { track: 'NURSING', specialtySlugs: ['critical-care-nursing'] });
    pharmacist = await aMentor(api.gql, {
      track: 'PHARMACY',
      specialtySlugs: ['oncology-pharmacy'],
    });
  });
  afterAll(async () => {
    await api.close();
  });

  const idsFor = async (filter: Record<string, unknown>): Promise<string[]> =>
    (
      await api.gql.ok<MentorsResult>(MENTORS, { filter, first: 50 }, { token: viewer })
    ).mentors.edges.map((edge) => edge.node.userId);

  it('sees writes made by another connection, within moments', async () => {
    await api.sql(`UPDATE profiles SET track = 'INFORMATICS' WHERE user_id = $1`, [nurse.user.id]);
    await eventually(async () =>
      (await idsFor({ tracks: ['INFORMATICS'] })).includes(nurse.user.id),
    );
    expect(await idsFor({ tracks: ['NURSING'] })).not.toContain(nurse.user.id);
  });

  it('finds a mentor by the words of a bio or name changed elsewhere, and no longer by the old ones', async () => {
    await api.sql(
      `UPDATE profiles SET bio = 'Wound care and hyperbaric medicine' WHERE user_id = $1`,
      [nurse.user.id],
    );
    await eventually(async () => (await idsFor({ text: 'hyperbar' })).includes(nurse.user.id));
    await api.sql(`UPDATE profiles SET bio = 'Transplant nursing' WHERE user_id = $1`, [
      nurse.user.id,
    ]);
    await eventually(async () => (await idsFor({ text: 'transplant' })).includes(nurse.user.id));
    expect(await idsFor({ text: 'hyperbaric' })).not.toContain(nurse.user.id);

    await api.sql(`UPDATE profiles SET full_name = 'Ngozi Adeyemi-Quartey' WHERE user_id = $1`, [
      nurse.user.id,
    ]);
    await eventually(async () =>
      (await idsFor({ text: 'quartey transpl' })).includes(nurse.user.id),
    );
  });

  it('drops people who stop mentoring from every filter, free text included', async () => {
    await api.sql(`UPDATE profiles SET bio = 'Sterile processing leadership' WHERE user_id = $1`, [
      pharmacist.user.id,
    ]);
    await eventually(async () => (await idsFor({ text: 'sterile' })).includes(pharmacist.user.id));
    await api.sql('UPDATE profiles SET is_mentor = false WHERE user_id = $1', [pharmacist.user.id]);
    await eventually(async () => !(await idsFor({ text: 'sterile' })).includes(pharmacist.user.id));
    await eventually(async () => !(await idsFor({})).includes(pharmacist.user.id));
    await api.sql('UPDATE profiles SET is_mentor = true WHERE user_id = $1', [pharmacist.user.id]);
    await eventually(async () =>
      (await idsFor({ tracks: ['PHARMACY'] })).includes(pharmacist.user.id),
    );
  });

  it('forgets deleted accounts', async () => {
    const leaving = await aMentor(api.gql, { track: 'PUBLIC_HEALTH' });
    expect(await idsFor({ tracks: ['PUBLIC_HEALTH'] })).toEqual([leaving.user.id]);
    await api.sql('DELETE FROM users WHERE id = $1', [leaving.user.id]);
    await eventually(async () => (await idsFor({ tracks: ['PUBLIC_HEALTH'] })).length === 0);
  });

  it('reloads after a bulk load that sends no per-row changes', async () => {
    const client = new pg.Client({ connectionString: api.databaseUrl });
    await client.connect();
    try {
      // Dropping and rebuilding indexes is the bulk path: triggers off, one reload at commit.
      await seedPeople(client, {
        mentors: 120,
        mentees: 0,
        seed: 3,
        quiet: true,
        dropIndexes: true,
        // The mentors made above are real (not seeded) accounts.
        force: true,
      });
    } finally {
      await client.end();
    }
    const [{ n }] = await api.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM profiles WHERE is_mentor',
    );
    await eventually(
      async () =>
        (await api.gql.ok<MentorsResult>(MENTORS, {}, { token: viewer })).mentors.totalCount === n,
    );
  });

  it('reconnects and reloads when its connection is cut', async () => {
    await api.sql(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'preceptor-mentor-index' AND datname = current_database()`,
    );
    await api.sql(`UPDATE profiles SET track = 'ADMINISTRATION' WHERE user_id = $1`, [
      nurse.user.id,
    ]);
    await eventually(async () =>
      (await idsFor({ tracks: ['ADMINISTRATION'] })).includes(nurse.user.id),
    );
  });

  it('shows a mentor its own change in the very next response', async () => {
    await api.gql.ok(
      UPDATE_PROFILE,
      {
        input: aProfileInput({
          track: 'ALLIED_HEALTH',
          specialtySlugs: ['respiratory-therapy'],
          headline: 'Respiratory therapist, ECMO specialist',
        }),
      },
      { token: pharmacist.token },
    );
    expect(await idsFor({ tracks: ['ALLIED_HEALTH'] })).toContain(pharmacist.user.id);
    expect(await idsFor({ text: 'ecmo', tracks: ['ALLIED_HEALTH'] })).toEqual([pharmacist.user.id]);
  });
});
