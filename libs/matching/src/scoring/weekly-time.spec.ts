import { describe, expect, it } from '@jest/globals';
import {
  clockDistanceMinutes,
  DEFAULT_REFERENCE_DATE,
  describeWeekTime,
  intersectWeeks,
  localWeek,
  localWeekOnce,
  MINUTES_PER_WEEK,
  shiftWeek,
  toUtcWeek,
  totalMinutes,
  utcOffsetMinutes,
} from './weekly-time.js';

const H = 60;
const DAY = 24 * H;

describe('weekly time', () => {
  describe('UTC offsets from Intl', () => {
    it('reads standard time at the default reference date (12 January 2026)', () => {
      expect(utcOffsetMinutes('America/Chicago', DEFAULT_REFERENCE_DATE)).toBe(-6 * H);
      expect(utcOffsetMinutes('Europe/London', DEFAULT_REFERENCE_DATE)).toBe(0);
      expect(utcOffsetMinutes('Australia/Sydney', DEFAULT_REFERENCE_DATE)).toBe(11 * H);
    });

    it('follows each zone’s own daylight-saving dates', () => {
      const midMarch = new Date(Date.UTC(2026, 2, 16, 12));
      const april = new Date(Date.UTC(2026, 3, 6, 12));
      expect(utcOffsetMinutes('America/Chicago', midMarch)).toBe(-5 * H);
      expect(utcOffsetMinutes('Europe/London', midMarch)).toBe(0);
      expect(utcOffsetMinutes('Europe/London', april)).toBe(H);
    });

    it('handles half and quarter hours, UTC itself, and unknown zones', () => {
      expect(utcOffsetMinutes('Asia/Kolkata', DEFAULT_REFERENCE_DATE)).toBe(5 * H + 30);
      expect(utcOffsetMinutes('Asia/Kathmandu', DEFAULT_REFERENCE_DATE)).toBe(5 * H + 45);
      expect(utcOffsetMinutes('UTC', DEFAULT_REFERENCE_DATE)).toBe(0);
      expect(utcOffsetMinutes('Not/AZone', DEFAULT_REFERENCE_DATE)).toBeNull();
    });
  });

  it('turns windows into merged local minutes of the week, dropping empty ones', () => {
    expect(
      localWeek([
        { day: 'TUESDAY', startMinute: 10 * H, endMinute: 11 * H },
        { day: 'MONDAY', startMinute: 9 * H, endMinute: 10 * H },
        { day: 'MONDAY', startMinute: 10 * H, endMinute: 12 * H },
        { day: 'FRIDAY', startMinute: 12 * H, endMinute: 12 * H },
      ]),
    ).toEqual([
      [9 * H, 12 * H],
      [DAY + 10 * H, DAY + 11 * H],
    ]);
  });

  it('remembers a list of windows read again, and not one read once', () => {
    const readOnce = [{ day: 'MONDAY', startMinute: 9 * H, endMinute: 10 * H }] as const;
    const once = localWeekOnce(readOnce);
    expect(once).toEqual([[9 * H, 10 * H]]);
    // Not remembered: the next read builds it again, and so does localWeek's first.
    expect(localWeekOnce(readOnce)).not.toBe(once);
    const remembered = localWeek(readOnce);
    expect(remembered).not.toBe(once);
    expect(remembered).toEqual(once);
    // Once remembered, both give the remembered week.
    expect(localWeek(readOnce)).toBe(remembered);
    expect(localWeekOnce(readOnce)).toBe(remembered);
  });

  it('splits an interval that crosses the end of the week', () => {
    // Sunday 22:00–24:00 local at UTC−6 is Monday 04:00–06:00 UTC; at UTC+1 Sunday 21:00–23:00.
    const sundayLate = localWeek([{ day: 'SUNDAY', startMinute: 22 * H, endMinute: DAY }]);
    expect(toUtcWeek(sundayLate, -6 * H)).toEqual([[4 * H, 6 * H]]);
    expect(shiftWeek([[MINUTES_PER_WEEK - H, MINUTES_PER_WEEK]], 30)).toEqual([
      [0, 30],
      [MINUTES_PER_WEEK - 30, MINUTES_PER_WEEK],
    ]);
  });

  it('intersects and totals', () => {
    const a = [
      [0, 100],
      [200, 300],
    ] as const;
    const b = [[50, 250]] as const;
    expect(intersectWeeks(a, b)).toEqual([
      [50, 100],
      [200, 250],
    ]);
    expect(totalMinutes(intersectWeeks(a, b))).toBe(100);
    expect(intersectWeeks(a, [])).toEqual([]);
  });

  it('names the part of the week most time falls in', () => {
    expect(
      describeWeekTime(localWeek([{ day: 'WEDNESDAY', startMinute: 18 * H, endMinute: 20 * H }])),
    ).toBe('weekday evenings');
    expect(
      describeWeekTime(localWeek([{ day: 'SATURDAY', startMinute: 8 * H, endMinute: 13 * H }])),
    ).toBe('weekend mornings');
    expect(
      describeWeekTime(localWeek([{ day: 'MONDAY', startMinute: 22 * H, endMinute: DAY }])),
    ).toBe('weekday nights');
  });

  it('measures clock distance the short way round', () => {
    expect(clockDistanceMinutes(-6 * H, 0)).toBe(6 * H);
    expect(clockDistanceMinutes(14 * H, -10 * H)).toBe(0); // Kiritimati and Honolulu
    expect(clockDistanceMinutes(13 * H, -5 * H)).toBe(6 * H);
  });
});
