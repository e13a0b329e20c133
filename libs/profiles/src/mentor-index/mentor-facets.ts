import type { MentorFilter } from '../dto/mentors.args.js';
import { plainArrayElements } from '../profiles/pg-array-text.js';
import { facetKey, timestampMicros, type FacetGroups, type IndexedMentor } from './mentor-index.js';

/** The columns of one mentor the index needs, as `MENTOR_FACETS_SELECT` reads them. */
export interface MentorFacetsRow {
  user_id: string;
  created_at: string;
  is_mentor: boolean;
  track: string;
  career_stage: string;
  /** Arrays arrive in PostgreSQL's text form ("{1,7,12}"; see plainArrayElements). */
  lineage: string;
  offers: string;
  languages: string;
  formats: string;
  country: string | null;
  region: string | null;
  mentor_accepting: boolean;
  /** The lexemes of search_vector (name, headline and bio), space-separated. */
  words: string | null;
}

/**
 * What the index holds of a mentor. The words come as one space-separated string: the `simple`
 * parser never puts a space inside a lexeme, and one string per row is far cheaper to receive
 * than an array of strings.
 */
export const MENTOR_FACETS_SELECT = `SELECT user_id, created_at::text AS created_at, is_mentor,
  track::text AS track, career_stage::text AS career_stage, specialty_lineage::text AS lineage,
  mentor_offers::text AS offers, languages::text AS languages, meeting_formats::text AS formats,
  country, region, mentor_accepting,
  array_to_string(tsvector_to_array(search_vector), ' ') AS words FROM profiles`;

/** A profile row as the index holds it; mirrors the WHERE clauses of buildMentorQuery. */
export function indexedMentor(row: MentorFacetsRow): IndexedMentor {
  const keys = [
    facetKey('track', row.track),
    facetKey('stage', row.career_stage),
    facetKey('accepting', row.mentor_accepting),
  ];
  for (const id of plainArrayElements(row.lineage)) keys.push(facetKey('specialty', id));
  for (const offer of plainArrayElements(row.offers)) keys.push(facetKey('offer', offer));
  for (const language of plainArrayElements(row.languages))
    keys.push(facetKey('language', language));
  for (const format of plainArrayElements(row.formats)) keys.push(facetKey('format', format));
  if (row.country !== null) keys.push(facetKey('country', row.country.trim()));
  if (row.region !== null) keys.push(facetKey('region', row.region));
  return {
    userId: row.user_id,
    time: timestampMicros(row.created_at),
    keys,
    words: row.words ? row.words.split(' ') : [],
  };
}

/** A filter (without free text) as index groups: each list is "any of", fields all apply. */
export function mentorFacetGroups(
  filter: MentorFilter | undefined,
  specialtyIds: readonly number[] | undefined,
): FacetGroups {
  const groups: string[][] = [];
  const anyOf = (facet: string, values: readonly (string | number)[] | undefined): void => {
    if (values?.length) groups.push(values.map((value) => facetKey(facet, value)));
  };
  anyOf('specialty', specialtyIds);
  anyOf('track', filter?.tracks);
  anyOf('stage', filter?.careerStages);
  anyOf('offer', filter?.offers);
  anyOf('language', filter?.languages);
  anyOf('format', filter?.meetingFormats);
  if (filter?.country) groups.push([facetKey('country', filter.country)]);
  if (filter?.region) groups.push([facetKey('region', filter.region)]);
  if (filter?.acceptingMentees !== undefined && filter.acceptingMentees !== null) {
    groups.push([facetKey('accepting', filter.acceptingMentees)]);
  }
  return groups;
}
