import { describe, expect, it } from '@jest/globals';
import { GrowthArea } from '@preceptor/taxonomy/reference';
import { rankMentors } from '../score-match.js';
import { aMentee, aMentor, assessPair, graph } from '../testing/match-people.js';
import { assessLoad } from './load.js';

function load(activeMenteeCount: number, capacity: number) {
  return assessPair(assessLoad, aMentee(), aMentor({ activeMenteeCount, capacity }));
}

describe('load', () => {
  it('gives 1 to a mentor with every place open', () => {
    expect(load(0, 4).value).toBe(1);
    expect(load(0, 4).detail).toBe('0 of 4 places taken');
  });

  it('falls with each place taken', () => {
    expect(load(1, 4).value).toBe(0.75);
    expect(load(2, 4).value).toBe(0.5);
  });

  it('notes the last open place', () => {
    const found = load(3, 4);
    expect(found.value).toBe(0.25);
    expect(found.caveats).toEqual(['One place left']);
  });

  it('does not call a single unused place the last one', () => {
    expect(load(0, 1).caveats).toEqual([]);
  });

  it('puts the less busy of two otherwise equal mentors first', () => {
    const mentee = aMentee({ goals: [GrowthArea.NETWORKING] });
    const common = { offers: [GrowthArea.NETWORKING], capacity: 4 };
    const busy = aMentor({ ...common, userId: 'a-busy', activeMenteeCount: 3 });
    const free = aMentor({ ...common, userId: 'b-free', activeMenteeCount: 0 });
    expect(rankMentors(mentee, [busy, free], { graph }).map((m) => m.mentorUserId)).toEqual([
      'b-free',
      'a-busy',
    ]);
  });
});
