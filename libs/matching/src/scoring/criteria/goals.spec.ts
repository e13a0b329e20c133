import { describe, expect, it } from '@jest/globals';
import { GrowthArea } from '@preceptor/taxonomy/reference';
import { aMentee, aMentor, assessPair } from '../testing/match-people.js';
import { assessGoals } from './goals.js';

const { LEADERSHIP_MANAGEMENT, BURNOUT_WELLBEING, KEEPING_CURRENT, NETWORKING } = GrowthArea;
const threeGoals = aMentee({ goals: [LEADERSHIP_MANAGEMENT, BURNOUT_WELLBEING, KEEPING_CURRENT] });

describe('goals', () => {
  it('counts the top goal most: 3 of 1 + 2 + 3', () => {
    const found = assessPair(assessGoals, threeGoals, aMentor({ offers: [LEADERSHIP_MANAGEMENT] }));
    expect(found.value).toBeCloseTo(3 / 6);
    expect(found.reasons).toEqual(['Offers leadership and management, your top goal']);
    expect(found.caveats).toEqual([]);
    expect(found.detail).toBe('1 of 3 goals offered');
  });

  it('ranks a mentor offering the top goal above one offering the second', () => {
    const top = assessPair(assessGoals, threeGoals, aMentor({ offers: [LEADERSHIP_MANAGEMENT] }));
    const second = assessPair(assessGoals, threeGoals, aMentor({ offers: [BURNOUT_WELLBEING] }));
    expect(top.value).toBeGreaterThan(second.value);
    expect(second.reasons).toEqual(['Offers burnout and wellbeing, your second goal']);
  });

  it('gives 1 when every goal is offered, and lists them with the top one marked', () => {
    const found = assessPair(
      assessGoals,
      threeGoals,
      aMentor({ offers: [KEEPING_CURRENT, NETWORKING, BURNOUT_WELLBEING, LEADERSHIP_MANAGEMENT] }),
    );
    expect(found.value).toBe(1);
    expect(found.reasons).toEqual([
      'Offers all three of your goals: leadership and management (your top goal), burnout and wellbeing, keeping current',
    ]);
  });

  it('says "both" for two goals out of two', () => {
    const mentee = aMentee({ goals: [KEEPING_CURRENT, BURNOUT_WELLBEING] });
    const found = assessPair(
      assessGoals,
      mentee,
      aMentor({ offers: [BURNOUT_WELLBEING, KEEPING_CURRENT] }),
    );
    expect(found.reasons).toEqual([
      'Offers both your goals: keeping current (your top goal), burnout and wellbeing',
    ]);
  });

  it('warns when the top goal is missing even if others are met', () => {
    const found = assessPair(
      assessGoals,
      threeGoals,
      aMentor({ offers: [KEEPING_CURRENT, BURNOUT_WELLBEING] }),
    );
    expect(found.value).toBeCloseTo(3 / 6);
    expect(found.reasons).toEqual([
      'Offers two of your three goals: burnout and wellbeing, keeping current',
    ]);
    expect(found.caveats).toEqual(['Does not offer leadership and management, your top goal']);
  });

  it('gives 0 when the mentor offers other things only', () => {
    const found = assessPair(assessGoals, threeGoals, aMentor({ offers: [NETWORKING] }));
    expect(found.value).toBe(0);
    expect(found.reasons).toEqual([]);
    expect(found.detail).toBe('0 of 3 goals offered');
  });

  it('gives 0 with a caveat when the mentor offers nothing', () => {
    const found = assessPair(assessGoals, threeGoals, aMentor({ offers: [] }));
    expect(found.value).toBe(0);
    expect(found.caveats).toEqual(['Has not said what they offer']);
  });

  it('is neutral when the mentee ranked no goals', () => {
    const found = assessPair(
      assessGoals,
      aMentee({ goals: [] }),
      aMentor({ offers: [NETWORKING] }),
    );
    expect(found.value).toBe(0.5);
    expect(found.detail).toBe('You have not ranked any goals');
    expect(found.caveats).toEqual([]);
  });

  it('counts a repeated goal once, at its first rank', () => {
    const mentee = aMentee({ goals: [NETWORKING, KEEPING_CURRENT, NETWORKING] });
    const found = assessPair(assessGoals, mentee, aMentor({ offers: [NETWORKING] }));
    expect(found.value).toBeCloseTo(2 / 3);
  });

  it('gives a single goal all or nothing', () => {
    const mentee = aMentee({ goals: [NETWORKING] });
    expect(assessPair(assessGoals, mentee, aMentor({ offers: [NETWORKING] })).value).toBe(1);
    expect(assessPair(assessGoals, mentee, aMentor({ offers: [KEEPING_CURRENT] })).value).toBe(0);
  });
});
