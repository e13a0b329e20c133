import { describe, expect, it } from '@jest/globals';
import type { MatchMentor } from '../scoring/match-profiles.js';
import { aMentee, aMentor, weekly } from '../scoring/testing/match-people.js';
import { DEFAULT_REFERENCE_DATE } from '../scoring/weekly-time.js';
import type { CandidatePool } from './retrieve-top-matches.js';
import { WeekGrid } from './week-grid.js';

/** Just what the grid reads of a pool: each slot's mentor and stamp. */
function poolOf(mentors: MatchMentor[], stamps: number[]): CandidatePool {
  return {
    slotCount: mentors.length,
    facts: { stamp: stamps } as unknown as CandidatePool['facts'],
    mentor: (slot) => mentors[slot],
  } as CandidatePool;
}

describe('WeekGrid', () => {
  const at = DEFAULT_REFERENCE_DATE;
  const mentee = aMentee({
    timeZone: 'America/New_York',
    availability: weekly(['MONDAY'], '18:00', '19:30'),
  });

  it('bounds the minutes two weeks share by the half hours both touch', () => {
    const mentors = [
      // Right after the mentee's window ends: nothing shared.
      aMentor({ timeZone: 'America/New_York', availability: weekly(['MONDAY'], '19:30', '21:00') }),
      // The mentee's last half hour.
      aMentor({ timeZone: 'America/New_York', availability: weekly(['MONDAY'], '19:00', '20:00') }),
      // The same hour seen from Chicago: 18:00 there is 19:00 in New York.
      aMentor({ timeZone: 'America/Chicago', availability: weekly(['MONDAY'], '17:30', '19:00') }),
    ];
    const grid = new WeekGrid();
    const pool = poolOf(mentors, [1, 2, 3]);
    const cells = grid.menteeCells(mentee, at)!;
    expect(mentors.map((_, slot) => grid.sharedMinutesAtMost(slot, pool, cells, at))).toEqual([
      0, 30, 60,
    ]);
  });

  it('rebuilds a mentor’s week when their stamp changes, not before', () => {
    const mentors = [
      aMentor({ timeZone: 'America/New_York', availability: weekly(['MONDAY'], '18:00', '18:30') }),
    ];
    const stamps = [1];
    const grid = new WeekGrid();
    const pool = poolOf(mentors, stamps);
    const cells = grid.menteeCells(mentee, at)!;
    expect(grid.sharedMinutesAtMost(0, pool, cells, at)).toBe(30);
    mentors[0] = aMentor({
      timeZone: 'America/New_York',
      availability: weekly(['MONDAY'], '18:00', '19:30'),
    });
    expect(grid.sharedMinutesAtMost(0, pool, cells, at)).toBe(30);
    stamps[0] = 2;
    expect(grid.sharedMinutesAtMost(0, pool, cells, at)).toBe(90);
  });
});
