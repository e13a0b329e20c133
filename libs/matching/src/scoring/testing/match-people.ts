/**
 * Factories for scoring specs: plausible people with every field set, overridden per scenario,
 * and specialties by slug from the shipped taxonomy.
 */
import { CareerStage, Track } from '@preceptor/taxonomy/reference';
import type { Assessment, Explanation, MatchPair } from '../assessment.js';
import type { AvailabilityWindow, MatchMentee, MatchMentor, Weekday } from '../match-profiles.js';
import { specialtyGraphFromTaxonomy } from '../specialty-graph.js';
import { DEFAULT_REFERENCE_DATE } from '../weekly-time.js';

export const graph = specialtyGraphFromTaxonomy();

export function specialtyId(slug: string): number {
  return graph.idOf(slug);
}

type WithSlugs<T> = Partial<Omit<T, 'specialtyIds' | 'targetSpecialtyId'>> & {
  specialties?: readonly string[];
  target?: string | null;
};

let sequence = 0;
function nextId(prefix: string): string {
  sequence += 1;
  return `${prefix}-${String(sequence).padStart(4, '0')}`;
}

export function aMentor(overrides: WithSlugs<MatchMentor> = {}): MatchMentor {
  const { specialties = ['medical-surgical-nursing'], target: _target, ...rest } = overrides;
  return {
    userId: nextId('mentor'),
    track: Track.NURSING,
    careerStage: CareerStage.MID_CAREER,
    languages: ['en'],
    meetingFormats: ['VIRTUAL'],
    country: 'US',
    region: 'US-TX',
    timeZone: 'America/Chicago',
    shiftPattern: null,
    availability: [],
    offers: [],
    capacity: 3,
    activeMenteeCount: 0,
    accepting: true,
    ...rest,
    specialtyIds: specialties.map(specialtyId),
  };
}

export function aMentee(overrides: WithSlugs<MatchMentee> = {}): MatchMentee {
  const { specialties = ['medical-surgical-nursing'], target = null, ...rest } = overrides;
  return {
    userId: nextId('mentee'),
    track: Track.NURSING,
    careerStage: CareerStage.TRAINEE,
    languages: ['en'],
    meetingFormats: ['VIRTUAL'],
    country: 'US',
    region: 'US-TX',
    timeZone: 'America/Chicago',
    shiftPattern: null,
    availability: [],
    goals: [],
    ...rest,
    specialtyIds: specialties.map(specialtyId),
    targetSpecialtyId: target === null ? null : specialtyId(target),
  };
}

const WEEKDAYS_MON_FRI: readonly Weekday[] = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
];

function minutes(time: string): number {
  const [hours, mins] = time.split(':').map(Number);
  return hours * 60 + mins;
}

/** Weekly windows from "HH:MM" times: `weekly('weekdays', '18:00', '20:00')`. */
export function weekly(
  days: 'weekdays' | readonly Weekday[],
  start: string,
  end: string,
): AvailabilityWindow[] {
  const list = days === 'weekdays' ? WEEKDAYS_MON_FRI : days;
  return list.map((day) => ({ day, startMinute: minutes(start), endMinute: minutes(end) }));
}

/** One criterion's value and words for a pair, as scoring would run it. */
export function assessPair(
  assess: (pair: MatchPair) => Assessment,
  mentee: MatchMentee,
  mentor: MatchMentor,
  referenceDate: Date = DEFAULT_REFERENCE_DATE,
): { value: number } & Explanation {
  const found = assess({ mentee, mentor, graph, referenceDate });
  return { value: found.value, ...found.explain() };
}
