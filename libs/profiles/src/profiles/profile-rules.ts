import type { FieldProblem } from '@preceptor/core';
import type { AvailabilityWindow, Weekday } from './profile-enums.js';

/** A mentor's capacity when they leave it out; a mentor with none stored counts the same. */
export const DEFAULT_MENTOR_CAPACITY = 3;

function minutes(time: string): number {
  const [hours = '0', mins = '0'] = time.split(':');
  return Number(hours) * 60 + Number(mins);
}

export function formatMinutes(total: number): string {
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** Turns "HH:MM" windows into minutes, refusing empty, reversed and overlapping windows. */
export function parseAvailability(
  windows: readonly { day: Weekday; startTime: string; endTime: string }[],
): { windows: AvailabilityWindow[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const parsed = windows.map((window, index) => {
    const startMinute = minutes(window.startTime);
    const endMinute = minutes(window.endTime);
    if (startMinute >= endMinute) {
      problems.push({
        field: `availability[${index}]`,
        message: 'must end after it starts; split a window that crosses midnight into two',
      });
    }
    return { day: window.day, startMinute, endMinute };
  });
  const sorted = [...parsed].sort(
    (a, b) => a.day.localeCompare(b.day) || a.startMinute - b.startMinute,
  );
  for (let i = 1; i < sorted.length; i += 1) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    if (previous.day === current.day && current.startMinute < previous.endMinute) {
      problems.push({
        field: 'availability',
        message: `windows on ${current.day} overlap (${formatMinutes(previous.startMinute)}–${formatMinutes(previous.endMinute)} and ${formatMinutes(current.startMinute)}–${formatMinutes(current.endMinute)})`,
      });
    }
  }
  return { windows: parsed, problems };
}

export interface CompletenessFacts {
  headline: string | null;
  bio: string | null;
  yearsOfExperience: number | null;
  country: string | null;
  region: string | null;
  city: string | null;
  meetingFormats: readonly string[];
  availability: readonly unknown[];
  shiftPattern: string | null;
  isMentor: boolean;
  mentorOffers: readonly string[];
  isMentee: boolean;
  menteeGoals: readonly string[];
  menteeTargetSpecialtyId: number | null;
}

interface CompletenessItem {
  field: string;
  weight: number;
  applies: (facts: CompletenessFacts) => boolean;
  filled: (facts: CompletenessFacts) => boolean;
}

const always = (): boolean => true;

// Ordered by how much each field helps matching, so `missing` reads as "do this next".
const ITEMS: readonly CompletenessItem[] = [
  {
    field: 'mentor.offers',
    weight: 3,
    applies: (f) => f.isMentor,
    filled: (f) => f.mentorOffers.length > 0,
  },
  {
    field: 'mentee.goals',
    weight: 3,
    applies: (f) => f.isMentee,
    filled: (f) => f.menteeGoals.length > 0,
  },
  { field: 'bio', weight: 2, applies: always, filled: (f) => Boolean(f.bio) },
  { field: 'headline', weight: 2, applies: always, filled: (f) => Boolean(f.headline) },
  { field: 'availability', weight: 2, applies: always, filled: (f) => f.availability.length > 0 },
  {
    field: 'meetingFormats',
    weight: 1,
    applies: always,
    filled: (f) => f.meetingFormats.length > 0,
  },
  {
    field: 'yearsOfExperience',
    weight: 1,
    applies: always,
    filled: (f) => f.yearsOfExperience !== null,
  },
  { field: 'country', weight: 1, applies: always, filled: (f) => f.country !== null },
  {
    field: 'city',
    weight: 1,
    applies: always,
    filled: (f) => f.city !== null || f.region !== null,
  },
  { field: 'shiftPattern', weight: 1, applies: always, filled: (f) => f.shiftPattern !== null },
  {
    field: 'mentee.targetSpecialtySlug',
    weight: 1,
    applies: (f) => f.isMentee,
    filled: (f) => f.menteeTargetSpecialtyId !== null,
  },
];

// Track, career stage, specialties and time zone are required, so always present.
const REQUIRED_WEIGHT = 4;

export function completeness(facts: CompletenessFacts): { percent: number; missing: string[] } {
  const applicable = ITEMS.filter((item) => item.applies(facts));
  const missing = applicable.filter((item) => !item.filled(facts));
  const total = REQUIRED_WEIGHT + applicable.reduce((sum, item) => sum + item.weight, 0);
  const lacking = missing.reduce((sum, item) => sum + item.weight, 0);
  return {
    percent: Math.round((100 * (total - lacking)) / total),
    missing: missing.map((item) => item.field),
  };
}
