import type { SpecialtySeeker } from '../scoring/criteria/specialty.js';
import type { SpecialtyGraph, SpecialtyProximity } from '../scoring/specialty-graph.js';

/**
 * A retrieval tier by specialty: the mentors whose specialty lineage (their specialties and
 * every ancestor, as the mentor index files them) holds any of `lineageIds`; null means every
 * mentor. Each tier's set holds every mentor whose proximity class to the mentee is `specialty`
 * or closer (a superset: a few farther ones come along), so once a tier is scanned every mentor
 * left is farther than its class.
 */
export interface SpecialtyTier {
  readonly specialty: SpecialtyProximity;
  readonly lineageIds: readonly number[] | null;
}

/**
 * The tiers SAME → PARENT_OR_CHILD → NEARBY → SAME_TRACK → NONE for a mentee, each cumulative.
 * Why each set is enough, for a mentee specialty s and a mentor specialty x (lineage(x) = x and
 * its ancestors):
 * - SAME (x = s) and every descendant of s have s in their lineage;
 * - PARENT_OR_CHILD: x = parent(s) has it; a child of s has s;
 * - NEARBY: a sibling has parent(s); x = grandparent(s) has it; a grandchild has s; a related x
 *   (x lists s, or s lists x) is named itself;
 * - SAME_TRACK: every specialty sharing a track with s is named itself;
 * - NONE: everyone.
 * A mentee with no specialty scores every mentor's specialty the same: one tier of everyone.
 */
export function specialtyTiers(mentee: SpecialtySeeker, graph: SpecialtyGraph): SpecialtyTier[] {
  const own = [
    ...new Set(
      mentee.targetSpecialtyId === null
        ? mentee.specialtyIds
        : [mentee.targetSpecialtyId, ...mentee.specialtyIds],
    ),
  ].flatMap((id) => graph.node(id) ?? []);
  if (own.length === 0) return [{ specialty: 'NONE', lineageIds: null }];

  const ids = new Set(own.map((node) => node.id));
  const same = [...ids];
  const parents = own.flatMap((node) => (node.parentId === null ? [] : [node.parentId]));
  for (const id of parents) ids.add(id);
  const parentOrChild = [...ids];
  for (const id of parents) {
    const grandparent = graph.node(id)?.parentId;
    if (grandparent !== undefined && grandparent !== null) ids.add(grandparent);
  }
  const ownIds = new Set(own.map((node) => node.id));
  const tracks = new Set(own.flatMap((node) => node.tracks));
  const sameTrack: number[] = [];
  for (const node of graph.nodes()) {
    if (node.relatedIds.some((id) => ownIds.has(id))) ids.add(node.id);
    if (node.tracks.some((track) => tracks.has(track))) sameTrack.push(node.id);
  }
  for (const node of own) for (const id of node.relatedIds) ids.add(id);
  const nearby = [...ids];
  for (const id of sameTrack) ids.add(id);
  return [
    { specialty: 'SAME', lineageIds: covering(graph, same) },
    { specialty: 'PARENT_OR_CHILD', lineageIds: covering(graph, parentOrChild) },
    { specialty: 'NEARBY', lineageIds: covering(graph, nearby) },
    { specialty: 'SAME_TRACK', lineageIds: covering(graph, [...ids]) },
    { specialty: 'NONE', lineageIds: null },
  ];
}

/**
 * The same mentors with fewer ids: an id whose ancestor is listed adds nobody, since a lineage
 * holding the id holds the ancestor too. (A track's hundred specialties come down to its roots.)
 */
function covering(graph: SpecialtyGraph, ids: readonly number[]): number[] {
  const listed = new Set(ids);
  return ids.filter((id) => {
    for (let parent = graph.node(id)?.parentId; parent != null;) {
      if (listed.has(parent)) return false;
      parent = graph.node(parent)?.parentId;
    }
    return true;
  });
}
