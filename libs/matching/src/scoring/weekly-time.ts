import { WEEKDAYS, type AvailabilityWindow, type Weekday } from './match-profiles.js';

export const MINUTES_PER_DAY = 1440;
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/**
 * The instant whose UTC offsets place everyone's week, unless the caller passes another: Monday
 * 12 January 2026, noon UTC. Northern zones are on standard time and southern ones on summer
 * time, far from any change. One offset per person per week: in the few weeks when only one side
 * has changed its clocks (e.g. America/Chicago vs Europe/London in March) the gap is an hour
 * smaller, which a caller passing the current date sees and this fixed default does not.
 */
export const DEFAULT_REFERENCE_DATE = new Date(Date.UTC(2026, 0, 12, 12));

/** Half-open [start, end) in minutes of a week that starts Monday 00:00. */
export type WeekInterval = readonly [start: number, end: number];

const DAY_INDEX: Readonly<Record<Weekday, number>> = Object.fromEntries(
  WEEKDAYS.map((day, index) => [day, index]),
) as Record<Weekday, number>;

// Formatters are costly to build and offsets are asked for the same few zones over and over
// (twice per candidate scored): by instant, then by zone, so a lookup builds no key.
const formatters = new Map<string, Intl.DateTimeFormat | null>();
const offsets = new Map<number, Map<string, number | null>>();
const MAX_CACHED_OFFSETS = 10_000;

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    } catch {
      formatter = null; // not an IANA zone this runtime knows
    }
    if (formatters.size < MAX_CACHED_OFFSETS) formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Minutes to add to UTC for local time in `timeZone` at `at` (Chicago in January: −360); null for an unknown zone. */
export function utcOffsetMinutes(timeZone: string, at: Date): number | null {
  const instant = at.getTime();
  let zones = offsets.get(instant);
  const cached = zones?.get(timeZone);
  if (cached !== undefined) return cached;
  const offset = offsetOf(timeZone, at);
  if (zones === undefined || zones.size >= MAX_CACHED_OFFSETS) {
    if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
    zones = new Map();
    offsets.set(instant, zones);
  }
  zones.set(timeZone, offset);
  return offset;
}

function offsetOf(timeZone: string, at: Date): number | null {
  const name = formatterFor(timeZone)
    ?.formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  if (name === undefined) return null;
  // "GMT" for UTC itself, else "GMT-05:00" / "GMT+05:45".
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
  if (!match) return null;
  const [, sign, hours, minutes] = match;
  return sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

/** Sorted, merged, non-empty intervals within one week. */
function normalise(intervals: WeekInterval[]): WeekInterval[] {
  intervals.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of intervals) {
    if (end <= start) continue;
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * Moves intervals by `minutes` around the week, splitting any that cross the end of Sunday
 * (Sunday 23:00–24:00 in Chicago is Monday 05:00–06:00 UTC).
 */
export function shiftWeek(intervals: readonly WeekInterval[], minutes: number): WeekInterval[] {
  const shifted: WeekInterval[] = [];
  for (const [start, end] of intervals) {
    const length = end - start;
    if (length <= 0) continue;
    if (length >= MINUTES_PER_WEEK) return [[0, MINUTES_PER_WEEK]];
    const from = (((start + minutes) % MINUTES_PER_WEEK) + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
    const to = from + length;
    if (to <= MINUTES_PER_WEEK) shifted.push([from, to]);
    else shifted.push([from, MINUTES_PER_WEEK], [0, to - MINUTES_PER_WEEK]);
  }
  return normalise(shifted);
}

// A person's windows are read again for every candidate they are ranked against (the bound of
// each candidate asks whether the mentee has a week): each list is turned into intervals once.
const localWeeks = new WeakMap<readonly AvailabilityWindow[], readonly WeekInterval[]>();

/**
 * Weekly windows in local minutes of the week (windows that are empty or out of range are
 * dropped). Remembered per list of windows, which is never changed once made.
 */
export function localWeek(windows: readonly AvailabilityWindow[]): readonly WeekInterval[] {
  let week = localWeeks.get(windows);
  if (week === undefined) {
    week = Object.freeze(localWeekOf(windows));
    localWeeks.set(windows, week);
  }
  return week;
}

/**
 * `localWeek`, remembered only if it already was: for lists read once, such as a mentor's card,
 * built afresh for each candidate (remembering those would only fill the table for the garbage
 * collector to empty).
 */
export function localWeekOnce(windows: readonly AvailabilityWindow[]): readonly WeekInterval[] {
  return localWeeks.get(windows) ?? localWeekOf(windows);
}

function localWeekOf(windows: readonly AvailabilityWindow[]): WeekInterval[] {
  const intervals: WeekInterval[] = [];
  for (const window of windows) {
    const start = Math.max(0, window.startMinute);
    const end = Math.min(MINUTES_PER_DAY, window.endMinute);
    const day = DAY_INDEX[window.day];
    if (day === undefined || end <= start) continue;
    intervals.push([day * MINUTES_PER_DAY + start, day * MINUTES_PER_DAY + end]);
  }
  return normalise(intervals);
}

/** Local weekly intervals moved to UTC: local = UTC + offset. */
export function toUtcWeek(local: readonly WeekInterval[], offsetMinutes: number): WeekInterval[] {
  return shiftWeek(local, -offsetMinutes);
}

/** Where two sorted, merged interval lists overlap. */
export function intersectWeeks(
  a: readonly WeekInterval[],
  b: readonly WeekInterval[],
): WeekInterval[] {
  const both: WeekInterval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i][0], b[j][0]);
    const end = Math.min(a[i][1], b[j][1]);
    if (start < end) both.push([start, end]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return both;
}

export function totalMinutes(intervals: readonly WeekInterval[]): number {
  let total = 0;
  for (const [start, end] of intervals) total += end - start;
  return total;
}

/** Parts of the day as people name them, by local start minute. */
const DAY_PARTS = [
  { name: 'nights', start: 0 },
  { name: 'mornings', start: 5 * 60 },
  { name: 'afternoons', start: 12 * 60 },
  { name: 'evenings', start: 17 * 60 },
  { name: 'nights', start: 21 * 60 },
] as const;

/**
 * The part of the week most of these local intervals fall in: "weekday evenings",
 * "weekend mornings". Ties go to the earlier bucket, so the wording is deterministic.
 */
export function describeWeekTime(local: readonly WeekInterval[]): string {
  const minutes = new Map<string, number>();
  for (const [start, end] of local) {
    for (let day = Math.floor(start / MINUTES_PER_DAY); day * MINUTES_PER_DAY < end; day++) {
      const kind = day % 7 < 5 ? 'weekday' : 'weekend';
      DAY_PARTS.forEach((part, index) => {
        const partStart = day * MINUTES_PER_DAY + part.start;
        const partEnd = day * MINUTES_PER_DAY + (DAY_PARTS[index + 1]?.start ?? MINUTES_PER_DAY);
        const overlap = Math.min(end, partEnd) - Math.max(start, partStart);
        if (overlap > 0) {
          const key = `${kind} ${part.name}`;
          minutes.set(key, (minutes.get(key) ?? 0) + overlap);
        }
      });
    }
  }
  let best = '';
  let bestMinutes = 0;
  for (const [key, total] of minutes) {
    if (total > bestMinutes) [best, bestMinutes] = [key, total];
  }
  return best;
}

/** Two offsets' distance on the clock, at most 12 h (UTC+14 and UTC−10 read the same clock). */
export function clockDistanceMinutes(a: number, b: number): number {
  const difference = Math.abs(a - b) % MINUTES_PER_DAY;
  return Math.min(difference, MINUTES_PER_DAY - difference);
}
