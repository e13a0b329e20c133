import { specialtyProximityClass, type SpecialtySeeker } from '../scoring/criteria/specialty.js';
import {
  SPECIALTY_PROXIMITIES,
  type SpecialtyGraph,
  type SpecialtyNode,
  type SpecialtyProximity,
} from '../scoring/specialty-graph.js';
import { specialtyTiers } from './specialty-tiers.js';

/**
 * Mentors whose specialty lineage (chosen specialties and their ancestors) holds any of
 * `lineageIds`, or whose chosen specialties hold any of `chosenIds`.
 */
export interface SpecialtySet {
  readonly lineageIds: readonly number[];
  readonly chosenIds: readonly number[];
}

/** The mentors retrieval reads for one proximity class; null: every mentor. */
export interface SpecialtyRing {
  readonly specialty: SpecialtyProximity;
  readonly set: SpecialtySet | null;
}

/**
 * Past this many facet values a ring's set costs more to combine (one bitmap pass each) than
 * the looser set of its cumulative tier costs to visit.
 */
const MAX_RING_VALUES = 8;
/** The class of a specialty unrelated to the mentee's, as an index into SPECIALTY_PROXIMITIES. */
export const NONE_RANK = SPECIALTY_PROXIMITIES.indexOf('NONE');

/**
 * Rings SAME → PARENT_OR_CHILD → NEARBY → SAME_TRACK → NONE for a mentee: ring c holds every
 * mentor whose class is c (mentors of other classes may come along). A mentor's class is the
 * closest of their chosen specialties' classes, so a mentor of class c chose some specialty x of
 * class c, and ring c holds everyone who chose such an x:
 * - by x's lineage when nothing beneath x is farther than c (that adds only closer mentors, who
 *   are in earlier rings), folded into a listed ancestor's lineage;
 * - else by x itself as a chosen specialty: a broad parent of the mentee's specialty brings its
 *   own mentors, not those of the farther branches beneath it (only such broad specialties,
 *   with narrower ones beneath, come here: the index files only those as chosen);
 * - or, when that takes more than MAX_RING_VALUES values, by c's cumulative tier
 *   (`specialtyTiers`), which holds every mentor of class c or closer.
 * Rings no specialty falls in are left out; NONE is everyone. A mentee with no specialty gets
 * one ring of everyone.
 *
 * `classRank` gives each specialty id's class (its index in SPECIALTY_PROXIMITIES; NONE for ids
 * past its end or not in the graph): what a mentor's bound reads per chosen specialty.
 */
export function specialtyRings(
  mentee: SpecialtySeeker,
  graph: SpecialtyGraph,
): { rings: SpecialtyRing[]; classRank: Int8Array } {
  let highest = 0;
  for (const node of graph.nodes()) highest = Math.max(highest, node.id);
  const classRank = new Int8Array(highest + 1).fill(NONE_RANK);
  const tiers = specialtyTiers(mentee, graph);
  if (tiers.length === 1) return { rings: [{ specialty: 'NONE', set: null }], classRank };

  for (const node of graph.nodes()) {
    classRank[node.id] = SPECIALTY_PROXIMITIES.indexOf(
      specialtyProximityClass(graph, mentee, [node.id]),
    );
  }
  // The farthest class in each specialty's subtree.
  const farthest = new Map<number, number>();
  const farthestBelow = (node: SpecialtyNode): number => {
    let rank = farthest.get(node.id);
    if (rank === undefined) {
      rank = classRank[node.id];
      for (const id of node.childIds) {
        const child = graph.node(id);
        if (child) rank = Math.max(rank, farthestBelow(child));
      }
      farthest.set(node.id, rank);
    }
    return rank;
  };

  const nodes = [...graph.nodes()];
  const rings: SpecialtyRing[] = [];
  for (const [rank, specialty] of SPECIALTY_PROXIMITIES.entries()) {
    if (specialty === 'NONE') break;
    const members = nodes.filter((node) => classRank[node.id] === rank);
    if (members.length === 0) continue;
    const whole = new Set(
      members.filter((node) => farthestBelow(node) <= rank).map((node) => node.id),
    );
    const covered = (node: SpecialtyNode): boolean => {
      for (
        let parent = node.parentId;
        parent !== null;
        parent = graph.node(parent)?.parentId ?? null
      ) {
        if (whole.has(parent)) return true;
      }
      return false;
    };
    const kept = members.filter((node) => !covered(node));
    const lineageIds = kept.filter((node) => whole.has(node.id)).map((node) => node.id);
    const chosenIds = kept.filter((node) => !whole.has(node.id)).map((node) => node.id);
    const set =
      lineageIds.length + chosenIds.length <= MAX_RING_VALUES
        ? { lineageIds, chosenIds }
        : {
            lineageIds: tiers.find((tier) => tier.specialty === specialty)!.lineageIds!,
            chosenIds: [],
          };
    rings.push({ specialty, set });
  }
  rings.push({ specialty: 'NONE', set: null });
  return { rings, classRank };
}

/**
 * Rings by the mentee's specialties, kept for the mentees asking next: most share their
 * specialties with many others, and the rings cost a walk of the whole taxonomy.
 */
export class SpecialtyRingCache {
  private graph: SpecialtyGraph | undefined;
  private readonly byKey = new Map<string, ReturnType<typeof specialtyRings>>();

  constructor(private readonly capacity = 1024) {}

  ringsOf(mentee: SpecialtySeeker, graph: SpecialtyGraph): ReturnType<typeof specialtyRings> {
    if (graph !== this.graph) {
      this.graph = graph;
      this.byKey.clear();
    }
    const key = `${mentee.targetSpecialtyId}|${mentee.specialtyIds.join(',')}`;
    let found = this.byKey.get(key);
    if (!found) {
      if (this.byKey.size >= this.capacity) this.byKey.clear();
      found = specialtyRings(mentee, graph);
      this.byKey.set(key, found);
    }
    return found;
  }
}
