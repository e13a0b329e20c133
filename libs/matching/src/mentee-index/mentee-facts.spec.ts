import { describe, expect, it } from '@jest/globals';
import { CareerStage, GrowthArea, Track } from '@preceptor/taxonomy/reference';
import {
  MenteeFacts,
  packGoals,
  STANDINGS,
  unpackGoals,
  type MenteeFactValues,
} from './mentee-facts.js';

const uuid = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

function aMentee(n: number, overrides: Partial<MenteeFactValues> = {}): MenteeFactValues {
  return {
    userId: uuid(n),
    careerStage: CareerStage.EARLY_CAREER,
    track: Track.NURSING,
    specialtyIds: [3, 7],
    targetSpecialtyId: 12,
    goals: [GrowthArea.LEADERSHIP_MANAGEMENT, GrowthArea.NETWORKING],
    languages: ['en', 'es'],
    meetingFormats: ['VIRTUAL'],
    ...overrides,
  };
}

describe('MenteeFacts', () => {
  it('gives back what it was given', () => {
    const facts = new MenteeFacts();
    facts.upsert(aMentee(1));
    const slot = facts.slotOf(uuid(1));
    expect(facts.valuesOf(slot)).toEqual(aMentee(1));
    expect(facts.count).toBe(1);
  });

  it('replaces a mentee in place and forgets what they dropped', () => {
    const facts = new MenteeFacts();
    facts.upsert(aMentee(1));
    const slot = facts.slotOf(uuid(1));
    const changed = aMentee(1, {
      careerStage: CareerStage.SENIOR,
      specialtyIds: [4],
      targetSpecialtyId: null,
      goals: [GrowthArea.TECHNOLOGY],
      languages: ['fr'],
      meetingFormats: [],
    });
    facts.upsert(changed);
    expect(facts.slotOf(uuid(1))).toBe(slot);
    expect(facts.valuesOf(slot)).toEqual(changed);
    expect(facts.count).toBe(1);
  });

  it('frees the slot of a removed mentee for the next one', () => {
    const facts = new MenteeFacts();
    facts.upsert(aMentee(1));
    facts.upsert(aMentee(2));
    const freed = facts.slotOf(uuid(1));
    facts.remove(uuid(1));
    facts.remove(uuid(9));
    expect(facts.slotOf(uuid(1))).toBe(-1);
    expect(facts.isLive(freed)).toBe(false);
    expect(facts.count).toBe(1);
    facts.upsert(aMentee(3));
    expect(facts.slotOf(uuid(3))).toBe(freed);
    expect(facts.slotCount).toBe(2);
  });

  it('grows past its first capacity and keeps every mentee findable', () => {
    const facts = new MenteeFacts();
    for (let n = 1; n <= 3000; n += 1) {
      facts.upsert(aMentee(n, { specialtyIds: [(n % 200) + 1], targetSpecialtyId: null }));
    }
    expect(facts.count).toBe(3000);
    for (const n of [1, 1024, 1025, 2999, 3000]) {
      const values = facts.valuesOf(facts.slotOf(uuid(n)));
      expect(values.userId).toBe(uuid(n));
      expect(values.specialtyIds).toEqual([(n % 200) + 1]);
    }
  });

  it('lists every live mentee under their stage and track, through moves and removals', () => {
    const facts = new MenteeFacts();
    const stages = Object.values(CareerStage);
    const tracks = [Track.NURSING, Track.PHARMACY, Track.PHYSICIAN];
    const pick = (n: number) => ({
      careerStage: stages[(n * 7) % stages.length],
      track: tracks[(n * 5) % tracks.length],
    });
    for (let n = 1; n <= 2500; n += 1) facts.upsert(aMentee(n, pick(n)));
    // Some change stage or track, some leave, and newcomers take the freed slots.
    for (let n = 1; n <= 2500; n += 3) facts.upsert(aMentee(n, pick(n + 1)));
    for (let n = 2; n <= 2500; n += 7) facts.remove(uuid(n));
    for (let n = 3000; n < 3300; n += 1) facts.upsert(aMentee(n, pick(n)));
    const listed = new Map<number, number>();
    for (let standing = 0; standing < STANDINGS; standing += 1) {
      for (const slot of facts.membersOf(standing)) {
        expect(listed.has(slot)).toBe(false);
        expect(facts.standingOf(slot)).toBe(standing);
        listed.set(slot, standing);
      }
    }
    const live = [...Array(facts.slotCount).keys()].filter((slot) => facts.isLive(slot));
    expect(live.length).toBe(facts.count);
    expect([...listed.keys()].sort((a, b) => a - b)).toEqual(live);
  });

  it('codes languages case-blind, and 0 for one nobody speaks', () => {
    const facts = new MenteeFacts();
    facts.upsert(aMentee(1, { languages: ['EN'] }));
    expect(facts.languageCode('en')).toBeGreaterThan(0);
    expect(facts.languageCode('En')).toBe(facts.languageCode('en'));
    expect(facts.languageCode('de')).toBe(0);
  });

  it('packs ranked goals in order, once each, all eight fitting', () => {
    const all = Object.values(GrowthArea);
    expect(unpackGoals(packGoals(all))).toEqual(all);
    expect(unpackGoals(packGoals([...all].reverse()))).toEqual([...all].reverse());
    expect(unpackGoals(packGoals([GrowthArea.NETWORKING, GrowthArea.NETWORKING]))).toEqual([
      GrowthArea.NETWORKING,
    ]);
    expect(packGoals([])).toBe(0);
    expect(packGoals(all)).toBeLessThan(2 ** 32);
  });
});
