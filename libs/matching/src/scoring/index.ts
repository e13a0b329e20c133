export type { Assessment, Explanation, MatchPair, TierFacts, TrackRelation } from './assessment.js';
export {
  AVAILABILITY_UNKNOWN_VALUE,
  FAR_APART_MINUTES,
  TARGET_OVERLAP_MINUTES,
} from './criteria/availability.js';
export { GOALS_UNKNOWN_VALUE, goalsMet, rankedGoals } from './criteria/goals.js';
export { SAME_COUNTRY_VALUE } from './criteria/location.js';
export {
  closestSpecialty,
  CURRENT_SPECIALTY_FACTOR_WITH_TARGET,
  SPECIALTY_PROXIMITY_VALUE,
  SPECIALTY_UNKNOWN_VALUE,
  specialtyProximityClass,
  type SpecialtyLink,
  type SpecialtySeeker,
} from './criteria/specialty.js';
export { STAGE_GAP_VALUE, stageGap } from './criteria/stage.js';
export { CROSS_TRACK_FITS, trackRelation } from './criteria/track.js';
export { isMatchable, matchExclusions } from './hard-rules.js';
export * from './match-profiles.js';
export * from './match-weights.js';
export { maxPossibleScore, tierFactsOf } from './retrieval-bound.js';
export * from './score-components.js';
export * from './score-match.js';
export * from './specialty-graph.js';
export {
  DEFAULT_REFERENCE_DATE,
  describeWeekTime,
  intersectWeeks,
  localWeek,
  MINUTES_PER_DAY,
  MINUTES_PER_WEEK,
  shiftWeek,
  totalMinutes,
  utcOffsetMinutes,
  type WeekInterval,
} from './weekly-time.js';
export { capitalize, countWord, midSentence, rankWord, trackField } from './wording.js';
