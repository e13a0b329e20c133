import { assessment, type Assessment, type MatchPair, type TierFacts } from '../assessment.js';
import type { MatchMentee } from '../match-profiles.js';
import {
  proximityOf,
  type SpecialtyGraph,
  type SpecialtyProximity,
  type SpecialtyRelation,
} from '../specialty-graph.js';
import { midSentence, trackField } from '../wording.js';

export const SPECIALTY_PROXIMITY_VALUE: Readonly<Record<SpecialtyProximity, number>> = {
  SAME: 1,
  PARENT_OR_CHILD: 0.75,
  NEARBY: 0.5,
  SAME_TRACK: 0.25,
  NONE: 0,
};

const PROXIMITY_LABEL: Readonly<Record<SpecialtyProximity, string>> = {
  SAME: 'Same specialty',
  PARENT_OR_CHILD: 'Parent or child specialty',
  NEARBY: 'Nearby specialty',
  SAME_TRACK: 'Same track, other specialty',
  NONE: 'Unrelated specialty',
};

/**
 * A mentee who names a target specialty says where they are heading, so a mentor there counts
 * slightly more than one in the specialty they are leaving.
 */
export const CURRENT_SPECIALTY_FACTOR_WITH_TARGET = 0.9;

/** The mentee has chosen no specialty: no reason to prefer anyone. */
export const SPECIALTY_UNKNOWN_VALUE = 0.5;

/** The closest pair of specialties found between someone and what is scored for them. */
export interface SpecialtyLink {
  /** How the scored side's specialty sits relative to the person's. */
  relation: SpecialtyRelation;
  /** The specialty of the mentor (or event) scored. */
  mentorSpecialtyId: number;
  /** The person's own specialty (current or target) it was measured against. */
  menteeSpecialtyId: number;
  /** True when `menteeSpecialtyId` is the person's target. */
  toTarget: boolean;
  /** The proximity value, times CURRENT_SPECIALTY_FACTOR_WITH_TARGET for a current one. */
  value: number;
}

/** What specialty scoring reads of a person: current specialties and an optional target. */
export type SpecialtySeeker = Pick<MatchMentee, 'specialtyIds' | 'targetSpecialtyId'>;

/** The closest mentor specialty to any of `menteeIds`; the first found wins ties (primaries first). */
function closestLink(
  graph: SpecialtyGraph,
  mentorIds: readonly number[],
  menteeIds: readonly number[],
  toTarget: boolean,
  factor: number,
): SpecialtyLink | null {
  let best: SpecialtyLink | null = null;
  for (const menteeSpecialtyId of menteeIds) {
    for (const mentorSpecialtyId of mentorIds) {
      const relation = graph.relation(mentorSpecialtyId, menteeSpecialtyId);
      const value = SPECIALTY_PROXIMITY_VALUE[proximityOf(relation)] * factor;
      if (!best || value > best.value) {
        best = { relation, mentorSpecialtyId, menteeSpecialtyId, toTarget, value };
      }
    }
  }
  return best;
}

function menteeSpecialtyIds(mentee: SpecialtySeeker): number[] {
  return mentee.targetSpecialtyId === null
    ? [...mentee.specialtyIds]
    : [mentee.targetSpecialtyId, ...mentee.specialtyIds];
}

/**
 * The best proximity class between any of the mentor's specialties and the mentee's current or
 * target ones (what a retrieval tier records as `TierFacts.specialty`).
 */
export function specialtyProximityClass(
  graph: SpecialtyGraph,
  mentee: SpecialtySeeker,
  mentorSpecialtyIds: readonly number[],
): SpecialtyProximity {
  const link = closestLink(graph, mentorSpecialtyIds, menteeSpecialtyIds(mentee), false, 1);
  return link ? proximityOf(link.relation) : 'NONE';
}

/**
 * The closest of `theirIds` (a mentor's or an event's specialties) to the person's target or
 * current specialties: current ones count × CURRENT_SPECIALTY_FACTOR_WITH_TARGET when a target
 * is named, and the target wins ties. Ids the graph does not hold are ignored; null when nothing
 * is left on either side.
 */
export function closestSpecialty(
  graph: SpecialtyGraph,
  person: SpecialtySeeker,
  theirIds: readonly number[],
): SpecialtyLink | null {
  const known = (ids: readonly number[]): number[] =>
    ids.filter((id) => graph.node(id) !== undefined);
  const mentorIds = known(theirIds);
  const targetIds = known(person.targetSpecialtyId === null ? [] : [person.targetSpecialtyId]);
  const currentIds = known(person.specialtyIds);
  const factor = targetIds.length > 0 ? CURRENT_SPECIALTY_FACTOR_WITH_TARGET : 1;
  const target = closestLink(graph, mentorIds, targetIds, true, 1);
  const current = closestLink(graph, mentorIds, currentIds, false, factor);
  return target && (!current || target.value >= current.value) ? target : current;
}

function sentence(graph: SpecialtyGraph, link: SpecialtyLink): string {
  const mentorNode = graph.node(link.mentorSpecialtyId)!;
  const menteeNode = graph.node(link.menteeSpecialtyId)!;
  const theirs = midSentence(mentorNode.name);
  const yoursName = midSentence(menteeNode.name);
  const yours = link.toTarget ? `${yoursName}, where you are heading` : `your ${yoursName}`;
  switch (link.relation) {
    case 'SAME':
      return link.toTarget
        ? `Works in ${theirs}, the specialty you are aiming for`
        : `Both in ${theirs}`;
    case 'PARENT':
    case 'GRANDPARENT':
      return `Works in ${theirs}, which includes ${yours}`;
    case 'CHILD':
    case 'GRANDCHILD':
      return `Works in ${theirs}, a branch of ${yours}`;
    case 'SIBLING':
      return `Works in ${theirs}, next to ${yours}`;
    case 'RELATED':
      return `Works in ${theirs}, closely linked to ${yours}`;
    case 'SAME_TRACK': {
      const shared = mentorNode.tracks.find((track) => menteeNode.tracks.includes(track))!;
      return `Works in ${theirs}, another ${trackField(shared)} specialty`;
    }
    case 'NONE':
      return `Works in ${theirs}, far from ${yours}`;
  }
}

/**
 * Proximity through the taxonomy between the mentor's specialties and the mentee's current
 * specialties or target, whichever is closer (the target slightly favoured).
 */
export function assessSpecialty({
  mentee,
  mentor,
  graph,
}: Pick<MatchPair, 'mentee' | 'graph'> & {
  mentor: Pick<MatchPair['mentor'], 'specialtyIds'>;
}): Assessment {
  if (mentee.specialtyIds.length === 0 && mentee.targetSpecialtyId === null) {
    return assessment(SPECIALTY_UNKNOWN_VALUE, () => ({
      detail: 'You have not chosen a specialty',
    }));
  }
  if (!mentor.specialtyIds.some((id) => graph.node(id) !== undefined)) {
    return assessment(0, () => ({
      caveats: ['Has not listed a specialty'],
      detail: 'No specialty listed',
    }));
  }
  // The target wins ties: it is where the mentee is heading.
  const best = closestSpecialty(graph, mentee, mentor.specialtyIds);
  if (!best) return assessment(0, () => ({ detail: 'Your specialties are not in the catalog' }));
  return assessment(best.value, () => {
    const proximity = proximityOf(best.relation);
    const text = sentence(graph, best);
    const detail = `${PROXIMITY_LABEL[proximity]}${best.toTarget ? ' (your target)' : ''}`;
    return SPECIALTY_PROXIMITY_VALUE[proximity] >= SPECIALTY_PROXIMITY_VALUE.NEARBY
      ? { reasons: [text], detail }
      : { caveats: [text], detail };
  });
}

/**
 * What `assessSpecialty` values a mentor with these specialties at, without its sentences: a
 * retrieval bounds each candidate with it, one specialty at a time (the value of a list is the
 * largest of its specialties' values, or that of an empty list when it is larger).
 */
export function specialtyValue(
  graph: SpecialtyGraph,
  mentee: MatchMentee,
  mentorSpecialtyIds: readonly number[],
): number {
  return assessSpecialty({ mentee, mentor: { specialtyIds: mentorSpecialtyIds }, graph }).value;
}

export function specialtyUpperBound(mentee: MatchMentee, facts: TierFacts): number {
  if (mentee.specialtyIds.length === 0 && mentee.targetSpecialtyId === null) {
    return SPECIALTY_UNKNOWN_VALUE;
  }
  return facts.specialty === undefined ? 1 : SPECIALTY_PROXIMITY_VALUE[facts.specialty];
}
