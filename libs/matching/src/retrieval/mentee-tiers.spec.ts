import { describe, expect, it } from '@jest/globals';
import { specialtyCeiling } from '../scoring/retrieval-bound.js';
import type { MatchMentee, MatchMentor } from '../scoring/match-profiles.js';
import { parseMatchWeights } from '../scoring/match-weights.js';
import { scoreMatch } from '../scoring/score-match.js';
import { aMentee, aMentor, graph, specialtyId } from '../scoring/testing/match-people.js';
import { RandomPeople } from '../scoring/testing/random-people.js';
import { menteeTiers, type MenteeTier } from './mentee-tiers.js';

/** What the SQL tier predicate says: a chosen or target id in the tier, or none chosen when it takes those. */
function holds(tier: MenteeTier, mentee: MatchMentee): boolean {
  if (tier.specialtyIds === null) return true;
  const ids = [
    ...mentee.specialtyIds,
    ...(mentee.targetSpecialtyId === null ? [] : [mentee.targetSpecialtyId]),
  ];
  if (ids.length === 0) return tier.unknown;
  return ids.some((id) => tier.specialtyIds!.includes(id));
}

/** A specialty close to `id`: itself, its parent, a child or a sibling. */
function relativeOf(people: RandomPeople, id: number): number {
  const node = graph.node(id)!;
  const children = [...graph.nodes()].filter((other) => other.parentId === id).map((n) => n.id);
  const siblings = [...graph.nodes()]
    .filter((other) => node.parentId !== null && other.parentId === node.parentId)
    .map((other) => other.id);
  const choices = [
    id,
    ...(node.parentId === null ? [] : [node.parentId]),
    ...children,
    ...siblings,
  ];
  return people.pick(choices);
}

describe('menteeTiers', () => {
  it('puts the same specialty first, then its parent and children, and everyone last', () => {
    const mentor = aMentor({ specialties: ['medical-surgical-nursing'] });
    const tiers = menteeTiers(mentor, graph);
    expect(tiers.map((tier) => tier.specialty)).toEqual([
      'SAME',
      'PARENT_OR_CHILD',
      'NEARBY',
      'SAME_TRACK',
      'NONE',
    ]);
    expect(tiers[0].specialtyIds).toEqual(mentor.specialtyIds);
    expect(tiers[1].specialtyIds).toContain(graph.node(mentor.specialtyIds[0])!.parentId);
    expect(tiers[4].specialtyIds).toBeNull();
    // Each tier holds the ones before it.
    for (let t = 1; t < 4; t += 1) {
      expect(tiers[t].specialtyIds).toEqual(
        expect.arrayContaining([...tiers[t - 1].specialtyIds!]),
      );
    }
  });

  it('takes mentees with no specialty from the tier whose proximity is worth what theirs is', () => {
    const tiers = menteeTiers(aMentor(), graph);
    expect(tiers.map((tier) => tier.unknown)).toEqual([false, false, true, true, true]);
  });

  it('gives a mentor with no specialty only the last tiers', () => {
    const tiers = menteeTiers({ specialtyIds: [] }, graph);
    expect(tiers.slice(0, 4).every((tier) => tier.specialtyIds!.length === 0)).toBe(true);
  });

  // The invariant the scan relies on: no mentee outside the tiers scanned so far can score
  // above the next tier's ceiling. Random pairs, half of them with specialties close together.
  it.each([
    ['default weights', undefined],
    ['specialty-heavy weights', parseMatchWeights({ specialty: 60, goals: 10 })],
  ])(
    'never lets a mentee score above the ceiling of the first tier holding them (%s)',
    (_, weights) => {
      const people = new RandomPeople(7);
      const options = { graph, ...(weights && { weights }) };
      let checked = 0;
      const firstTiers = new Set<string>();
      for (let m = 0; m < 60; m += 1) {
        const mentor: MatchMentor = { ...people.mentor(), accepting: true, activeMenteeCount: 0 };
        const tiers = menteeTiers(mentor, graph);
        for (let e = 0; e < 60; e += 1) {
          let mentee = people.mentee();
          if (mentor.specialtyIds.length > 0 && people.int(2) === 0) {
            mentee = { ...mentee, specialtyIds: [relativeOf(people, mentor.specialtyIds[0])] };
          }
          const first = tiers.find((tier) => holds(tier, mentee))!;
          firstTiers.add(first.specialty);
          const result = scoreMatch(mentee, mentor, options);
          expect(result.score).toBeLessThanOrEqual(specialtyCeiling(first.specialty, weights));
          checked += 1;
        }
      }
      expect(checked).toBe(3600);
      expect(firstTiers.size).toBe(5);
    },
  );

  it('ceilings fall tier by tier and the first is a perfect score', () => {
    const ceilings = menteeTiers(aMentor(), graph).map((tier) => specialtyCeiling(tier.specialty));
    expect(ceilings[0]).toBe(100);
    for (let t = 1; t < ceilings.length; t += 1) expect(ceilings[t]).toBeLessThan(ceilings[t - 1]);
  });

  it('holds a mentee whose target is the mentor’s specialty in the first tier', () => {
    const mentor = aMentor();
    const mentee = aMentee({ specialties: [], target: 'medical-surgical-nursing' });
    expect(mentee.targetSpecialtyId).toBe(specialtyId('medical-surgical-nursing'));
    expect(holds(menteeTiers(mentor, graph)[0], mentee)).toBe(true);
  });
});
