/**
 * The mentor facets: every property a mentor list can be narrowed by, declared once. The index
 * reads each facet's column, files each mentor under the facet's values, and turns a filter into
 * facet groups from the same declaration; nothing else restates what a filter means.
 *
 * Adding a facet is one entry below (plus a migration when it needs a new column): say which
 * `profiles` column holds it, whether that column is an array, and which filter values ask for it.
 */
import type { MentorFilter } from '../dto/mentors.args.js';
import { MENTOR_CARD_COLUMNS, type MentorCardRow } from './mentor-cards.js';
import { plainArrayElements } from '../profiles/pg-array-text.js';
import type { FacetGroups } from './mentor-index.js';
import { documentWords } from './words.js';

/** A filter with its specialty slugs already resolved to ids (and their descendants' lineage). */
export interface ResolvedMentorFilter {
  filter: MentorFilter | undefined;
  specialtyIds: readonly number[] | undefined;
}

export type FacetValue = string | number | boolean;

interface FacetDeclaration {
  /**
   * A column of `profiles` (or an expression over its row), read as text (arrays in PostgreSQL's
   * text form, `{a,b}`).
   */
  column: string;
  array: boolean;
  /** The values a filter asks for ("any of"), or undefined when it does not use this facet. */
  wanted(request: ResolvedMentorFilter): readonly FacetValue[] | null | undefined;
}

const single = <T extends FacetValue>(value: T | null | undefined): T[] | undefined =>
  value === undefined || value === null ? undefined : [value];

export const MENTOR_FACETS = {
  /** Chosen specialties and their ancestors: a filter on a parent finds its descendants. */
  specialty: { column: 'specialty_lineage', array: true, wanted: (r) => r.specialtyIds },
  /**
   * The broad specialties (those with narrower ones beneath) a mentor chose themselves: no
   * filter asks for it. Matching reads the mentors who chose a broad specialty without everyone
   * of the narrower ones beneath it; for any other specialty the lineage facet already says who
   * chose it, so only broad ones are filed (49 of 275 values).
   */
  chosen: {
    column:
      'ARRAY(SELECT id FROM unnest(specialty_ids) AS id WHERE id IN (SELECT parent_id FROM specialties))',
    array: true,
    wanted: () => undefined,
  },
  track: { column: 'track', array: false, wanted: (r) => r.filter?.tracks },
  stage: { column: 'career_stage', array: false, wanted: (r) => r.filter?.careerStages },
  offer: { column: 'mentor_offers', array: true, wanted: (r) => r.filter?.offers },
  language: { column: 'languages', array: true, wanted: (r) => r.filter?.languages },
  format: { column: 'meeting_formats', array: true, wanted: (r) => r.filter?.meetingFormats },
  country: { column: 'country', array: false, wanted: (r) => single(r.filter?.country) },
  region: { column: 'region', array: false, wanted: (r) => single(r.filter?.region) },
  accepting: {
    column: 'mentor_accepting',
    array: false,
    wanted: (r) => single(r.filter?.acceptingMentees),
  },
} satisfies Record<string, FacetDeclaration>;

export type MentorFacet = keyof typeof MENTOR_FACETS;

const FACETS = Object.entries(MENTOR_FACETS) as [MentorFacet, FacetDeclaration][];

/** The text columns whose words free-text search finds. */
const TEXT_COLUMNS = ['full_name', 'headline', 'bio'] as const;

const KEYS = new Map<MentorFacet, Map<string, string>>(FACETS.map(([name]) => [name, new Map()]));
/** Keys are interned per value: bounded by the closed lists, and their hashes stay cached. */
const MAX_INTERNED_PER_FACET = 10_000;

/** The key of one facet value in the index ("track:NURSING"); values compare as PostgreSQL text. */
export function facetKey(facet: MentorFacet, value: FacetValue): string {
  const text = String(value);
  const keys = KEYS.get(facet)!;
  let key = keys.get(text);
  if (key === undefined) {
    key = `${facet}:${text}`;
    if (keys.size < MAX_INTERNED_PER_FACET) keys.set(text, key);
  }
  return key;
}

/**
 * What the index reads of each mentor: the sort key, every facet column, the text and what
 * ranking reads besides the facets (its card).
 */
export const INDEXED_MENTOR_SELECT = `SELECT user_id, created_at::text AS created_at, is_mentor,
  ${FACETS.map(([name, facet]) => `${facet.column}::text AS ${name}`).join(', ')},
  ${TEXT_COLUMNS.join(', ')}, ${MENTOR_CARD_COLUMNS} FROM profiles`;

export type IndexedMentorRow = {
  user_id: string;
  created_at: string;
  is_mentor: boolean;
} & Record<MentorFacet, string | null> &
  Record<(typeof TEXT_COLUMNS)[number], string | null> &
  MentorCardRow;

/** A mentor's facet keys, as the index files them. */
export function mentorFacetKeys(row: IndexedMentorRow): string[] {
  const keys: string[] = [];
  for (const [name, facet] of FACETS) {
    const text = row[name];
    if (text === null) continue;
    if (!facet.array) keys.push(facetKey(name, text));
    else for (const value of new Set(plainArrayElements(text))) keys.push(facetKey(name, value));
  }
  return keys;
}

/** The words of a mentor's name, headline and bio. */
export function mentorWords(row: IndexedMentorRow): string[] {
  return documentWords(row.full_name, row.headline, row.bio);
}

/** A filter as facet groups: each list is "any of" (duplicates dropped), facets all apply. */
export function mentorFacetGroups(request: ResolvedMentorFilter): FacetGroups {
  const groups: string[][] = [];
  for (const [name, facet] of FACETS) {
    const values = facet.wanted(request);
    if (values?.length) groups.push([...new Set(values.map((value) => facetKey(name, value)))]);
  }
  return groups;
}

/**
 * More conditions on facets, each "any of" its values (an empty list matches nobody): for
 * callers that add their own rules to a filter, such as matching's hard rules.
 */
export type MentorFacetValues = Partial<Record<MentorFacet, readonly FacetValue[]>>;

/** Extra conditions as facet groups, to AND with a filter's. */
export function facetValueGroups(values: MentorFacetValues): FacetGroups {
  const groups: string[][] = [];
  for (const [name] of FACETS) {
    const wanted = values[name];
    if (wanted !== undefined) groups.push([...new Set(wanted.map((v) => facetKey(name, v)))]);
  }
  return groups;
}

/** One condition met by any of these values, whichever facet each is of (empty: nobody). */
export function anyFacetValueGroup(values: MentorFacetValues): FacetGroups {
  return [facetValueGroups(values).flat()];
}
