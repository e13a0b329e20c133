import { describe, expect, it } from '@jest/globals';
import { CareerStage } from '@preceptor/taxonomy';
import { GrowthArea } from '@preceptor/taxonomy';
import { Track } from '@preceptor/taxonomy';
import {
  buildMentorQuery,
  countFromTextProbe,
  isMentorCursor,
  MENTOR_COUNT_CAP,
  mentorCountSql,
  mentorPageSql,
  mentorTextProbeSql,
  mentorTextWalkSql,
  TEXT_PROBE_WINDOW,
  TEXT_WALK_WINDOW,
  toPrefixQuery,
} from './mentor-search.js';
import { MeetingFormat } from './profile-enums.js';

describe('buildMentorQuery', () => {
  it('lists only mentors when there is no filter', () => {
    expect(buildMentorQuery(undefined, undefined)).toEqual({
      where: 'is_mentor',
      params: [],
      hasText: false,
      filterWhere: 'is_mentor',
      textClause: null,
      facet: { facet: 'all', value: '*' },
    });
  });

  it('matches any of several tracks with ORed equalities the GIN index can answer', () => {
    const { where, params } = buildMentorQuery(
      { tracks: [Track.NURSING, Track.PHARMACY, Track.NURSING] },
      undefined,
    );
    expect(where).toBe('is_mentor AND (track = $1::track OR track = $2::track)');
    expect(params).toEqual(['NURSING', 'PHARMACY']);
  });

  it('uses array overlap for specialties, offers, languages and formats', () => {
    const { where, params } = buildMentorQuery(
      {
        offers: [GrowthArea.NETWORKING],
        languages: ['es'],
        meetingFormats: [MeetingFormat.VIRTUAL],
      },
      [4, 9],
    );
    expect(where).toBe(
      'is_mentor AND specialty_lineage && $1::smallint[] AND mentor_offers && $2::growth_area[] AND languages && $3::varchar[] AND meeting_formats && $4::meeting_format[]',
    );
    expect(params).toEqual([[4, 9], ['NETWORKING'], ['es'], ['VIRTUAL']]);
  });

  it('combines scalar filters with AND, keeping every value a parameter', () => {
    const { where, params } = buildMentorQuery(
      {
        careerStages: [CareerStage.SENIOR],
        country: 'US',
        region: "Texas'; --",
        acceptingMentees: false,
      },
      undefined,
    );
    expect(where).toBe(
      'is_mentor AND (career_stage = $1::career_stage) AND country = $2::bpchar AND region = $3::varchar AND mentor_accepting = $4::boolean',
    );
    expect(params).toEqual(['SENIOR', 'US', "Texas'; --", false]);
  });

  it('searches text through the indexed document expression', () => {
    const { where, params } = buildMentorQuery({ text: 'Cardiac ICU' }, undefined);
    expect(where).toContain("@@ to_tsquery('simple', $1::text)");
    expect(where).toContain('search_vector @@');
    expect(params).toEqual(['cardiac:* & icu:*']);
    expect(buildMentorQuery({ text: 'Cardiac ICU' }, undefined).hasText).toBe(true);
  });

  it('ignores text with no words in it', () => {
    expect(buildMentorQuery({ text: ' -- !! ' }, undefined).where).toBe('is_mentor');
  });

  it('keeps the other filters apart from the text condition', () => {
    const query = buildMentorQuery({ text: 'icu', country: 'US' }, undefined);
    expect(query.filterWhere).toBe('is_mentor AND country = $1::bpchar');
    expect(query.textClause).toBe("search_vector @@ to_tsquery('simple', $2::text)");
    expect(query.where).toBe(`${query.filterWhere} AND ${query.textClause}`);
  });
});

describe('countFromTextProbe', () => {
  it('is exact when every candidate was read', () => {
    expect(countFromTextProbe({ candidates: 640, matches: 12 }, 20)).toEqual({
      total: 12,
      exact: true,
    });
    expect(countFromTextProbe({ candidates: 0, matches: 0 }, 20)).toEqual({
      total: 0,
      exact: true,
    });
  });

  it('is a lower bound when the words fill more than a page among the newest', () => {
    expect(countFromTextProbe({ candidates: TEXT_PROBE_WINDOW, matches: 98 }, 20)).toEqual({
      total: 98,
      exact: false,
    });
    expect(
      countFromTextProbe({ candidates: TEXT_PROBE_WINDOW, matches: TEXT_PROBE_WINDOW }, 20)?.total,
    ).toBeLessThanOrEqual(MENTOR_COUNT_CAP);
  });

  it('leaves sparse words to the search index', () => {
    expect(countFromTextProbe({ candidates: TEXT_PROBE_WINDOW, matches: 20 }, 20)).toBeNull();
    expect(countFromTextProbe({ candidates: TEXT_PROBE_WINDOW, matches: 3 }, 20)).toBeNull();
  });
});

describe('mentorTextProbeSql', () => {
  it('reads the newest candidates of the other filters and tests the words on each', () => {
    const sql = mentorTextProbeSql(buildMentorQuery({ text: 'icu', country: 'US' }, undefined));
    expect(sql.text).toContain(
      `FROM profiles WHERE is_mentor AND country = $1::bpchar\n                    ORDER BY created_at DESC, user_id DESC LIMIT ${TEXT_PROBE_WINDOW}`,
    );
    expect(sql.text).toContain("SELECT search_vector @@ to_tsquery('simple', $2::text) AS matched");
    expect(sql.values).toEqual(['US', 'icu:*']);
  });

  it('is only for free text', () => {
    expect(() => mentorTextProbeSql(buildMentorQuery({ country: 'US' }, undefined))).toThrow();
  });
});

describe('mentorTextWalkSql', () => {
  it('walks a bounded window of the newest candidates after the cursor, then reads the page', () => {
    const sql = mentorTextWalkSql(
      buildMentorQuery({ text: 'garcia', country: 'US' }, undefined),
      { c: '2026-01-01 00:00:00+00', u: '00000000-0000-4000-8000-000000000001' },
      20,
    );
    expect(sql.text).toMatch(
      new RegExp(
        String.raw`search_vector @@ to_tsquery\('simple', \$2::text\) AS matched FROM profiles\s+` +
          String.raw`WHERE is_mentor AND country = \$1::bpchar AND \(created_at, user_id\) < \(\$3::timestamptz, \$4::uuid\)` +
          String.raw` ORDER BY created_at DESC, user_id DESC LIMIT ${TEXT_WALK_WINDOW}\) newest\s+WHERE matched LIMIT \$5`,
      ),
    );
    expect(sql.text).toMatch(
      /WHERE user_id IN \(SELECT user_id FROM page\) ORDER BY created_at DESC/,
    );
    expect(sql.values).toEqual([
      'US',
      'garcia:*',
      '2026-01-01 00:00:00+00',
      '00000000-0000-4000-8000-000000000001',
      21,
    ]);
  });

  it('is only for free text', () => {
    expect(() => mentorTextWalkSql(buildMentorQuery({}, undefined), undefined, 20)).toThrow();
  });
});

describe('facet counts', () => {
  it.each([
    [{ tracks: [Track.NURSING, Track.NURSING] }, undefined, { facet: 'track', value: 'NURSING' }],
    [{}, [12], { facet: 'specialty', value: '12' }],
    [{ languages: ['es'] }, undefined, { facet: 'language', value: 'es' }],
    [{ country: 'CA' }, undefined, { facet: 'country', value: 'CA' }],
    [{ acceptingMentees: false }, undefined, { facet: 'accepting', value: 'false' }],
  ])('reads one filter value %p from the counters', (filter, specialties, facet) => {
    expect(buildMentorQuery(filter, specialties).facet).toEqual(facet);
  });

  it.each([
    [{ tracks: [Track.NURSING, Track.PHARMACY] }, undefined],
    [{ tracks: [Track.NURSING], languages: ['es'] }, undefined],
    [{ country: 'US', region: 'TX' }, undefined],
    [{ text: 'garcia' }, undefined],
    [{}, [12, 14]],
  ])('counts rows for %p, which no single counter holds', (filter, specialties) => {
    expect(buildMentorQuery(filter, specialties).facet).toBeNull();
  });
});

describe('toPrefixQuery', () => {
  it.each([
    ['nurse', 'nurse:*'],
    ["O'Brien RN", 'o:* & brien:* & rn:*'],
    ['Sjögren-Larsson', 'sjögren:* & larsson:*'],
    ['a & b | !c :*', 'a:* & b:* & c:*'],
    ['   ', null],
  ])('turns %p into %p', (text, query) => expect(toPrefixQuery(text)).toBe(query));

  it('keeps at most eight words', () => {
    expect(toPrefixQuery('a b c d e f g h i j')?.split(' & ')).toHaveLength(8);
  });
});

describe('isMentorCursor', () => {
  it('accepts what the service writes', () => {
    expect(
      isMentorCursor({
        c: '2026-11-25 09:12:33.123456+00',
        u: '7f1c2a9e-0b1d-4c55-9a62-2f0e5d7c1b3a',
      }),
    ).toBe(true);
  });
  it.each([
    null,
    'x',
    { c: "2026'; --", u: '7f1c2a9e-0b1d-4c55-9a62-2f0e5d7c1b3a' },
    { c: '2026-11-25 09:12:33+00', u: 'nope' },
  ])('refuses %p', (value) => expect(isMentorCursor(value)).toBe(false));
});

describe('mentorCountSql', () => {
  it('counts up to the cap plus one', () => {
    const sql = mentorCountSql(buildMentorQuery({ tracks: [Track.NURSING] }, undefined));
    expect(sql.text).toMatch(new RegExp(`LIMIT ${MENTOR_COUNT_CAP + 1}\\) capped$`));
    expect(sql.text).not.toContain('MATERIALIZED');
  });

  it('plans free-text candidates without the limit', () => {
    expect(mentorCountSql(buildMentorQuery({ text: 'garcia' }, undefined)).text).toMatch(
      /^WITH matches AS MATERIALIZED/,
    );
  });
});

describe('mentorPageSql', () => {
  const query = buildMentorQuery({ country: 'US' }, undefined);

  it('walks newest first and asks for one extra row', () => {
    const sql = mentorPageSql(query, undefined, 20);
    expect(sql.text).toMatch(/ORDER BY created_at DESC, user_id DESC LIMIT \$2$/);
    expect(sql.values).toEqual(['US', 21]);
  });

  it('continues after a cursor with a row comparison the index can seek to', () => {
    const sql = mentorPageSql(
      query,
      { c: '2026-01-01 00:00:00.5+00', u: '7f1c2a9e-0b1d-4c55-9a62-2f0e5d7c1b3a' },
      5,
    );
    expect(sql.text).toContain('(created_at, user_id) < ($2::timestamptz, $3::uuid)');
    expect(sql.values).toEqual([
      'US',
      '2026-01-01 00:00:00.5+00',
      '7f1c2a9e-0b1d-4c55-9a62-2f0e5d7c1b3a',
      6,
    ]);
  });

  it('gathers then sorts when a count showed the matches are few', () => {
    expect(mentorPageSql(query, undefined, 20, true).text).toMatch(/^WITH matches AS MATERIALIZED/);
  });
});
