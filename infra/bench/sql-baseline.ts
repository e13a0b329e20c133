// The plain-SQL baseline for mentor browsing: what a team without the in-memory index would
// write, with the indexes it would add. Only the benchmark uses it; none of it is part of the
// schema (the indexes are created by the benchmark, named bench_baseline_*, and never migrated).
import { performance } from 'node:perf_hooks';
import { PROFILE_COLUMNS, type MentorFilter } from '@preceptor/profiles';
import type pg from 'pg';

/** The text a mentor is found by, as one tsvector; the query repeats it so the index applies. */
const TEXT_DOCUMENT = `to_tsvector('simple', full_name || ' ' || coalesce(headline, '') || ' ' || coalesce(bio, ''))`;

/** Counts stop here: "1,000+" beyond, as such a list would show. */
export const BASELINE_COUNT_CAP = 1000;

export interface BaselineIndex {
  /** bench_baseline_…, so that anyone can tell it is not part of the schema. */
  name: string;
  /** What follows `CREATE INDEX name ON profiles`. */
  definition: string;
}

export const BASELINE_INDEXES: readonly BaselineIndex[] = [
  {
    name: 'bench_baseline_filters',
    // btree_gin lets the scalar columns join the arrays in one GIN index.
    definition: `USING gin (specialty_lineage, mentor_offers, languages, meeting_formats, track,
      career_stage, country, region, mentor_accepting) WHERE is_mentor`,
  },
  {
    name: 'bench_baseline_recent',
    definition: '(created_at DESC, user_id DESC) WHERE is_mentor',
  },
  { name: 'bench_baseline_text', definition: `USING gin (${TEXT_DOCUMENT}) WHERE is_mentor` },
];

export interface BaselineIndexReport {
  /** Indexes this run created, with the seconds each took (empty when all were there). */
  created: { name: string; seconds: number }[];
  /** Seconds of ANALYZE after creating them (0 when nothing was created). */
  analyzeSeconds: number;
  /** btree_gin was installed by this run (so dropping the indexes drops it too). */
  createdExtension: boolean;
}

/**
 * Creates a baseline's indexes (mentor browsing's by default) where missing, then refreshes the
 * planner's statistics.
 */
export async function ensureBaselineIndexes(
  pool: pg.Pool,
  log: (line: string) => void,
  indexes: readonly BaselineIndex[] = BASELINE_INDEXES,
): Promise<BaselineIndexReport> {
  const present = await pool.query<{ indexname: string }>(
    `SELECT indexname FROM pg_indexes WHERE tablename = 'profiles' AND indexname = ANY($1)`,
    [indexes.map((index) => index.name)],
  );
  const existing = new Set(present.rows.map((row) => row.indexname));
  const missing = indexes.filter((index) => !existing.has(index.name));
  const report: BaselineIndexReport = { created: [], analyzeSeconds: 0, createdExtension: false };
  if (missing.length === 0) {
    log(`Baseline indexes present: ${indexes.map((index) => index.name).join(', ')}`);
    return report;
  }
  log(
    `Creating the SQL baseline's indexes (not part of the schema; kept for re-runs unless --drop-baseline-indexes): ${missing.map((index) => index.name).join(', ')}`,
  );
  const client = await pool.connect();
  try {
    const extension = await client.query(`SELECT 1 FROM pg_extension WHERE extname = 'btree_gin'`);
    if (extension.rowCount === 0) {
      await client.query('CREATE EXTENSION IF NOT EXISTS btree_gin');
      report.createdExtension = true;
    }
    // What anyone building a large index by hand would allow it.
    await client.query(`SET maintenance_work_mem = '256MB'`);
    for (const index of missing) {
      const started = performance.now();
      await client.query(
        `CREATE INDEX IF NOT EXISTS ${index.name} ON profiles ${index.definition}`,
      );
      const seconds = (performance.now() - started) / 1000;
      report.created.push({ name: index.name, seconds });
      log(`  ${index.name} in ${seconds.toFixed(1)} s`);
    }
    // The planner needs the text expression's statistics to judge its selectivity.
    const started = performance.now();
    await client.query('ANALYZE profiles');
    report.analyzeSeconds = (performance.now() - started) / 1000;
    log(`  ANALYZE profiles in ${report.analyzeSeconds.toFixed(1)} s`);
  } finally {
    client.release();
  }
  return report;
}

export async function dropBaselineIndexes(
  pool: pg.Pool,
  dropExtension: boolean,
  indexes: readonly BaselineIndex[] = BASELINE_INDEXES,
): Promise<void> {
  for (const index of indexes) await pool.query(`DROP INDEX IF EXISTS ${index.name}`);
  if (dropExtension) await pool.query('DROP EXTENSION IF EXISTS btree_gin');
}

/** "pediatric nurse" → "pediatric:* & nurse:*": every word, each a prefix (as typed so far). */
export function prefixTsquery(text: string): string | undefined {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length > 0 ? words.map((word) => `${word}:*`).join(' & ') : undefined;
}

/** A position in the list, newest first: created_at as PostgreSQL prints it, and user_id. */
export interface BaselineCursor {
  c: string;
  u: string;
}

export interface BaselineQuery {
  /** The capped count: up to BASELINE_COUNT_CAP + 1 matching rows. */
  count: { text: string; values: unknown[] };
  /** The page of 20 (and one more, to know whether another page follows). */
  page: { text: string; values: unknown[] };
  /** The uncapped count, to check the baseline answers the same question as the API. */
  exactCount: { text: string; values: unknown[] };
}

type Clauses = { [K in keyof Required<MentorFilter>]: string | undefined };

/**
 * The statements for one filter. Specialty slugs are resolved to ids once, here, as an
 * application caching its catalog would (specialty_lineage holds each mentor's specialties and
 * their ancestors, so a parent's id finds its descendants).
 */
export async function baselineQuery(
  pool: pg.Pool,
  filter: MentorFilter,
  after: BaselineCursor | undefined,
  pageSize: number,
): Promise<BaselineQuery> {
  const values: unknown[] = [];
  const param = (value: unknown, cast: string): string => {
    values.push(value);
    return `$${values.length}::${cast}`;
  };
  let specialtyIds: number[] | undefined;
  if (filter.specialtySlugs?.length) {
    const { rows } = await pool.query<{ id: number }>(
      'SELECT id FROM specialties WHERE slug = ANY($1)',
      [filter.specialtySlugs],
    );
    specialtyIds = rows.map((row) => row.id);
  }
  const text = filter.text === undefined ? undefined : prefixTsquery(filter.text);
  // Every filter field, so a field added to MentorFilter fails to compile here until the
  // baseline handles it.
  const clauses: Clauses = {
    specialtySlugs: specialtyIds && `specialty_lineage && ${param(specialtyIds, 'smallint[]')}`,
    tracks: filter.tracks?.length ? `track = ANY(${param(filter.tracks, 'track[]')})` : undefined,
    careerStages: filter.careerStages?.length
      ? `career_stage = ANY(${param(filter.careerStages, 'career_stage[]')})`
      : undefined,
    offers: filter.offers?.length
      ? `mentor_offers && ${param(filter.offers, 'growth_area[]')}`
      : undefined,
    languages: filter.languages?.length
      ? `languages && ${param(filter.languages, 'varchar[]')}`
      : undefined,
    meetingFormats: filter.meetingFormats?.length
      ? `meeting_formats && ${param(filter.meetingFormats, 'meeting_format[]')}`
      : undefined,
    country: filter.country ? `country = ${param(filter.country, 'char(2)')}` : undefined,
    region: filter.region ? `region = ${param(filter.region, 'varchar')}` : undefined,
    acceptingMentees:
      filter.acceptingMentees === undefined
        ? undefined
        : `mentor_accepting = ${param(filter.acceptingMentees, 'boolean')}`,
    text: text && `${TEXT_DOCUMENT} @@ to_tsquery('simple', ${param(text, 'text')})`,
  };
  const where = ['is_mentor', ...Object.values(clauses).filter((clause) => clause)].join(' AND ');
  const filterValues = [...values];
  const keyset = after
    ? ` AND (created_at, user_id) < (${param(after.c, 'timestamptz')}, ${param(after.u, 'uuid')})`
    : '';
  return {
    count: {
      text: `SELECT count(*)::int AS n FROM (SELECT 1 FROM profiles WHERE ${where} LIMIT ${BASELINE_COUNT_CAP + 1}) AS capped`,
      values: filterValues,
    },
    page: {
      text: `SELECT ${PROFILE_COLUMNS}, created_at::text AS cursor_created_at FROM profiles
        WHERE ${where}${keyset} ORDER BY created_at DESC, user_id DESC LIMIT ${pageSize + 1}`,
      values,
    },
    exactCount: {
      text: `SELECT count(*)::int AS n FROM profiles WHERE ${where}`,
      values: filterValues,
    },
  };
}

/** One request's worth of the baseline: the capped count, then the page. Returns the count. */
export async function runBaseline(pool: pg.Pool, query: BaselineQuery): Promise<number> {
  const count = await pool.query<{ n: number }>(query.count.text, query.count.values);
  await pool.query(query.page.text, query.page.values);
  return count.rows[0].n;
}

/** "1,000+" for a capped count, otherwise the number. */
export function formatCappedCount(count: number): string {
  return count > BASELINE_COUNT_CAP
    ? `${BASELINE_COUNT_CAP.toLocaleString('en-US')}+`
    : count.toLocaleString('en-US');
}
