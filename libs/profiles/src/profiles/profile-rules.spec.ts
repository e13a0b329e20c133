import { describe, expect, it } from '@jest/globals';
import { Weekday } from './profile-enums.js';
import {
  completeness,
  formatMinutes,
  parseAvailability,
  type CompletenessFacts,
} from './profile-rules.js';

describe('parseAvailability', () => {
  const window = (day: Weekday, startTime: string, endTime: string) => ({
    day,
    startTime,
    endTime,
  });

  it('converts times to minutes from midnight', () => {
    const { windows, problems } = parseAvailability([window(Weekday.MONDAY, '18:30', '24:00')]);
    expect(problems).toEqual([]);
    expect(windows).toEqual([{ day: Weekday.MONDAY, startMinute: 1110, endMinute: 1440 }]);
  });

  it('accepts back-to-back windows and the same hours on different days', () => {
    const { problems } = parseAvailability([
      window(Weekday.MONDAY, '08:00', '09:00'),
      window(Weekday.MONDAY, '09:00', '10:00'),
      window(Weekday.TUESDAY, '08:30', '09:30'),
    ]);
    expect(problems).toEqual([]);
  });

  it('refuses a window that ends before it starts, pointing at it', () => {
    const { problems } = parseAvailability([
      window(Weekday.MONDAY, '08:00', '09:00'),
      window(Weekday.FRIDAY, '23:00', '01:00'),
    ]);
    expect(problems).toEqual([
      {
        field: 'availability[1]',
        message: expect.stringMatching(/crosses midnight/) as unknown as string,
      },
    ]);
  });

  it('refuses an empty window', () => {
    expect(parseAvailability([window(Weekday.SUNDAY, '10:00', '10:00')]).problems).toHaveLength(1);
  });

  it('refuses overlapping windows on one day, naming them', () => {
    const { problems } = parseAvailability([
      window(Weekday.WEDNESDAY, '19:00', '21:00'),
      window(Weekday.WEDNESDAY, '18:00', '19:30'),
    ]);
    expect(problems).toEqual([
      {
        field: 'availability',
        message: 'windows on WEDNESDAY overlap (18:00–19:30 and 19:00–21:00)',
      },
    ]);
  });
});

describe('formatMinutes', () => {
  it.each([
    [0, '00:00'],
    [545, '09:05'],
    [1440, '24:00'],
  ])('formats %i as %s', (total, text) => expect(formatMinutes(total)).toBe(text));
});

describe('completeness', () => {
  const bare: CompletenessFacts = {
    headline: null,
    bio: null,
    yearsOfExperience: null,
    country: null,
    region: null,
    city: null,
    meetingFormats: [],
    availability: [],
    shiftPattern: null,
    isMentor: false,
    mentorOffers: [],
    isMentee: false,
    menteeGoals: [],
    menteeTargetSpecialtyId: null,
  };
  const full: CompletenessFacts = {
    ...bare,
    headline: 'h',
    bio: 'b',
    yearsOfExperience: 3,
    country: 'US',
    city: 'Tulsa',
    meetingFormats: ['VIRTUAL'],
    availability: [{}],
    shiftPattern: 'DAYS',
  };

  it('counts the required fields for a bare profile', () => {
    const result = completeness(bare);
    expect(result.percent).toBe(27); // 4 of 15 weighted points: track, stage, specialties, time zone
    expect(result.missing[0]).toBe('bio');
  });

  it('is 100% with nothing missing when everything is filled', () => {
    expect(completeness(full)).toEqual({ percent: 100, missing: [] });
  });

  it('asks a mentor for what they offer first', () => {
    expect(completeness({ ...full, isMentor: true }).missing).toEqual(['mentor.offers']);
    expect(completeness({ ...full, isMentor: true, mentorOffers: ['NETWORKING'] }).percent).toBe(
      100,
    );
  });

  it('asks a mentee for goals, then a target specialty', () => {
    expect(completeness({ ...full, isMentee: true }).missing).toEqual([
      'mentee.goals',
      'mentee.targetSpecialtySlug',
    ]);
  });

  it('accepts a region in place of a city', () => {
    expect(completeness({ ...full, city: null, region: 'OK' }).missing).toEqual([]);
  });
});
