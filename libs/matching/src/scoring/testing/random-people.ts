/**
 * Seeded random mentees and mentors for property specs: every field varied over realistic
 * values (including the edge cases: no goals, no offers, no availability, empty formats).
 */
import { CareerStage, GrowthArea, Track } from '@preceptor/taxonomy/reference';
import {
  WEEKDAYS,
  type AvailabilityWindow,
  type MatchMentee,
  type MatchMentor,
  type MatchPerson,
  type MeetingFormat,
  type ShiftPattern,
} from '../match-profiles.js';
import { seededRandom } from '@preceptor/core/random';
import { graph } from './match-people.js';

const ZONES = [
  'America/Chicago',
  'America/New_York',
  'America/Los_Angeles',
  'Europe/London',
  'Asia/Kolkata',
  'Australia/Sydney',
  'Pacific/Auckland',
  'UTC',
];
const PLACES = [
  ['US', 'US-TX'],
  ['US', 'US-CA'],
  ['GB', 'GB-ENG'],
  ['IN', 'IN-MH'],
  ['US', null],
  [null, null],
] as const;
const FORMATS: (readonly MeetingFormat[])[] = [
  [],
  ['VIRTUAL'],
  ['IN_PERSON'],
  ['VIRTUAL', 'IN_PERSON'],
];
const SHIFTS: (ShiftPattern | null)[] = [
  null,
  'DAYS',
  'EVENINGS',
  'NIGHTS',
  'ROTATING',
  'WEEKENDS',
  'FLEXIBLE',
];
const LANGUAGES = [['en'], ['en', 'es'], ['es'], ['fr']];

export class RandomPeople {
  private readonly random: () => number;
  private readonly specialtyIds = [...graph.nodes()].map((node) => node.id);
  private count = 0;

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  int(below: number): number {
    return Math.floor(this.random() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  some<T>(items: readonly T[], max: number): T[] {
    const chosen = new Set<T>();
    const count = this.int(max + 1);
    for (let i = 0; i < count; i++) chosen.add(this.pick(items));
    return [...chosen];
  }

  private windows(): AvailabilityWindow[] {
    return Array.from({ length: this.int(4) }, () => {
      const startMinute = this.int(46) * 30;
      return {
        day: this.pick(WEEKDAYS),
        startMinute,
        endMinute: Math.min(1440, startMinute + 30 + this.int(6) * 30),
      };
    });
  }

  private person(prefix: string): MatchPerson {
    const [country, region] = this.pick(PLACES);
    this.count += 1;
    return {
      userId: `${prefix}-${String(this.count).padStart(5, '0')}`,
      track: this.pick(Object.values(Track)),
      careerStage: this.pick(Object.values(CareerStage)),
      specialtyIds: this.some(this.specialtyIds, 3),
      languages: this.pick(LANGUAGES),
      meetingFormats: this.pick(FORMATS),
      country,
      region,
      timeZone: this.pick(ZONES),
      shiftPattern: this.pick(SHIFTS),
      availability: this.windows(),
    };
  }

  mentee(): MatchMentee {
    return {
      ...this.person('mentee'),
      goals: this.some(Object.values(GrowthArea), 4),
      targetSpecialtyId: this.random() < 0.5 ? null : this.pick(this.specialtyIds),
    };
  }

  mentor(): MatchMentor {
    const capacity = 1 + this.int(5);
    return {
      ...this.person('mentor'),
      offers: this.some(Object.values(GrowthArea), 5),
      capacity,
      activeMenteeCount: this.int(capacity + 1),
      accepting: this.random() < 0.9,
    };
  }
}
