import type { TierFacts } from './assessment.js';
import { utcWeek } from './criteria/availability.js';
import { specialtyProximityClass } from './criteria/specialty.js';
import { stageGap } from './criteria/stage.js';
import { trackRelation } from './criteria/track.js';
import type { MatchMentee, MatchMentor } from './match-profiles.js';
import { DEFAULT_MATCH_WEIGHTS, type MatchWeights } from './match-weights.js';
import { contributionTenths } from './score-match.js';
import { SCORE_COMPONENTS, type Criterion } from './score-components.js';
import type { SpecialtyGraph } from './specialty-graph.js';
import { DEFAULT_REFERENCE_DATE, intersectWeeks, totalMinutes } from './weekly-time.js';

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
    tenths += boundTenths(component.criterion, mentee, facts, weights);
  }
  return tenths / 10;
}

/**
 * One component's share of `maxPossibleScore`, in tenths of a point: a scan can learn a fact
 * late (a candidate's place, its load) and swap that component's share for a tighter one.
 */
export function boundTenths(
  criterion: Criterion,
  mentee: MatchMentee,
  facts: TierFacts,
  weights: MatchWeights = DEFAULT_MATCH_WEIGHTS,
): number {
  const component = SCORE_COMPONENTS.find((candidate) => candidate.criterion === criterion)!;
  return contributionTenths(weights[criterion], component.upperBound(mentee, facts));
}

/** Every fact about one pair: what a tier holding only this mentor would know. */
export function tierFactsOf(
  mentee: MatchMentee,
  mentor: MatchMentor,
  graph: SpecialtyGraph,
  referenceDate: Date = DEFAULT_REFERENCE_DATE,
): TierFacts {
  const menteeWeek = utcWeek(mentee, referenceDate);
  const mentorWeek = utcWeek(mentor, referenceDate);
  return {
    ...(menteeWeek && {
      week: {
        source: mentorWeek?.source ?? null,
        minutesAtMost: mentorWeek
          ? totalMinutes(intersectWeeks(menteeWeek.utc, mentorWeek.utc))
          : 0,
      },
    }),
    specialty: specialtyProximityClass(graph, mentee, mentor.specialtyIds),
    stageGap: stageGap(mentee, mentor),
    trackRelation: trackRelation(mentor.track, mentor.careerStage, mentee.track),
    offers: mentor.offers,
    place: mentor,
    load: mentor,
  };
}
