import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedPeople } from '@preceptor/seed';
import { documentWords, searchWords } from '../../libs/profiles/src/mentor-index/words.js';
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

describe('mentors(filter, first, after)', () => {
  let api: TestApp;
  let viewer: string;
  const m: Record<string, Person> = {};

  beforeAll(async () => {
    api = await startTestApp();
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
    ['a region code alone', { region: 'US-TX' }, ['generalPeds', 'pedsOnc']],
    ['a region code in lower case', { region: ' us-ca ' }, ['icuNurse']],
    ['a region in lower case with its country', { country: 'ca', region: 'on' }, ['closed']],
    ['a region nobody is in', { region: 'GB-SCT' }, []],
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
    ['filter.region', { filter: { country: 'US', region: 'ZZ' } }],
    ['filter.region', { filter: { region: 'Texas' } }],
    ['filter.region', { filter: { region: 'TX' } }],
    ['filter.region', { filter: { country: 'CA', region: 'US-TX' } }],
  ])('refuses a bad %s with BAD_USER_INPUT', async (field, variables) => {
    const error = onlyError(await api.gql.request(MENTORS, variables, { token: viewer }));
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(String(error.extensions?.['field'])).toBe(field);
  });

  it('says why a filter region is refused', async () => {
    const error = onlyError(
      await api.gql.request(
        MENTORS,
        { filter: { country: 'CA', region: 'US-TX' } },
        { token: viewer },
      ),
    );
    expect(error.message).toContain(
      '"US-TX" is a region of United States (US), but the country is Canada (CA)',
    );
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
  });
});

describe('mentors(...) over a seeded population', () => {
  const SEEDED = 1_400;
  let api: TestApp;
  let viewer: string;

  interface TextRow {
    user_id: string;
    words: string[];
  }

  /** Every mentor, newest first, with the words of name, headline and bio as words.ts splits them. */
  async function mentorsWithWords(condition = 'true'): Promise<TextRow[]> {
    const rows = await api.sql<{
      user_id: string;
      full_name: string;
      headline: string | null;
      bio: string | null;
    }>(
      `SELECT user_id, full_name, headline, bio FROM profiles WHERE is_mentor AND ${condition}
        ORDER BY created_at DESC, user_id DESC`,
    );
    return rows.map((row) => ({
      user_id: row.user_id,
      words: documentWords(row.full_name, row.headline, row.bio),
    }));
  }

  /** The mentors whose words start with every word of `text`, newest first. */
  async function matching(text: string, condition?: string): Promise<string[]> {
    const prefixes = searchWords(text);
    return (await mentorsWithWords(condition))
      .filter((row) => prefixes.every((prefix) => row.words.some((w) => w.startsWith(prefix))))
      .map((row) => row.user_id);
  }

  async function countMentors(condition: string): Promise<number> {
    const rows = await api.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM profiles WHERE is_mentor AND ${condition}`,
    );
    return rows[0].n;
  }

  const query = async (variables: Record<string, unknown>) =>
    (await api.gql.ok<MentorsResult>(MENTORS, variables, { token: viewer })).mentors;
  const ids = (result: MentorsResult['mentors']) => result.edges.map((edge) => edge.node.userId);

  beforeAll(async () => {
    api = await startTestApp();
    const client = new pg.Client({ connectionString: api.databaseUrl });
    await client.connect();
    try {
      await seedPeople(client, {
        mentors: SEEDED,
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
    await eventually(async () => (await query({})).totalCount === SEEDED);
  });
  afterAll(async () => {
    await api.close();
  });

  it('counts every filter and combination exactly', async () => {
    const all = await query({ first: 50 });
    expect(all).toMatchObject({ totalCount: SEEDED, pageInfo: { hasNextPage: true } });
    expect(all.edges).toHaveLength(50);

    const combined = await query({ filter: { acceptingMentees: true, languages: ['en'] } });
    const truth = await countMentors("mentor_accepting AND languages && ARRAY['en']::varchar[]");
    expect(truth).toBeGreaterThan(1_000);
    expect(combined).toMatchObject({ totalCount: truth, totalCountExact: true });

    const few = await query({ filter: { tracks: ['INFORMATICS'], acceptingMentees: true } });
    expect(few.totalCount).toBe(await countMentors("track = 'INFORMATICS' AND mentor_accepting"));
  });

  it('counts a common word exactly and lists its newest matches', async () => {
    const truth = await matching('years');
    expect(truth.length).toBeGreaterThan(1_000);
    const result = await query({ filter: { text: 'years' }, first: 20 });
    expect(result).toMatchObject({ totalCount: truth.length, totalCountExact: true });
    expect(ids(result)).toEqual(truth.slice(0, 20));
  });

  it('counts a rare word exactly', async () => {
    const counts = new Map<string, number>();
    for (const row of await mentorsWithWords()) {
      for (const word of row.words) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    const rare = [...counts].find(([word, n]) => n >= 2 && n <= 15 && /^[a-z]{5,}$/.test(word));
    expect(rare).toBeDefined();
    const [word] = rare!;
    const truth = await matching(word);
    const result = await query({ filter: { text: word } });
    expect(result).toMatchObject({ totalCount: truth.length, pageInfo: { hasNextPage: false } });
    expect(ids(result)).toEqual(truth);
  });

  it('pages free text combined with filters, exactly', async () => {
    const condition = "mentor_accepting AND languages && ARRAY['en']::varchar[]";
    const truth = await matching('years in', condition);
    expect(truth.length).toBeGreaterThan(100);
    const filter = { text: 'years in', acceptingMentees: true, languages: ['en'] };
    const one = await query({ filter, first: 5 });
    expect(one.totalCount).toBe(truth.length);
    const two = await query({ filter, first: 5, after: one.pageInfo.endCursor });
    expect([...ids(one), ...ids(two)]).toEqual(truth.slice(0, 10));
  });

  it('finds a word whatever its accents and case, counted exactly', async () => {
    // "Québec" in over a thousand bios: common, and beyond ASCII.
    await api.sql(
      `UPDATE profiles SET bio = coalesce(bio, '') || ' Nursing in Québec.'
        WHERE user_id IN (SELECT user_id FROM profiles WHERE is_mentor
                           ORDER BY created_at DESC LIMIT 1100)`,
    );
    const truth = await matching('quebec');
    expect(truth.length).toBeGreaterThanOrEqual(1_100);
    for (const text of ['Québec', 'QUEBEC', 'québ']) {
      await eventually(async () => (await query({ filter: { text } })).totalCount === truth.length);
      expect(ids(await query({ filter: { text } }))).toEqual(truth.slice(0, 20));
    }
  });

  it('comes back with whole pages when mentors leave between the lookup and the read', async () => {
    // The feed is held back, so the index still lists the leavers when the rows are read.
    const newest = ids(await query({ first: 30 }));
    await api.sql('ALTER TABLE profiles DISABLE TRIGGER profiles_notify_mentor_change');
    try {
      await api.sql('UPDATE profiles SET is_mentor = false WHERE user_id = ANY($1::uuid[])', [
        [newest[1], newest[2], newest[5]],
      ]);
      const page = await query({ first: 10 });
      const expected = newest.filter((_, i) => ![1, 2, 5].includes(i)).slice(0, 10);
      expect(ids(page)).toEqual(expected);
      expect(page.pageInfo.hasNextPage).toBe(true);
      expect(page.totalCount).toBe((await query({})).totalCount);
      expect(page.totalCount).toBe(SEEDED - 3);
    } finally {
      await api.sql('ALTER TABLE profiles ENABLE TRIGGER profiles_notify_mentor_change');
    }
  });

  it('walks every mentor exactly once, page by page', async () => {
    const expected = (await mentorsWithWords()).map((row) => row.user_id);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: MentorsResult['mentors'] = await query({ first: 50, after });
      seen.push(...ids(page));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after && pages < 40);
    expect(seen).toEqual(expected);
  });
});

describe('the mentor index follows the database', () => {
  let api: TestApp;
  let viewer: string;
  let nurse: Person;
  let pharmacist: Person;

  beforeAll(async () => {
    api = await startTestApp();
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

  interface IndexHealth {
    state: string;
    mentors: number;
    loadedAt: string;
    lastLoadMs: number;
  }
  const readiness = async (): Promise<{
    mentorIndex: IndexHealth;
    mentorFeed: { state: string };
  }> => {
    const body = (await (await fetch(`${api.url}/health/ready`)).json()) as {
      info: { mentorIndex: IndexHealth; mentorFeed: { state: string } };
    };
    return body.info;
  };
  const indexHealth = async (): Promise<IndexHealth> => (await readiness()).mentorIndex;

  it('reloads after a bulk load that sends no per-row changes, and says so in /health/ready', async () => {
    const { mentorIndex: before, mentorFeed } = await readiness();
    expect(before).toMatchObject({ state: 'current' });
    expect(mentorFeed).toMatchObject({ state: 'listening' });
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
    await eventually(async () => (await indexHealth()).state === 'current');
    const after = await indexHealth();
    expect(after.mentors).toBe(n);
    expect(Date.parse(after.loadedAt)).toBeGreaterThan(Date.parse(before.loadedAt));
    expect(after.lastLoadMs).toBeGreaterThanOrEqual(0);
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
