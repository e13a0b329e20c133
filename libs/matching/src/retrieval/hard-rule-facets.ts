import { CAREER_STAGE_LEVEL, CareerStage } from '@preceptor/taxonomy/reference';
import type { MatchMentee } from '../scoring/match-profiles.js';

/**
 * The hard rules a mentor index can apply as facets ("any of" each): accepting, a language in
 * common, a career stage at or above the mentee's. Shaped like the mentor index's facet values
 * (accepting, language, stage). Capacity, the caller themselves and meeting formats are left to
 * the row read and to scoring: a mentor with no format listed accepts both, and no facet value
 * stands for "none listed".
 */
export interface HardRuleFacets {
  readonly accepting: readonly boolean[];
  readonly language: readonly string[];
  readonly stage: readonly CareerStage[];
}

export function hardRuleFacets(mentee: MatchMentee): HardRuleFacets {
  const level = CAREER_STAGE_LEVEL[mentee.careerStage];
  return {
    accepting: [true],
    // Languages are stored lower-case; the hard rule compares case-insensitively.
    language: [...new Set(mentee.languages.map((code) => code.toLowerCase()))],
    stage: Object.values(CareerStage).filter((stage) => CAREER_STAGE_LEVEL[stage] >= level),
  };
}
