import { describe, expect, it } from '@jest/globals';
import { seededRandom } from '@preceptor/core/random';
import { utcWeek } from '../scoring/criteria/availability.js';
import { WEEKDAYS, type MatchMentor, type ShiftPattern } from '../scoring/match-profiles.js';
import { aMentee, aMentor, weekly } from '../scoring/testing/match-people.js';
import { DEFAULT_REFERENCE_DATE } from '../scoring/weekly-time.js';
import {
  WEEK_GRID_MINUTES,
  WEEK_SOURCE_STEP,
  WEEK_SOURCES,
  WeekGrid,
  type WeekSlots,
} from './week-grid.js';

/** Each slot's mentor and stamp. */
function poolOf(mentors: MatchMentor[], stamps: number[]): WeekSlots {
  return { slotCount: mentors.length, facts: { stamp: stamps }, week: (slot) => mentors[slot] };
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

  it('gives, for many slots at once, what it gives for each, with where each week comes from', () => {
    const mentors = [
      aMentor({ timeZone: 'America/New_York', availability: weekly(['MONDAY'], '17:00', '19:00') }),
      aMentor({ timeZone: 'Europe/London', availability: [], shiftPattern: 'NIGHTS' }),
      aMentor({ timeZone: 'Asia/Tokyo', availability: [], shiftPattern: null }),
      aMentor({ timeZone: 'America/Chicago', availability: weekly(['MONDAY'], '17:30', '19:00') }),
    ];
    const pool = poolOf(mentors, [5, 6, 7, 8]);
    const batch = new WeekGrid();
    const cells = batch.menteeCells(mentee, at)!;
    const codes = new Uint16Array(4);
    batch.sharedCellsOf(Int32Array.from([3, 0, 2, 1]), 4, pool, cells, at, codes);

    const single = new WeekGrid();
    const expected = [3, 0, 2, 1].map((slot) => {
      const minutes = single.sharedMinutesAtMost(slot, pool, cells, at);
      return single.sourceOf(slot) * WEEK_SOURCE_STEP + minutes / WEEK_GRID_MINUTES;
    });
    expect([...codes]).toEqual(expected);
    expect([3, 0, 2, 1].map((slot) => WEEK_SOURCES[batch.sourceOf(slot)])).toEqual([
      'windows',
      'windows',
      null,
      'shift',
    ]);
    expect(expected.slice(0, 2).map((code) => code % WEEK_SOURCE_STEP)).toEqual([2, 2]);
  });

  it('warms slots ahead of requests, and rebuilds only those that changed since', () => {
    const mentors = [
      aMentor({ timeZone: 'America/New_York', availability: weekly(['MONDAY'], '18:00', '19:00') }),
      aMentor({ timeZone: 'America/New_York', availability: weekly(['MONDAY'], '18:30', '19:30') }),
      aMentor({ timeZone: 'America/New_York', availability: weekly(['MONDAY'], '19:00', '20:00') }),
    ];
    const stamps = [1, 2, 0]; // the last slot holds no card
    const built: number[] = [];
    const pool: WeekSlots = {
      slotCount: 3,
      facts: { stamp: stamps },
      week: (slot) => {
        built.push(slot);
        return mentors[slot];
      },
    };
    const grid = new WeekGrid();
    grid.warm(pool, at, 0, 10);
    expect(built).toEqual([0, 1]);
    const cells = grid.menteeCells(mentee, at)!;
    expect([0, 1].map((slot) => grid.sharedMinutesAtMost(slot, pool, cells, at))).toEqual([60, 60]);
    expect(built).toEqual([0, 1]);
    stamps[1] = 3;
    grid.warm(pool, at, 1, 2);
    expect(built).toEqual([0, 1, 1]);
  });

  it('counts exactly the half hours both weeks touch, for any windows, zones and shifts', () => {
    const random = seededRandom(20261202);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const zones = [
      'UTC',
      'America/New_York',
      'Asia/Kathmandu', // +5:45: off the half hours
      'Asia/Kolkata',
      'Australia/Adelaide',
      'Pacific/Chatham',
      'Not/AZone',
    ];
    const shifts: (ShiftPattern | null)[] = [null, 'DAYS', 'NIGHTS', 'EVENINGS', 'ROTATING'];
    // Up to twelve windows (more ranges than a record holds), on and off the half hours.
    const person = () => ({
      timeZone: pick(zones),
      shiftPattern: pick(shifts),
      availability: Array.from({ length: Math.floor(random() * 13) }, () => {
        const startMinute = Math.floor(random() * 1400);
        const step = random() < 0.5 ? 30 : 1;
        const length = step * (1 + Math.floor((random() * 240) / step));
        return {
          day: pick(WEEKDAYS),
          startMinute: startMinute - (startMinute % step),
          endMinute: Math.min(1440, startMinute - (startMinute % step) + length),
        };
      }),
    });
    const halfHours = (week: ReturnType<typeof utcWeek>): Set<number> => {
      const cells = new Set<number>();
      for (const [start, end] of week?.utc ?? []) {
        for (let cell = Math.floor(start / 30); cell * 30 < end && cell < 336; cell += 1) {
          cells.add(cell);
        }
      }
      return cells;
    };
    const mentors = Array.from({ length: 400 }, () => aMentor(person()));
    const pool = poolOf(
      mentors,
      mentors.map((_, slot) => slot + 1),
    );
    const grid = new WeekGrid();
    let apart = 0;
    let shared = 0;
    for (let n = 0; n < 40; n += 1) {
      const someone = aMentee(person());
      const cells = grid.menteeCells(someone, at);
      const theirs = halfHours(utcWeek(someone, at));
      expect(cells === null).toBe(utcWeek(someone, at) === null);
      if (!cells) continue;
      const codes = new Uint16Array(mentors.length);
      grid.sharedCellsOf(Int32Array.from(mentors.keys()), mentors.length, pool, cells, at, codes);
      mentors.forEach((mentor, slot) => {
        const week = utcWeek(mentor, at);
        const both = [...halfHours(week)].filter((cell) => theirs.has(cell)).length;
        const source = WEEK_SOURCES.indexOf(week?.source ?? null);
        expect(codes[slot]).toBe(source * WEEK_SOURCE_STEP + both);
        if (halfHours(week).size > 0 && (week?.utc.length ?? 0) > 6) apart += 1;
        shared += both;
      });
    }
    // The cases that matter were there: weeks kept apart, and half hours shared.
    expect(apart).toBeGreaterThan(100);
    expect(shared).toBeGreaterThan(1000);
  });
});
