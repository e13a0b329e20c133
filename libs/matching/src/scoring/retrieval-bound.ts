import type { TierFacts } from './assessment.js';
import { specialtyProximityClass } from './criteria/specialty.js';
import { stageGap } from './criteria/stage.js';
import { trackRelation } from './criteria/track.js';
import type { MatchMentee, MatchMentor } from './match-profiles.js';
import { DEFAULT_MATCH_WEIGHTS, type MatchWeights } from './match-weights.js';
import { contributionTenths } from './score-match.js';
import { SCORE_COMPONENTS } from './score-components.js';
import type { SpecialtyGraph } from './specialty-graph.js';

/**
 * The highest score any candidate described by `facts` could reach for this mentee: each
 * component's upper bound, weighted and rounded exactly as scoring rounds, so it is never below
 * a real score. A retrieval scan that has k matches can skip every tier whose bound is below the
 * k-th score (a bound equal to it may still win the mentor-id tiebreak). Facts that exclude the
 * whole tier (a mentor behind the mentee) give 0.
 */
export function maxPossibleScore(
  mentee: MatchMentee,
  facts: TierFacts,
  weights: MatchWeights = DEFAULT_MATCH_WEIGHTS,
): number {
  if (facts.stageGap !== undefined && facts.stageGap < 0) return 0;
  let tenths = 0;
  for (const component of SCORE_COMPONENTS) {
    tenths += contributionTenths(weights[component.criterion], component.upperBound(mentee, facts));
  }
  return tenths / 10;
}

/** Every fact about one pair: what a tier holding only this mentor would know. */
export function tierFactsOf(
  mentee: MatchMentee,
  mentor: MatchMentor,
  graph: SpecialtyGraph,
): Required<TierFacts> {
  return {
    specialty: specialtyProximityClass(graph, mentee, mentor.specialtyIds),
    stageGap: stageGap(mentee, mentor),
    trackRelation: trackRelation(mentor.track, mentor.careerStage, mentee.track),
  };
}
