import { isUtcTimestamp } from '../mentor-index/mentor-index.js';
import { PROFILE_COLUMNS } from './profile-row.js';
import type { MentorFilter } from '../dto/mentors.args.js';

/** Whole profiles plus the exact created_at text that cursors carry. */
const LISTING_SELECT = `SELECT ${PROFILE_COLUMNS}, created_at::text AS cursor_created_at FROM profiles`;

/** Stored words of name, headline and bio (kept by a trigger), indexed by ix_profiles_mentor_search. */
export const SEARCH_DOCUMENT = 'search_vector';

/** The words of free text a search matches as prefixes (lower case, at most 8). */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
}

/**
 * The lexemes PostgreSQL's `simple` configuration makes of each search word (one row per word,
 * in order): what its parser and the database's locale say a word beyond ASCII is.
 */
export function searchLexemesSql(words: readonly string[]): SqlStatement {
  return {
    text: `SELECT tsvector_to_array(to_tsvector('simple', w)) AS lexemes
             FROM unnest($1::text[]) WITH ORDINALITY AS t(w, i) ORDER BY i`,
    values: [words],
  };
}

/** Words of free text as a prefix-matching tsquery ("card nurs" → "card:* & nurs:*"), or null. */
export function toPrefixQuery(text: string): string | null {
  const words = searchWords(text);
  return words.length === 0 ? null : words.map((word) => `${word}:*`).join(' & ');
}

export interface MentorCursor {
  /** created_at as PostgreSQL prints it (microsecond precision, UTC). */
  c: string;
  /** user_id */
  u: string;
}

export function isMentorCursor(value: unknown): value is MentorCursor {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as MentorCursor).c === 'string' &&
    isUtcTimestamp((value as MentorCursor).c) &&
    typeof (value as MentorCursor).u === 'string' &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test((value as MentorCursor).u)
  );
}

export interface MentorQuery {
  /** WHERE clause over `profiles`, always starting with is_mentor. */
  where: string;
  params: unknown[];
  /** Free text is part of the filter (its selectivity is hard for the planner to guess). */
  hasText: boolean;
  /** The WHERE clause without the free-text condition, over the same params. */
  filterWhere: string;
  /** The free-text condition (last param), when there is free text. */
  textClause: string | null;
  /** Set when the filter is one value of one facet (or nothing): its count is kept exactly. */
  facet: { facet: string; value: string } | null;
}

/**
 * Translates a filter into SQL over the one GIN index of mentor filters. Lists mean "any of":
 * arrays use the overlap operator (&&), scalars an OR of equalities (which the GIN index can
 * answer, where `= ANY(...)` could not).
 */
export function buildMentorQuery(
  filter: MentorFilter | undefined,
  specialtyIds: number[] | undefined,
): MentorQuery {
  const clauses = ['is_mentor'];
  const params: unknown[] = [];
  const facets: { facet: string; value: string; single: boolean }[] = [];
  const param = (value: unknown, cast: string): string => {
    params.push(value);
    return `$${params.length}::${cast}`;
  };
  const anyOf = (
    column: string,
    facet: string,
    values: readonly string[] | undefined,
    cast: string,
  ): void => {
    if (!values?.length) return;
    const unique = [...new Set(values)];
    clauses.push(`(${unique.map((value) => `${column} = ${param(value, cast)}`).join(' OR ')})`);
    facets.push({ facet, value: unique[0], single: unique.length === 1 });
  };
  const overlaps = (
    column: string,
    facet: string,
    values: readonly (string | number)[] | undefined,
    cast: string,
  ): void => {
    if (!values?.length) return;
    const unique = [...new Set(values)];
    clauses.push(`${column} && ${param(unique, cast)}`);
    facets.push({ facet, value: String(unique[0]), single: unique.length === 1 });
  };

  overlaps('specialty_lineage', 'specialty', specialtyIds, 'smallint[]');
  anyOf('track', 'track', filter?.tracks, 'track');
  anyOf('career_stage', 'career_stage', filter?.careerStages, 'career_stage');
  overlaps('mentor_offers', 'offer', filter?.offers, 'growth_area[]');
  overlaps('languages', 'language', filter?.languages, 'varchar[]');
  overlaps('meeting_formats', 'format', filter?.meetingFormats, 'meeting_format[]');
  if (filter?.country) {
    clauses.push(`country = ${param(filter.country, 'bpchar')}`);
    facets.push({ facet: 'country', value: filter.country, single: true });
  }
  if (filter?.region) {
    clauses.push(`region = ${param(filter.region, 'varchar')}`);
    facets.push({ facet: 'region', value: filter.region, single: false });
  }
  if (filter?.acceptingMentees !== undefined && filter.acceptingMentees !== null) {
    clauses.push(`mentor_accepting = ${param(filter.acceptingMentees, 'boolean')}`);
    facets.push({ facet: 'accepting', value: String(filter.acceptingMentees), single: true });
  }
  const filterWhere = clauses.join(' AND ');
  const query = filter?.text ? toPrefixQuery(filter.text) : null;
  const textClause = query
    ? `${SEARCH_DOCUMENT} @@ to_tsquery('simple', ${param(query, 'text')})`
    : null;
  if (textClause) clauses.push(textClause);

  const only = facets[0];
  const facet =
    query !== null
      ? null
      : facets.length === 0
        ? { facet: 'all', value: '*' }
        : facets.length === 1 && only?.single
          ? { facet: only.facet, value: only.value }
          : null;
  return {
    where: clauses.join(' AND '),
    params,
    hasText: query !== null,
    filterWhere,
    textClause,
    facet,
  };
}

/** The exact number of mentors with one facet value, from the trigger-maintained counters. */
export function mentorFacetCountSql(facet: { facet: string; value: string }): SqlStatement {
  return {
    text: 'SELECT coalesce((SELECT mentors FROM mentor_facet_counts WHERE facet = $1 AND value = $2), 0) AS n',
    values: [facet.facet, facet.value],
  };
}

/** Above this many matches totalCount is reported as a lower bound: exact counts cost O(matches). */
export const MENTOR_COUNT_CAP = 1_000;

export interface SqlStatement {
  text: string;
  values: unknown[];
}

/**
 * The query's parameters, plus the cursor's when there is one, and the condition that continues
 * after it (a row comparison the timeline index can seek to).
 */
function afterCursor(
  query: MentorQuery,
  after: MentorCursor | undefined,
): { values: unknown[]; keyset: string } {
  const values = [...query.params];
  if (!after) return { values, keyset: '' };
  values.push(after.c, after.u);
  const at = values.length;
  return {
    values,
    keyset: ` AND (created_at, user_id) < ($${at - 1}::timestamptz, $${at}::uuid)`,
  };
}

/**
 * One page of whole profiles, newest first, by keyset over (created_at, user_id); fetches one
 * extra row to see whether more follow.
 *
 * With `fewMatches` (a count has shown there are at most MENTOR_COUNT_CAP) the matches are
 * gathered first and then sorted: a MATERIALIZED CTE is planned without the LIMIT, so PostgreSQL
 * uses the GIN index instead of betting on a walk down the timeline that a rare filter (or an
 * unknown word) would make it take end to end.
 */
export function mentorPageSql(
  query: MentorQuery,
  after: MentorCursor | undefined,
  first: number,
  fewMatches = false,
): SqlStatement {
  const { values, keyset } = afterCursor(query, after);
  values.push(first + 1);
  const limit = `$${values.length}`;
  const select = `${LISTING_SELECT} WHERE ${query.where}${keyset}`;
  const order = 'ORDER BY created_at DESC, user_id DESC';
  return {
    text: fewMatches
      ? `WITH matches AS MATERIALIZED (${select}) SELECT * FROM matches ${order} LIMIT ${limit}`
      : `${select} ${order} LIMIT ${limit}`,
    values,
  };
}

/** How many of the newest mentors matching the other filters the free-text probe reads. */
export const TEXT_PROBE_WINDOW = 1_000;

/**
 * Free text, first step: of the newest TEXT_PROBE_WINDOW mentors matching the other filters, how
 * many there are and how many contain the words (a walk down the timeline index that reads each
 * candidate's stored text vector; a few milliseconds). When they are all the candidates, the
 * count is exact; when the words are common among them, it is a true lower bound and the page
 * can walk the timeline too. Only otherwise is the search index needed, and then matches are few.
 */
export function mentorTextProbeSql(query: MentorQuery): SqlStatement {
  if (!query.textClause) throw new Error('The probe is for free-text queries');
  return {
    text: `SELECT count(*)::int AS candidates, count(*) FILTER (WHERE matched)::int AS matches
             FROM (SELECT ${query.textClause} AS matched FROM profiles WHERE ${query.filterWhere}
                    ORDER BY created_at DESC, user_id DESC LIMIT ${TEXT_PROBE_WINDOW}) newest`,
    values: query.params,
  };
}

/** How far a mid-frequency word's page walks down the timeline before giving up (~15 ms). */
export const TEXT_WALK_WINDOW = 20_000;

/**
 * Free text whose words the probe found among the newest mentors, but less than a page of them:
 * the page walks the newest TEXT_WALK_WINDOW candidates after the cursor, reading only the
 * stored text vector of each, then whole rows for the first + 1 it keeps. Fewer than first + 1
 * rows means the window ran out, not the matches: the caller then counts with the search index.
 */
export function mentorTextWalkSql(
  query: MentorQuery,
  after: MentorCursor | undefined,
  first: number,
): SqlStatement {
  if (!query.textClause) throw new Error('The walk is for free-text queries');
  const { values, keyset } = afterCursor(query, after);
  values.push(first + 1);
  const order = 'ORDER BY created_at DESC, user_id DESC';
  return {
    text: `WITH page AS MATERIALIZED (
             SELECT user_id FROM (
               SELECT user_id, created_at, ${query.textClause} AS matched FROM profiles
                WHERE ${query.filterWhere}${keyset} ${order} LIMIT ${TEXT_WALK_WINDOW}) newest
              WHERE matched LIMIT $${values.length})
           ${LISTING_SELECT} WHERE user_id IN (SELECT user_id FROM page) ${order}`,
    values,
  };
}

export interface TextProbe {
  /** Newest mentors matching the other filters that were read (at most TEXT_PROBE_WINDOW). */
  candidates: number;
  /** How many of them contain the words. */
  matches: number;
}

/**
 * What a free-text probe settles: an exact count when it read every candidate, a true lower
 * bound when the words fill more than a page among the newest (the page then walks the timeline),
 * or null when matches are sparse there (then a bounded walk, or the search index, decides).
 */
export function countFromTextProbe(
  probe: TextProbe,
  first: number,
): { total: number; exact: boolean } | null {
  if (probe.candidates < TEXT_PROBE_WINDOW) return { total: probe.matches, exact: true };
  if (probe.matches > first) {
    return { total: Math.min(probe.matches, MENTOR_COUNT_CAP), exact: false };
  }
  return null;
}

/** Whole profiles of the given mentors (a page the mentor index found), in any order. */
export function mentorRowsByIdSql(userIds: readonly string[]): SqlStatement {
  return {
    text: `${LISTING_SELECT} WHERE user_id = ANY($1::uuid[]) AND is_mentor`,
    values: [userIds],
  };
}

/**
 * Counts matches, stopping at the cap plus one so "more than the cap" is detectable.
 *
 * With free text the candidates are planned in a MATERIALIZED CTE, without the LIMIT: the planner
 * cannot estimate a prefix search, and with a LIMIT in sight it bets on scanning rows until enough
 * match, which for a word nobody uses means computing every row's text vector (seconds at 1M).
 * Planned for all matches it uses the search index; it still runs lazily and stops at the cap.
 * Other filters have statistics the planner reads well, and keep the plain form, which lets a
 * common filter stop after the first matching rows of any scan.
 */
export function mentorCountSql(query: MentorQuery): SqlStatement {
  const capped = `LIMIT ${MENTOR_COUNT_CAP + 1}`;
  return {
    text: query.hasText
      ? `WITH matches AS MATERIALIZED (SELECT 1 FROM profiles WHERE ${query.where})
         SELECT count(*)::int AS n FROM (SELECT 1 FROM matches ${capped}) capped`
      : `SELECT count(*)::int AS n FROM (SELECT 1 FROM profiles WHERE ${query.where} ${capped}) capped`,
    values: query.params,
  };
}

/** Runs one statement and returns its rows (the service's DataSource, or a benchmark's pool). */
export type RunSql = <Row>(sql: SqlStatement) => Promise<Row[]>;

export interface SqlPage<Row> {
  /** Up to first + 1 rows, newest first: one more than the page shows whether others follow. */
  rows: Row[];
  total: number;
  exact: boolean;
}

/**
 * One page of mentors by SQL alone (free text, and MENTOR_INDEX=false). Totals and free text
 * count first: knowing whether matches are few lets the page query pick the plan that is safe
 * for them. A one-value filter (or none) reads its exact count from the facet counters; free
 * text first probes the newest candidates, and words found there but less than a page of them
 * try a bounded walk before the search index counts them.
 */
export async function mentorPageBySql<Row>(
  run: RunSql,
  query: MentorQuery,
  after: MentorCursor | undefined,
  first: number,
  withTotal: boolean,
): Promise<SqlPage<Row>> {
  let total: number | undefined;
  let exact = true;
  const [probe] = query.hasText ? await run<TextProbe>(mentorTextProbeSql(query)) : [];
  const probed = probe ? countFromTextProbe(probe, first) : null;
  if (probe && !probed && probe.matches > 0) {
    // What the walk finds is a true lower bound; counting through the search index would read
    // every match's row, scattered over the table, up to the cap.
    const rows = await run<Row>(mentorTextWalkSql(query, after, first));
    if (rows.length > first)
      return { rows, total: Math.max(probe.matches, rows.length), exact: false };
  }
  const count = async (sql: SqlStatement): Promise<number> =>
    (await run<{ n: number }>(sql))[0]?.n ?? 0;
  if (probed) {
    ({ total, exact } = probed);
  } else if (query.facet && withTotal) {
    total = await count(mentorFacetCountSql(query.facet));
  } else if (withTotal || query.hasText) {
    total = await count(mentorCountSql(query));
    exact = total <= MENTOR_COUNT_CAP;
    total = Math.min(total, MENTOR_COUNT_CAP);
  }
  const fewMatches = total !== undefined && exact && total <= MENTOR_COUNT_CAP;
  const rows = await run<Row>(mentorPageSql(query, after, first, fewMatches));
  return { rows, total: total ?? 0, exact };
}
