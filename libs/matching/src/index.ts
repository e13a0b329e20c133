export * from './matching.errors.js';
export * from './matching.module.js';
export { toMatchMentee, toMatchMentor } from './match-people.mapper.js';
export { matchWeightsFromEnv } from './match-scoring.js';
export * from './retrieval/hard-rule-facets.js';
export * from './retrieval/retrieve-top-matches.js';
export * from './retrieval/specialty-tiers.js';
export * from './retrieval/top-matches.js';
export * from './scoring/index.js';
