import { describe, expect, it } from '@jest/globals';
import { GrowthArea } from '@preceptor/taxonomy/reference';
import { goalsMet } from '../scoring/criteria/goals.js';
import { menteeCeiling } from '../scoring/retrieval-bound.js';
import type { MatchMentee, MatchMentor } from '../scoring/match-profiles.js';
import { parseMatchWeights } from '../scoring/match-weights.js';
import { scoreMatch } from '../scoring/score-match.js';
import { aMentee, aMentor, graph, specialtyId } from '../scoring/testing/match-people.js';
import { RandomPeople } from '../scoring/testing/random-people.js';
import {
  GOALS_REACH_VALUE,
  goalsReachOf,
  menteeScans,
  menteeTiers,
  type MenteeScan,
  type MenteeTier,
} from './mentee-tiers.js';

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

  // The invariant the scan relies on: no mentee outside the scans done so far can score above
  // the next scan's ceiling. Random pairs, half of them with specialties close together and a
  // third with the mentor offering exactly one of the mentee's goals.
  it.each([
    ['default weights', undefined],
    ['specialty-heavy weights', parseMatchWeights({ specialty: 60, goals: 10 })],
    ['goals-heavy weights', parseMatchWeights({ goals: 80 })],
  ])(
    'never lets a mentee score above the ceiling of the first scan holding them (%s)',
    (_, weights) => {
      const people = new RandomPeople(7);
      const options = { graph, ...(weights && { weights }) };
      let checked = 0;
      const firstScans = new Set<string>();
      for (let m = 0; m < 60; m += 1) {
        let mentor: MatchMentor = { ...people.mentor(), accepting: true, activeMenteeCount: 0 };
        for (let e = 0; e < 60; e += 1) {
          let mentee = people.mentee();
          if (mentor.specialtyIds.length > 0 && people.int(2) === 0) {
            mentee = { ...mentee, specialtyIds: [relativeOf(people, mentor.specialtyIds[0])] };
          }
          if (mentee.goals.length > 0 && people.int(3) === 0) {
            mentor = { ...mentor, offers: [people.pick(mentee.goals)] };
          }
          const first = firstScanHolding(menteeScans(mentor, graph, weights), mentee, mentor);
          firstScans.add(`${first.tier.specialty} ${first.goals}`);
          const result = scoreMatch(mentee, mentor, options);
          expect(result.score).toBeLessThanOrEqual(first.ceiling);
          checked += 1;
        }
      }
      expect(checked).toBe(3600);
      // Every reach, and every tier within the first reach, is met.
      expect([...firstScans].filter((scan) => scan.endsWith(' TOP'))).toHaveLength(5);
      expect([...firstScans].some((scan) => scan.endsWith(' OTHER'))).toBe(true);
      expect([...firstScans].some((scan) => scan.endsWith(' NONE'))).toBe(true);
    },
  );

  it('orders scans by ceiling, each tier after the one it leaves out', () => {
    const scans = menteeScans(aMentor(), graph);
    expect(scans).toHaveLength(15);
    expect(scans[0]).toMatchObject({ goals: 'TOP', ceiling: 100 });
    for (let s = 1; s < scans.length; s += 1) {
      expect(scans[s].ceiling).toBeLessThanOrEqual(scans[s - 1].ceiling);
    }
    // The tier a scan leaves out was scanned before it, in the same reach.
    const orphans = scans.filter(
      ({ previous, goals }, s) =>
        previous !== undefined &&
        !scans.slice(0, s).some((scan) => scan.tier === previous && scan.goals === goals),
    );
    expect(orphans).toEqual([]);
    expect(scans.filter((scan) => scan.previous === undefined)).toHaveLength(3);
    // Goals outweigh specialty by default: every TOP scan before any NONE scan.
    expect(scans.findIndex((scan) => scan.goals === 'NONE')).toBeGreaterThan(
      scans.findLastIndex((scan) => scan.goals === 'TOP'),
    );
  });

  it('caps the goals at what each reach can be worth, and the caps are reached', () => {
    const areas = Object.values(GrowthArea);
    const people = new RandomPeople(11);
    const highest = { TOP: 0, OTHER: 0, NONE: 0 };
    for (let i = 0; i < 4000; i += 1) {
      // Any ranking of 1–8 goals against any set of offers.
      const goals = [...areas].sort(() => people.int(3) - 1).slice(0, 1 + people.int(areas.length));
      const offers = areas.filter(() => people.int(2) === 0);
      const reach = goalsReachOf({ goals }, offers);
      const { value } = goalsMet(goals, offers);
      expect(value).toBeLessThanOrEqual(GOALS_REACH_VALUE[reach] + 1e-12);
      highest[reach] = Math.max(highest[reach], value);
    }
    expect(highest.TOP).toBe(1);
    expect(highest.NONE).toBe(0);
    // Every growth area ranked and all but the top offered: OTHER's cap itself.
    expect(goalsMet(areas, areas.slice(1)).value).toBeCloseTo(GOALS_REACH_VALUE.OTHER, 12);
  });

  it('reaches a mentee by their top goal, another goal, or none', () => {
    const mentee = aMentee({
      goals: [GrowthArea.LEADERSHIP_MANAGEMENT, GrowthArea.NETWORKING, GrowthArea.TECHNOLOGY],
    });
    expect(goalsReachOf(mentee, [GrowthArea.LEADERSHIP_MANAGEMENT])).toBe('TOP');
    expect(goalsReachOf(mentee, [GrowthArea.TECHNOLOGY])).toBe('OTHER');
    expect(goalsReachOf(mentee, [GrowthArea.SPECIALIZATION])).toBe('NONE');
    expect(goalsReachOf(mentee, [])).toBe('NONE');
    expect(goalsReachOf(aMentee({ goals: [] }), [])).toBe('TOP');
    // Every growth area ranked, all but the top offered: the most OTHER can be worth.
    expect(GOALS_REACH_VALUE.OTHER).toBeCloseTo(7 / 9);
  });

  it('ceilings fall tier by tier and the first is a perfect score', () => {
    const ceilings = menteeTiers(aMentor(), graph).map((tier) => menteeCeiling(tier.specialty));
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

/** The first scan whose SQL would return this mentee: in the tier and in the reach. */
function firstScanHolding(
  scans: readonly MenteeScan[],
  mentee: MatchMentee,
  mentor: MatchMentor,
): MenteeScan {
  const reach = goalsReachOf(mentee, mentor.offers);
  return scans.find((scan) => scan.goals === reach && holds(scan.tier, mentee))!;
}
