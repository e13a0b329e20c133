export * from './credentials/credential-rules.js';
export * from './credentials/credentials.entity.js';
export { CredentialsService, type Credentials } from './credentials/credentials.service.js';
export * from './dto/mentors.args.js';
export * from './profiles/profile-changes.js';
export type {
  FacetValue,
  MentorFacet,
  MentorFacetValues,
  ResolvedMentorFilter,
} from './mentor-index/mentor-facets.js';
export { MentorIndexService, type MentorScan } from './mentor-index/mentor-index.service.js';
export { SlotSet } from './mentor-index/mentor-index.js';
// Compact user ids by slot, for other in-memory tables of profiles (the mentee index).
export { SlotIds } from './mentor-index/slot-ids.js';
export { plainArrayElements, plainArrayNumbers } from './profiles/pg-array-text.js';
export { MAX_PROFILE_SPECIALTIES } from './dto/profile.input.js';
export {
  CAREER_STAGES,
  Codes,
  FORMATS,
  GROWTH_AREAS,
  listOf,
  maskOf,
  MENTOR_CARD_SPECIALTIES,
  TRACKS,
  type MentorCard,
  type MentorCards,
} from './mentor-index/mentor-cards.js';
export * from './models/profile.models.js';
export { resolveMentorFilter } from './profiles/mentors.service.js';
export * from './profiles.module.js';
export * from './profiles/profile.entity.js';
export * from './profiles/profile-enums.js';
// The columns mentor lists read, for tooling that reads the same rows (bench:mentors).
export {
  PROFILE_COLUMNS,
  profileFromRow,
  type ProfileRecord,
  type ProfileRow,
} from './profiles/profile-row.js';
export { ProfileReads, type MentorRow } from './profiles/profile-reads.js';
export { ProfileWrites } from './profiles/profile-writes.js';
export { toProfileModel } from './profiles/profiles.mapper.js';
export { DEFAULT_MENTOR_CAPACITY } from './profiles/profile-rules.js';
// What a word is for search: one definition for mentor search and event search.
export { documentWords, searchWords } from './mentor-index/words.js';
