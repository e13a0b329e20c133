import { describe, expect, it } from '@jest/globals';
import { MentorCards, type MentorCardRow } from './mentor-cards.js';
import { MeetingFormat, ShiftPattern, Weekday } from '../profiles/profile-enums.js';

const row = (overrides: Partial<MentorCardRow> = {}): MentorCardRow => ({
  track: 'NURSING',
  stage: 'SENIOR',
  specialty_ids: '{12,3}',
  offer: '{LEADERSHIP_MANAGEMENT,NETWORKING}',
  language: '{en,es}',
  format: '{VIRTUAL}',
  country: 'US',
  region: 'US-TX',
  accepting: 'true',
  time_zone: 'America/Chicago',
  shift_pattern: 'NIGHTS',
  availability: [{ day: Weekday.TUESDAY, startMinute: 18 * 60, endMinute: 20 * 60 }],
  mentor_capacity: 4,
  mentor_active_mentee_count: 1,
  ...overrides,
});

describe('MentorCards', () => {
  it('gives back what it was given, in the shape ranking reads', () => {
    const cards = new MentorCards(4);
    cards.set(2, row());
    expect(cards.card(2, 'u-2')).toEqual({
      userId: 'u-2',
      track: 'NURSING',
      careerStage: 'SENIOR',
      specialtyIds: [12, 3],
      languages: ['en', 'es'],
      meetingFormats: [MeetingFormat.VIRTUAL],
      country: 'US',
      region: 'US-TX',
      timeZone: 'America/Chicago',
      shiftPattern: ShiftPattern.NIGHTS,
      availability: [{ day: Weekday.TUESDAY, startMinute: 18 * 60, endMinute: 20 * 60 }],
      // In the list's own order: a set, as ranking reads it.
      offers: ['NETWORKING', 'LEADERSHIP_MANAGEMENT'],
      capacity: 4,
      activeMenteeCount: 1,
      accepting: true,
    });
  });

  it('fills in the default capacity, empty lists and no shift, and keeps every window', () => {
    const cards = new MentorCards(2);
    const windows = Array.from({ length: 21 }, (_, i) => ({
      day: Object.values(Weekday)[i % 7],
      startMinute: 60 * (i % 20),
      endMinute: 60 * (i % 20) + 45,
    }));
    cards.set(
      0,
      row({
        mentor_capacity: null,
        offer: '{}',
        format: '{}',
        shift_pattern: null,
        region: null,
        accepting: 'false',
        availability: windows,
      }),
    );
    const card = cards.card(0, 'u');
    expect(card).toMatchObject({
      capacity: 3,
      offers: [],
      meetingFormats: [],
      shiftPattern: null,
      region: null,
      accepting: false,
    });
    expect(card.availability).toEqual(windows);
    cards.set(0, row());
    expect(cards.card(0, 'u').availability).toHaveLength(1);
  });

  it('keeps cards when it grows', () => {
    const cards = new MentorCards(1);
    cards.set(0, row({ country: 'CA', region: 'CA-QC', language: '{fr}' }));
    cards.grow(64);
    cards.set(40, row());
    expect(cards.card(0, 'a')).toMatchObject({ country: 'CA', region: 'CA-QC', languages: ['fr'] });
    expect(cards.card(40, 'b').region).toBe('US-TX');
  });
});
