import type { MentorFilter } from '../dto/mentors.args.js';

/** The expression behind ix_profiles_mentor_search; queries must repeat it to use the index. */
export const SEARCH_DOCUMENT =
  "to_tsvector('simple'::regconfig, full_name || ' ' || coalesce(headline, '') || ' ' || coalesce(bio, ''))";

/** Words of free text as a prefix-matching tsquery ("card nurs" → "card:* & nurs:*"), or null. */
export function toPrefixQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
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
    /^\d{4}-\d{2}-\d{2} [\d:.]+\+00$/.test((value as MentorCursor).c) &&
    typeof (value as MentorCursor).u === 'string' &&
    /^[0-9a-f-]{36}$/.test((value as MentorCursor).u)
  );
}

export interface MentorQuery {
  /** WHERE clause over `profiles`, always starting with is_mentor. */
  where: string;
  params: unknown[];
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
  const param = (value: unknown, cast: string): string => {
    params.push(value);
    return `$${params.length}::${cast}`;
  };
  const anyOf = (column: string, values: readonly string[] | undefined, cast: string): void => {
    if (!values?.length) return;
    const unique = [...new Set(values)];
    clauses.push(`(${unique.map((value) => `${column} = ${param(value, cast)}`).join(' OR ')})`);
  };
  const overlaps = (column: string, values: readonly unknown[] | undefined, cast: string): void => {
    if (values?.length) clauses.push(`${column} && ${param([...new Set(values)], cast)}`);
  };

  if (specialtyIds) overlaps('specialty_lineage', specialtyIds, 'smallint[]');
  anyOf('track', filter?.tracks, 'track');
  anyOf('career_stage', filter?.careerStages, 'career_stage');
  overlaps('mentor_offers', filter?.offers, 'growth_area[]');
  overlaps('languages', filter?.languages, 'varchar[]');
  overlaps('meeting_formats', filter?.meetingFormats, 'meeting_format[]');
  if (filter?.country) clauses.push(`country = ${param(filter.country, 'bpchar')}`);
  if (filter?.region) clauses.push(`region = ${param(filter.region, 'varchar')}`);
  if (filter?.acceptingMentees !== undefined && filter.acceptingMentees !== null) {
    clauses.push(`mentor_accepting = ${param(filter.acceptingMentees, 'boolean')}`);
  }
  const query = filter?.text ? toPrefixQuery(filter.text) : null;
  if (query) clauses.push(`${SEARCH_DOCUMENT} @@ to_tsquery('simple', ${param(query, 'text')})`);
  return { where: clauses.join(' AND '), params };
}
