import { GrowthArea } from '@preceptor/taxonomy/reference';
import {
  SPECIALTY_PROXIMITY_VALUE,
  SPECIALTY_UNKNOWN_VALUE,
} from '../scoring/criteria/specialty.js';
import { rankedGoals } from '../scoring/criteria/goals.js';
import type { MatchMentee, MatchMentor } from '../scoring/match-profiles.js';
import type { MatchWeights } from '../scoring/match-weights.js';
import { menteeCeiling } from '../scoring/retrieval-bound.js';
import {
  SPECIALTY_PROXIMITIES,
  type SpecialtyGraph,
  type SpecialtyProximity,
} from '../scoring/specialty-graph.js';

/**
 * A retrieval tier of mentees for one mentor, by specialty: the mentees with a chosen or target
 * specialty among `specialtyIds` (null: every mentee) and, when `unknown`, those who chose
 * neither. Each tier holds every mentee whose specialty proximity to the mentor is `specialty`
 * or closer, so once it is scanned every mentee left is farther.
 */
export interface MenteeTier {
  readonly specialty: SpecialtyProximity;
  readonly specialtyIds: readonly number[] | null;
  readonly unknown: boolean;
}

/**
 * The tiers SAME → PARENT_OR_CHILD → NEARBY → SAME_TRACK → NONE for a mentor, each cumulative:
 * the mirror of `specialtyTiers`, seen from the mentor's side. A mentee's specialty proximity is
 * the closest of their specialties and target to any of the mentor's (`assessSpecialty`), so a
 * mentee is in a tier when one of their ids is that close to one of the mentor's. Mentees who
 * chose no specialty score `SPECIALTY_UNKNOWN_VALUE` whoever the mentor is: they join the first
 * tier after which the next tier's proximity is worth less.
 */
export function menteeTiers(
  mentor: Pick<MatchMentor, 'specialtyIds'>,
  graph: SpecialtyGraph,
): MenteeTier[] {
  const none = SPECIALTY_PROXIMITIES.length - 1;
  const closest = new Map<number, number>();
  for (const node of graph.nodes()) {
    let rank = none;
    for (const mentorId of mentor.specialtyIds) {
      rank = Math.min(rank, SPECIALTY_PROXIMITIES.indexOf(graph.proximity(mentorId, node.id)));
    }
    if (rank < none) closest.set(node.id, rank);
  }
  return SPECIALTY_PROXIMITIES.map((specialty, rank) => ({
    specialty,
    specialtyIds:
      rank === none ? null : [...closest].filter(([, at]) => at <= rank).map(([id]) => id),
    unknown:
      rank === none ||
      SPECIALTY_PROXIMITY_VALUE[SPECIALTY_PROXIMITIES[rank + 1]] < SPECIALTY_UNKNOWN_VALUE,
  }));
}

/**
 * What a mentor's offers can do for a mentee's ranked goals, as the goals column tells without
 * scoring: their top goal offered (or no goals ranked: a neutral value), another goal offered
 * but not the top, or none. Each caps the goals' value (`GOALS_REACH_VALUE`).
 */
export const GOALS_REACHES = ['TOP', 'OTHER', 'NONE'] as const;
export type GoalsReach = (typeof GOALS_REACHES)[number];

/**
 * The most the goals can be worth in each reach. OTHER: with n goals and the top one missed,
 * at most n(n + 1)/2 − n of n(n + 1)/2, i.e. 1 − 2/(n + 1), largest when every growth area is
 * ranked.
 */
const MOST_GOALS = Object.values(GrowthArea).length;
export const GOALS_REACH_VALUE: Readonly<Record<GoalsReach, number>> = {
  TOP: 1,
  OTHER: 1 - 2 / (MOST_GOALS + 1),
  NONE: 0,
};

export function goalsReachOf(
  mentee: Pick<MatchMentee, 'goals'>,
  offers: readonly GrowthArea[],
): GoalsReach {
  const goals = rankedGoals(mentee);
  if (goals.length === 0 || offers.includes(goals[0])) return 'TOP';
  return goals.some((goal) => offers.includes(goal)) ? 'OTHER' : 'NONE';
}

/** One scan of a mentor's mentees: a specialty tier, one goals reach, and what they can score. */
export interface MenteeScan {
  readonly tier: MenteeTier;
  /** The tier before it (same reach): scanned already, so left out. */
  readonly previous: MenteeTier | undefined;
  readonly goals: GoalsReach;
  readonly ceiling: number;
}

/**
 * The mentor's mentee tiers, each split by goals reach, highest ceiling first: a scan may stop
 * before the first whose ceiling is below the k-th score found, since every mentee not yet read
 * is in it or after it. Within a reach, tiers keep their order (their ceilings only fall), so
 * each scan can leave out the tier before it.
 */
export function menteeScans(
  mentor: Pick<MatchMentor, 'specialtyIds'>,
  graph: SpecialtyGraph,
  weights?: MatchWeights,
): MenteeScan[] {
  const tiers = menteeTiers(mentor, graph);
  const scans = GOALS_REACHES.flatMap((goals) =>
    tiers.map((tier, t) => ({
      tier,
      previous: tiers[t - 1],
      goals,
      ceiling: menteeCeiling(tier.specialty, GOALS_REACH_VALUE[goals], weights),
    })),
  );
  // Array.prototype.sort is stable: equal ceilings keep reach-then-tier order.
  return scans.sort((a, b) => b.ceiling - a.ceiling);
}
