import {
  SPECIALTY_PROXIMITY_VALUE,
  SPECIALTY_UNKNOWN_VALUE,
} from '../scoring/criteria/specialty.js';
import type { MatchMentor } from '../scoring/match-profiles.js';
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
