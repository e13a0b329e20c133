import type { MatchMentee } from '../scoring/match-profiles.js';

/**
 * The hard rules a mentor index can apply to a whole tier as facets ("any of" each): accepting
 * and a language in common. Shaped like the mentor index's facet values (accepting, language).
 * The career stage is left to each pass's stage condition (`passConditions` lists only stages at
 * or above the mentee's), which narrows further. Capacity, the caller themselves and meeting
 * formats are left to the row read and to scoring: a mentor with no format listed accepts both,
 * and no facet value stands for "none listed".
 */
export interface HardRuleFacets {
  readonly accepting: readonly boolean[];
  readonly language: readonly string[];
}

export function hardRuleFacets(mentee: MatchMentee): HardRuleFacets {
  return {
    accepting: [true],
    // Languages are stored lower-case; the hard rule compares case-insensitively.
    language: [...new Set(mentee.languages.map((code) => code.toLowerCase()))],
  };
}
