import { describe, expect, it } from '@jest/globals';
import { aMentee, aMentor, assessPair, weekly } from '../testing/match-people.js';
import { assessAvailability } from './availability.js';

const CHICAGO = 'America/Chicago';
/** US clocks moved on 8 March 2026, UK clocks only on 29 March: Chicago is 5 h behind London. */
const MID_MARCH_2026 = new Date(Date.UTC(2026, 2, 16, 12));

describe('availability', () => {
  describe('both gave weekly windows', () => {
    it('gives 1 from two shared hours a week, naming when in the mentee’s time', () => {
      const found = assessPair(
        assessAvailability,
        aMentee({ availability: weekly('weekdays', '18:00', '20:00') }),
        aMentor({ availability: weekly(['TUESDAY', 'THURSDAY'], '19:00', '21:00') }),
      );
      expect(found.value).toBe(1);
      expect(found.reasons).toEqual(['Weekday evenings overlap, 2 h a week']);
      expect(found.caveats).toEqual([]);
      expect(found.detail).toBe('2 h a week in common');
    });

    it('scales below two hours and says so', () => {
      const found = assessPair(
        assessAvailability,
        aMentee({ availability: weekly(['SATURDAY'], '09:00', '12:00') }),
        aMentor({ availability: weekly(['SATURDAY'], '11:00', '13:00') }),
      );
      expect(found.value).toBe(0.5);
      expect(found.reasons).toEqual([]);
      expect(found.caveats).toEqual(['Only weekend mornings overlap, 1 h a week']);
    });

    it('gives 0 when the windows never meet', () => {
      const found = assessPair(
        assessAvailability,
        aMentee({ availability: weekly('weekdays', '07:00', '08:00') }),
        aMentor({ availability: weekly('weekdays', '19:00', '20:00') }),
      );
      expect(found.value).toBe(0);
      expect(found.caveats).toEqual(['No time in common in your weekly availability']);
    });

    it('compares across time zones in UTC', () => {
      // 18:00–20:00 in Chicago is 19:00–21:00 in New York.
      const found = assessPair(
        assessAvailability,
        aMentee({ timeZone: CHICAGO, availability: weekly(['MONDAY'], '18:00', '20:00') }),
        aMentor({
          timeZone: 'America/New_York',
          availability: weekly(['MONDAY'], '19:00', '21:00'),
        }),
      );
      expect(found.value).toBe(1);
      expect(found.reasons).toEqual(['Weekday evenings (your time) overlap, 2 h a week']);
    });

    it('finds the overlap across the end of the week', () => {
      // Sunday 18:00–20:00 in Chicago (UTC−6 in January) is Monday 00:00–02:00 in London.
      const found = assessPair(
        assessAvailability,
        aMentee({ timeZone: CHICAGO, availability: weekly(['SUNDAY'], '18:00', '20:00') }),
        aMentor({ timeZone: 'Europe/London', availability: weekly(['MONDAY'], '00:00', '02:00') }),
      );
      expect(found.detail).toBe('2 h a week in common');
      expect(found.reasons).toEqual(['Weekend evenings (your time) overlap, 2 h a week']);
      expect(found.caveats).toEqual(['6 hours apart']);
    });

    it('wraps the other way from a zone ahead of UTC', () => {
      // Monday 08:00–10:00 in Auckland (UTC+13 in January) is Sunday 19:00–21:00 UTC.
      const found = assessPair(
        assessAvailability,
        aMentee({ timeZone: 'UTC', availability: weekly(['SUNDAY'], '19:00', '21:00') }),
        aMentor({
          timeZone: 'Pacific/Auckland',
          availability: weekly(['MONDAY'], '08:00', '10:00'),
        }),
      );
      expect(found.detail).toBe('2 h a week in common');
      expect(found.caveats).toEqual(['11 hours apart']);
    });

    it('follows daylight saving at the reference date (Chicago vs London)', () => {
      // Chicago lunch 12:00–13:00 against London 17:00–18:00.
      const mentee = aMentee({
        timeZone: CHICAGO,
        availability: weekly('weekdays', '12:00', '13:00'),
      });
      const mentor = aMentor({
        timeZone: 'Europe/London',
        availability: weekly('weekdays', '17:00', '18:00'),
      });
      const january = assessPair(assessAvailability, mentee, mentor);
      expect(january.value).toBe(0); // 18:00 UTC vs 17:00 UTC
      expect(january.caveats).toContain('6 hours apart');
      const march = assessPair(assessAvailability, mentee, mentor, MID_MARCH_2026);
      expect(march.value).toBe(1); // both 17:00 UTC
      expect(march.detail).toBe('5 h a week in common');
      expect(march.caveats).toEqual(['5 hours apart']);
    });

    it('does not warn about distance under five hours', () => {
      const found = assessPair(
        assessAvailability,
        aMentee({ timeZone: CHICAGO }),
        aMentor({ timeZone: 'America/Los_Angeles' }),
      );
      expect(found.caveats.filter((caveat) => caveat.endsWith('apart'))).toEqual([]);
    });

    it('trusts windows over a shift pattern', () => {
      const found = assessPair(
        assessAvailability,
        aMentee({ availability: weekly('weekdays', '18:00', '20:00') }),
        aMentor({ shiftPattern: 'NIGHTS', availability: weekly('weekdays', '18:00', '20:00') }),
      );
      expect(found.value).toBe(1);
    });
  });

  describe('nothing to go on', () => {
    it('is neutral when neither side gave availability', () => {
      const found = assessPair(assessAvailability, aMentee(), aMentor());
      expect(found.value).toBe(0.5);
      expect(found.detail).toBe('No availability given');
      expect(found.caveats).toEqual(['Has not given availability']);
    });

    it('is neutral without a caveat about the mentor when only the mentee gave none', () => {
      const found = assessPair(
        assessAvailability,
        aMentee(),
        aMentor({ availability: weekly('weekdays', '18:00', '20:00') }),
      );
      expect(found.value).toBe(0.5);
      expect(found.caveats).toEqual([]);
    });

    it('learns nothing from rotating shifts', () => {
      const found = assessPair(
        assessAvailability,
        aMentee({ availability: weekly('weekdays', '08:00', '10:00') }),
        aMentor({ shiftPattern: 'ROTATING' }),
      );
      expect(found.value).toBe(0.5);
    });

    it('is neutral for a time zone the runtime does not know', () => {
      const found = assessPair(
        assessAvailability,
        aMentee({
          timeZone: 'Mars/Olympus_Mons',
          availability: weekly('weekdays', '08:00', '10:00'),
        }),
        aMentor({ availability: weekly('weekdays', '08:00', '10:00') }),
      );
      expect(found.value).toBe(0.5);
    });
  });

  describe('a side without windows, guessed from its shift pattern', () => {
    it('warns that a night-shift mentor and weekday mornings do not meet', () => {
      const found = assessPair(
        assessAvailability,
        aMentee({ availability: weekly('weekdays', '08:00', '10:00') }),
        aMentor({ shiftPattern: 'NIGHTS' }),
      );
      expect(found.value).toBeCloseTo(0.2);
      expect(found.caveats).toEqual(['Works nights; you meet weekday mornings']);
      expect(found.detail).toBe('Estimated from shift patterns: 0 min a week');
    });

    it('warns from the mentee’s shift the other way round', () => {
      const found = assessPair(
        assessAvailability,
        aMentee({ shiftPattern: 'NIGHTS' }),
        aMentor({ availability: weekly('weekdays', '08:00', '10:00') }),
      );
      expect(found.caveats).toEqual(['Meets weekday mornings; you work nights']);
    });

    it('compares two shift patterns when neither gave windows', () => {
      // Evening workers are free late mornings, night workers late afternoons.
      const found = assessPair(
        assessAvailability,
        aMentee({ shiftPattern: 'EVENINGS' }),
        aMentor({ shiftPattern: 'NIGHTS' }),
      );
      expect(found.value).toBeCloseTo(0.2);
      expect(found.caveats).toEqual(['Works nights; you work evenings']);
    });

    it('finds weekend mornings for a day worker and an evening worker', () => {
      const found = assessPair(
        assessAvailability,
        aMentee({ shiftPattern: 'DAYS' }),
        aMentor({ shiftPattern: 'EVENINGS' }),
      );
      expect(found.value).toBeCloseTo(0.8);
      expect(found.caveats).toEqual([]);
    });

    it('rises no higher than 0.8 on a good guess', () => {
      const found = assessPair(
        assessAvailability,
        aMentee({ availability: weekly('weekdays', '18:00', '20:00') }),
        aMentor({ shiftPattern: 'FLEXIBLE' }),
      );
      expect(found.value).toBeCloseTo(0.8);
      expect(found.caveats).toEqual([]);
    });
  });

  describe('weeks kept between calls', () => {
    it('answers each mentee by their own zone and pattern when they share one list of windows', () => {
      const windows = weekly('weekdays', '18:00', '20:00');
      const mentor = aMentor({ availability: weekly('weekdays', '18:00', '20:00') });
      const here = assessPair(assessAvailability, aMentee({ availability: windows }), mentor);
      const away = assessPair(
        assessAvailability,
        aMentee({ availability: windows, timeZone: 'Asia/Tokyo' }),
        mentor,
      );
      expect(here.value).toBe(1);
      expect(away.value).toBe(0);
      expect(assessPair(assessAvailability, aMentee({ availability: windows }), mentor)).toEqual(
        here,
      );

      const none: never[] = [];
      const nights = assessPair(
        assessAvailability,
        aMentee({ availability: none, shiftPattern: 'NIGHTS' }),
        aMentor({ shiftPattern: 'EVENINGS' }),
      );
      const days = assessPair(
        assessAvailability,
        aMentee({ availability: none, shiftPattern: 'DAYS' }),
        aMentor({ shiftPattern: 'EVENINGS' }),
      );
      expect(nights.caveats).toEqual(['Works evenings; you work nights']);
      expect(days.value).toBeCloseTo(0.8);
    });
  });
});
