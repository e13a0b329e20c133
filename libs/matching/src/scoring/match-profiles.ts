import type { CareerStage, GrowthArea, Track } from '@preceptor/taxonomy/reference';

/**
 * The two sides of a match as plain data. The API maps its profiles onto these shapes; the
 * profiles library's enums carry the same string values, so they assign without conversion.
 */

export type MeetingFormat = 'VIRTUAL' | 'IN_PERSON';
export const MEETING_FORMATS: readonly MeetingFormat[] = ['VIRTUAL', 'IN_PERSON'];

/** How someone's working time is laid out. */
export type ShiftPattern = 'DAYS' | 'EVENINGS' | 'NIGHTS' | 'ROTATING' | 'WEEKENDS' | 'FLEXIBLE';

/** Monday first: a day's index here is its offset in the week. */
export const WEEKDAYS = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A weekly window in the person's own time zone: minutes from midnight, start < end ≤ 1440. */
export interface AvailabilityWindow {
  readonly day: Weekday;
  readonly startMinute: number;
  readonly endMinute: number;
}

/** What mentors and mentees share. */
export interface MatchPerson {
  readonly userId: string;
  readonly track: Track;
  readonly careerStage: CareerStage;
  /** Chosen specialties; the first is the primary one. */
  readonly specialtyIds: readonly number[];
  /** ISO 639-1 codes. */
  readonly languages: readonly string[];
  /** An empty list means "no preference": both formats. */
  readonly meetingFormats: readonly MeetingFormat[];
  /** ISO 3166-1 alpha-2. */
  readonly country: string | null;
  /** ISO 3166-2 (`US-TX`) or the state or province as entered; compared within one country. */
  readonly region: string | null;
  /** IANA name, e.g. `America/Chicago`. */
  readonly timeZone: string;
  readonly shiftPattern: ShiftPattern | null;
  readonly availability: readonly AvailabilityWindow[];
}

export interface MatchMentor extends MatchPerson {
  readonly offers: readonly GrowthArea[];
  readonly capacity: number;
  readonly activeMenteeCount: number;
  readonly accepting: boolean;
}

export interface MatchMentee extends MatchPerson {
  /** Ranked, most important first. */
  readonly goals: readonly GrowthArea[];
  readonly targetSpecialtyId: number | null;
}

/** Formats someone will use: an empty list stands for both. */
export function formatsOf(person: Pick<MatchPerson, 'meetingFormats'>): readonly MeetingFormat[] {
  return person.meetingFormats.length === 0 ? MEETING_FORMATS : person.meetingFormats;
}
