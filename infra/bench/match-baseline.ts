// The retrieval a team without the mentor index would write for matches: SQL over GIN and btree
// indexes narrows the mentors to the mentee's specialty family and the hard rules, orders them by
// a rough relevance and keeps 200; the bench process then scores those 200 with the matching
// library's pure scoring functions. Approximate by design: a mentor outside the 200 (or outside
// the family) is never scored, however well they would score. Only bench:matches uses it; the
// indexes are created by the benchmark, named bench_baseline_*, and never migrated.
import {
  compareMatches,
  DEFAULT_MATCH_WEIGHTS,
  matchScore,
  scoreMatch,
  SpecialtyGraph,
  type MatchMentee,
  type MatchMentor,
  type MatchOptions,
  type MatchResult,
  toMatchMentee,
  toMatchMentor,
} from '@preceptor/matching';
import {
  DEFAULT_MENTOR_CAPACITY,
  PROFILE_COLUMNS,
  profileFromRow,
  type ProfileRow,
} from '@preceptor/profiles';
import type { Track } from '@preceptor/taxonomy';
import type pg from 'pg';
import { BASELINE_INDEXES, type BaselineIndex } from './sql-baseline.js';

/** Mentors the SQL keeps for scoring. */
export const MATCH_BASELINE_CANDIDATES = 200;

/**
 * The browse baseline's GIN index (specialty lineage, languages, formats, offers, stage and
 * accepting, through btree_gin) serves the filters; a btree serves the stage range among mentors
 * who accept.
 */
export const MATCH_BASELINE_INDEXES: readonly BaselineIndex[] = [
  ...BASELINE_INDEXES.filter((index) => index.name === 'bench_baseline_filters'),
  {
    name: 'bench_baseline_stage_load',
    definition: '(career_stage, mentor_active_mentee_count) WHERE is_mentor AND mentor_accepting',
  },
];

/** Profiles as the scoring core's mentor and mentee: the API's own mapping. */
export { toMatchMentee as matchMenteeOf, toMatchMentor as matchMentorOf };

/** The specialty graph from the database's own catalog (ids as stored), as the API builds it. */
export async function loadSpecialtyGraph(pool: pg.Pool): Promise<SpecialtyGraph> {
  const { rows } = await pool.query<{
    id: number;
    slug: string;
    name: string;
    parent_id: number | null;
    related_ids: number[];
    tracks: Track[];
  }>('SELECT id, slug, name, parent_id, related_ids, tracks::text[] AS tracks FROM specialties');
  return SpecialtyGraph.fromCatalog(
    rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      name: row.name,
      parentId: row.parent_id,
      relatedIds: row.related_ids,
      tracks: row.tracks,
    })),
  );
}

export interface MatchBaselineQuery {
  text: string;
  values: unknown[];
}

/**
 * The statement for one mentee. The specialty family is the mentee's specialties (and target)
 * with their parents: the lineage overlap then finds those, their descendants and their
 * siblings. The hard rules are written as filters (accepting, a place left, the stage range, a
 * language and a meeting format in common); the order puts the same specialty first, then
 * mentors offering the top goal, then any goal, then the least loaded.
 */
export function matchBaselineQuery(mentee: MatchMentee, graph: SpecialtyGraph): MatchBaselineQuery {
  const own = [
    ...new Set(
      mentee.targetSpecialtyId === null
        ? mentee.specialtyIds
        : [mentee.targetSpecialtyId, ...mentee.specialtyIds],
    ),
  ];
  const family = [...new Set([...own, ...own.flatMap((id) => graph.node(id)?.parentId ?? [])])];
  const values: unknown[] = [];
  const param = (value: unknown, cast: string): string => {
    values.push(value);
    return `$${values.length}::${cast}`;
  };
  const formats =
    mentee.meetingFormats.length === 0
      ? ''
      : ` AND (meeting_formats = '{}' OR meeting_formats && ${param(mentee.meetingFormats, 'meeting_format[]')})`;
  const text = `SELECT ${PROFILE_COLUMNS} FROM profiles
    WHERE is_mentor AND mentor_accepting
      AND mentor_active_mentee_count < coalesce(mentor_capacity, ${DEFAULT_MENTOR_CAPACITY})
      AND user_id <> ${param(mentee.userId, 'uuid')}
      AND specialty_lineage && ${param(family, 'smallint[]')}
      AND career_stage >= ${param(mentee.careerStage, 'career_stage')}
      AND languages && ${param(
        mentee.languages.map((code) => code.toLowerCase()),
        'varchar[]',
      )}${formats}
    ORDER BY specialty_ids && ${param(own, 'smallint[]')} DESC,
      mentor_offers && ${param(mentee.goals.slice(0, 1), 'growth_area[]')} DESC,
      mentor_offers && ${param(mentee.goals, 'growth_area[]')} DESC,
      mentor_active_mentee_count, user_id
    LIMIT ${MATCH_BASELINE_CANDIDATES}`;
  return { text, values };
}

export interface BaselineMatches {
  /** The top `first`, best first, explained as the API would return them. */
  matches: MatchResult[];
  /** Mentors the SQL returned and the bench scored. */
  candidatesScored: number;
}

/** One request's worth of the baseline: the SQL, then scoring its candidates. */
export async function runMatchBaseline(
  pool: pg.Pool,
  mentee: MatchMentee,
  query: MatchBaselineQuery,
  graph: SpecialtyGraph,
  first: number,
): Promise<BaselineMatches> {
  const options: MatchOptions = { graph, weights: DEFAULT_MATCH_WEIGHTS };
  const { rows } = await pool.query<ProfileRow>(query.text, query.values);
  const scored: { result: MatchResult; mentor: MatchMentor }[] = [];
  for (const row of rows) {
    const mentor = toMatchMentor(profileFromRow(row));
    const score = matchScore(mentee, mentor, options);
    if (score === null) continue;
    // Only what the order reads; the page is explained below, as the API explains only its page.
    const result: MatchResult = {
      mentorUserId: mentor.userId,
      score,
      eligible: true,
      breakdown: [],
      reasons: [],
      caveats: [],
      exclusions: [],
    };
    scored.push({ result, mentor });
  }
  scored.sort((a, b) => compareMatches(a.result, b.result));
  return {
    matches: scored.slice(0, first).map(({ mentor }) => scoreMatch(mentee, mentor, options)),
    candidatesScored: rows.length,
  };
}
