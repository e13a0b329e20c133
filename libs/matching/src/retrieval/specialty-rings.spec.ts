import { describe, expect, it } from '@jest/globals';
import { specialtyProximityClass } from '../scoring/criteria/specialty.js';
import type { MatchMentee } from '../scoring/match-profiles.js';
import { SPECIALTY_PROXIMITIES } from '../scoring/specialty-graph.js';
import { aMentee, graph, specialtyId } from '../scoring/testing/match-people.js';
import { RandomPeople } from '../scoring/testing/random-people.js';
import { specialtyRings, type SpecialtyRing } from './specialty-rings.js';

/** A specialty's lineage as the mentor index files it: itself and every ancestor. */
function lineageOf(id: number): number[] {
  const lineage: number[] = [];
  for (let node = graph.node(id); node; node = graph.node(node.parentId ?? -1)) {
    lineage.push(node.id);
  }
  return lineage;
}

/** What the mentor index's select does with a ring's set, for a mentor's chosen specialties. */
function holds(ring: SpecialtyRing, chosen: readonly number[]): boolean {
  if (ring.set === null) return true;
  const { lineageIds, chosenIds } = ring.set;
  return chosen.some(
    (id) =>
      chosenIds.includes(id) || lineageOf(id).some((ancestor) => lineageIds.includes(ancestor)),
  );
}

/** Specialties near the mentee's (parents, children, siblings, grandparents), and any other. */
function nearbyChoices(people: RandomPeople, mentee: MatchMentee): number[] {
  const own = [
    ...mentee.specialtyIds,
    ...(mentee.targetSpecialtyId === null ? [] : [mentee.targetSpecialtyId]),
  ];
  const near = own.flatMap((id) => {
    const node = graph.node(id)!;
    const parent = node.parentId === null ? undefined : graph.node(node.parentId);
    return [
      id,
      ...node.childIds,
      ...(parent ? [parent.id, ...parent.childIds] : []),
      ...(parent?.parentId ? [parent.parentId] : []),
      ...node.childIds.flatMap((child) => graph.node(child)!.childIds),
    ];
  });
  const all = [...graph.nodes()].map((node) => node.id);
  return Array.from({ length: 1 + people.int(3) }, () =>
    near.length > 0 && people.int(3) > 0 ? people.pick(near) : people.pick(all),
  );
}

describe('specialtyRings', () => {
  it('puts every mentor in the ring of their class', () => {
    const people = new RandomPeople(41);
    let checked = 0;
    const classesSeen = new Set<string>();
    for (let m = 0; m < 150; m += 1) {
      const mentee = people.mentee();
      const { rings, classRank } = specialtyRings(mentee, graph);
      for (const node of graph.nodes()) {
        expect(SPECIALTY_PROXIMITIES[classRank[node.id]]).toBe(
          specialtyProximityClass(graph, mentee, [node.id]),
        );
      }
      expect(rings.at(-1)).toEqual({ specialty: 'NONE', set: null });
      // The index files only broad specialties (with narrower ones beneath) as chosen.
      for (const ring of rings) {
        for (const id of ring.set?.chosenIds ?? []) {
          expect(graph.node(id)!.childIds.length).toBeGreaterThan(0);
        }
      }
      for (let i = 0; i < 200; i += 1) {
        const chosen = nearbyChoices(people, mentee);
        const specialty = specialtyProximityClass(graph, mentee, chosen);
        const ring = rings.find((r) => r.specialty === specialty);
        // No ring for a class means no mentor has it.
        expect(ring).toBeDefined();
        expect(holds(ring!, chosen)).toBe(true);
        classesSeen.add(specialty);
        checked += 1;
      }
    }
    expect(checked).toBe(30_000);
    expect([...classesSeen].sort()).toEqual([...SPECIALTY_PROXIMITIES].sort());
  });

  it('reads a broad parent by who chose it, not by everyone beneath it', () => {
    const mentee = aMentee({ specialties: ['critical-care-nursing'], target: null });
    const { rings } = specialtyRings(mentee, graph);
    const ring = (specialty: string) => rings.find((r) => r.specialty === specialty)!;
    const parent = specialtyId('registered-nursing');
    const sibling = specialtyId('medical-surgical-nursing');

    expect(holds(ring('SAME'), [specialtyId('critical-care-nursing')])).toBe(true);
    expect(holds(ring('SAME'), [sibling])).toBe(false);
    expect(holds(ring('PARENT_OR_CHILD'), [parent])).toBe(true);
    expect(holds(ring('PARENT_OR_CHILD'), [sibling])).toBe(false);
    expect(holds(ring('PARENT_OR_CHILD'), [sibling, parent])).toBe(true);
    expect(holds(ring('NEARBY'), [sibling])).toBe(true);
  });

  it('gives a mentee with no specialty one ring of everyone', () => {
    const mentee = aMentee({ specialties: [], target: null });
    const { rings, classRank } = specialtyRings(mentee, graph);
    expect(rings).toEqual([{ specialty: 'NONE', set: null }]);
    expect(new Set(classRank)).toEqual(new Set([SPECIALTY_PROXIMITIES.indexOf('NONE')]));
  });
});
