import { assessment, type Assessment, type MatchPair, type TierFacts } from '../assessment.js';
import type {
  AvailabilityWindow,
  MatchMentee,
  MatchPerson,
  ShiftPattern,
} from '../match-profiles.js';
import {
  clockDistanceMinutes,
  describeWeekTime,
  intersectWeeks,
  localWeek,
  localWeekOnce,
  MINUTES_PER_DAY,
  shiftWeek,
  toUtcWeek,
  totalMinutes,
  utcOffsetMinutes,
  type WeekInterval,
} from '../weekly-time.js';
import { capitalize, formatDuration, formatHours } from '../wording.js';

/** Shared weekly time that makes a mentorship workable: an hour every other week, with slack. */
export const TARGET_OVERLAP_MINUTES = 120;
/** Nothing known about one side's week: neither better nor worse. */
export const AVAILABILITY_UNKNOWN_VALUE = 0.5;
/**
 * How far a guess from shift patterns may move the value from neutral: a guess spans 0.2–0.8,
 * because people's real windows often differ from their shift's usual free time.
 */
export const SHIFT_ESTIMATE_SPAN = 0.6;
/** From this clock distance on, the mentee is told how far apart they are. */
export const FAR_APART_MINUTES = 5 * 60;

const H = 60;
const WEEKDAY_INDEXES = [0, 1, 2, 3, 4];
const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6];

/**
 * When people who work a shift pattern are usually awake and off work, local time. Rotating
 * shifts have no usual free time, so they say nothing.
 */
const SHIFT_FREE_TIME: Readonly<
  Record<ShiftPattern, readonly { days: readonly number[]; start: number; end: number }[] | null>
> = {
  DAYS: [
    { days: WEEKDAY_INDEXES, start: 17 * H + 30, end: 21 * H },
    { days: [5, 6], start: 9 * H, end: 18 * H },
  ],
  EVENINGS: [{ days: ALL_DAYS, start: 9 * H, end: 13 * H }],
  NIGHTS: [{ days: ALL_DAYS, start: 15 * H, end: 18 * H + 30 }],
  WEEKENDS: [{ days: WEEKDAY_INDEXES, start: 9 * H, end: 20 * H }],
  FLEXIBLE: [{ days: ALL_DAYS, start: 8 * H, end: 21 * H }],
  ROTATING: null,
};

/** A shift pattern said of the mentor, then of the mentee. */
const SHIFT_WORDS: Readonly<Record<ShiftPattern, readonly [theirs: string, yours: string]>> = {
  DAYS: ['Works days', 'you work days'],
  EVENINGS: ['Works evenings', 'you work evenings'],
  NIGHTS: ['Works nights', 'you work nights'],
  WEEKENDS: ['Works weekends', 'you work weekends'],
  FLEXIBLE: ['Has a flexible schedule', 'you have a flexible schedule'],
  ROTATING: ['Works rotating shifts', 'you work rotating shifts'],
};

/** Windows the person gave, or a guess from their shift pattern. */
export type WeekSource = 'windows' | 'shift';

interface Week {
  /** UTC intervals. */
  readonly utc: readonly WeekInterval[];
  readonly source: WeekSource;
  readonly shift: ShiftPattern | null;
}

/** What someone's week is made from. */
export type WeekPerson = Pick<MatchPerson, 'timeZone' | 'availability' | 'shiftPattern'>;

/** Someone's week in UTC at `referenceDate`, or null when it says nothing (or the zone is unknown). */
export function utcWeek(person: WeekPerson, referenceDate: Date): Week | null {
  return weekOf(person, utcOffsetMinutes(person.timeZone, referenceDate));
}

/** The value of `minutes` shared a week, given where each side's week comes from. */
function overlapValue(minutes: number, menteeSource: WeekSource, mentorSource: WeekSource): number {
  const fill = Math.min(1, minutes / TARGET_OVERLAP_MINUTES);
  return menteeSource === 'windows' && mentorSource === 'windows'
    ? fill
    : // At least one side is a guess from a shift pattern: move only partway from neutral.
      AVAILABILITY_UNKNOWN_VALUE + SHIFT_ESTIMATE_SPAN * (fill - 0.5);
}

function weekSourceOf(person: MatchPerson): WeekSource | null {
  if (localWeek(person.availability).length > 0) return 'windows';
  return person.shiftPattern !== null && SHIFT_FREE_TIME[person.shiftPattern] !== null
    ? 'shift'
    : null;
}

// A week in UTC depends only on the local week and the offset. Scoring asks for the mentee's
// once per candidate: built once per list of windows (never changed once made) and offset. A
// mentor's card is built afresh each time, so theirs is not kept; weeks from a shift pattern are
// few and kept for everyone.
const menteeWeeks = new WeakMap<readonly AvailabilityWindow[], Map<number, Week | null>>();
const shiftWeeks = new Map<string, Week | null>();

function menteeWeekOf(mentee: MatchMentee, offset: number | null): Week | null {
  // Without windows the week is the shift pattern's, kept by pattern (lists may be shared).
  if (offset === null || localWeek(mentee.availability).length === 0) return weekOf(mentee, offset);
  let byOffset = menteeWeeks.get(mentee.availability);
  if (byOffset === undefined) {
    byOffset = new Map();
    menteeWeeks.set(mentee.availability, byOffset);
  }
  let week = byOffset.get(offset);
  if (week === undefined) {
    week = weekOf(mentee, offset);
    byOffset.set(offset, week && freeze(week));
  }
  return week;
}

function weekOf(person: WeekPerson, offset: number | null): Week | null {
  if (offset === null) return null;
  // The mentee's list is remembered (`menteeWeekOf`, `weekSourceOf`); a mentor's is read once.
  const given = localWeekOnce(person.availability);
  if (given.length > 0) {
    return { utc: toUtcWeek(given, offset), source: 'windows', shift: person.shiftPattern };
  }
  if (person.shiftPattern === null) return null;
  const key = `${person.shiftPattern}${offset}`;
  let week = shiftWeeks.get(key);
  if (week === undefined) {
    week = shiftWeekOf(person.shiftPattern, offset);
    shiftWeeks.set(key, week);
  }
  return week;
}

function shiftWeekOf(shift: ShiftPattern, offset: number): Week | null {
  const bands = SHIFT_FREE_TIME[shift];
  if (!bands) return null;
  const local: WeekInterval[] = bands.flatMap((band) =>
    band.days.map((day): WeekInterval => [
      day * MINUTES_PER_DAY + band.start,
      day * MINUTES_PER_DAY + band.end,
    ]),
  );
  return freeze({ utc: toUtcWeek(local, offset), source: 'shift', shift });
}

/** Weeks may be shared between calls: nobody may change one. */
function freeze(week: Week): Week {
  Object.freeze(week.utc);
  return Object.freeze(week);
}

/** What a week looks like to the mentee: in their local time. */
function seenByMentee(utc: readonly WeekInterval[], menteeOffset: number): string {
  return describeWeekTime(shiftWeek(utc, menteeOffset));
}

/**
 * Weekly windows of both sides in UTC (so time zones and the week's end are handled once),
 * scored by shared minutes against TARGET_OVERLAP_MINUTES. A missing side is filled in from its
 * shift pattern as a hedged guess; with nothing to go on the value is neutral, never an exclusion.
 */
export function assessAvailability({ mentee, mentor, referenceDate }: MatchPair): Assessment {
  const menteeOffset = utcOffsetMinutes(mentee.timeZone, referenceDate);
  const mentorOffset = utcOffsetMinutes(mentor.timeZone, referenceDate);
  const apart =
    menteeOffset === null || mentorOffset === null
      ? 0
      : clockDistanceMinutes(menteeOffset, mentorOffset);
  const distance = (): string[] =>
    apart >= FAR_APART_MINUTES ? [`${formatHours(apart)} apart`] : [];

  const menteeWeek = menteeWeekOf(mentee, menteeOffset);
  const mentorWeek = weekOf(mentor, mentorOffset);
  if (!menteeWeek || !mentorWeek || menteeOffset === null) {
    return assessment(AVAILABILITY_UNKNOWN_VALUE, () => ({
      caveats: [...distance(), ...(mentorWeek ? [] : ['Has not given availability'])],
      detail: 'No availability given',
    }));
  }

  const shared = intersectWeeks(menteeWeek.utc, mentorWeek.utc);
  const minutes = totalMinutes(shared);
  const fill = Math.min(1, minutes / TARGET_OVERLAP_MINUTES);

  const value = overlapValue(minutes, menteeWeek.source, mentorWeek.source);
  if (menteeWeek.source === 'windows' && mentorWeek.source === 'windows') {
    return assessment(value, () => {
      const detail = `${formatDuration(minutes)} a week in common`;
      if (minutes === 0) {
        return {
          caveats: [...distance(), 'No time in common in your weekly availability'],
          detail,
        };
      }
      const when = seenByMentee(shared, menteeOffset);
      const whose = apart === 0 ? '' : ' (your time)';
      const overlap = `${when}${whose} overlap, ${formatDuration(minutes)} a week`;
      return minutes >= TARGET_OVERLAP_MINUTES
        ? { reasons: [capitalize(overlap)], caveats: distance(), detail }
        : { caveats: [...distance(), `Only ${overlap}`], detail };
    });
  }

  return assessment(value, () => ({
    caveats: [
      ...distance(),
      ...(fill < 1 ? [shiftCaveat(menteeWeek, mentorWeek, menteeOffset)] : []),
    ],
    detail: `Estimated from shift patterns: ${formatDuration(minutes)} a week`,
  }));
}

/** "Works nights; you meet weekday mornings", "Meets weekday mornings; you work nights". */
function shiftCaveat(menteeWeek: Week, mentorWeek: Week, menteeOffset: number): string {
  const theirs =
    mentorWeek.source === 'shift'
      ? SHIFT_WORDS[mentorWeek.shift!][0]
      : `Meets ${seenByMentee(mentorWeek.utc, menteeOffset)}`;
  const yours =
    menteeWeek.source === 'shift'
      ? SHIFT_WORDS[menteeWeek.shift!][1]
      : `you meet ${seenByMentee(menteeWeek.utc, menteeOffset)}`;
  return `${theirs}; ${yours}`;
}

/**
 * Up to 1 when the mentee has a week; with the candidate's week source and at most how many
 * minutes it shares with the mentee's, exactly what that overlap would score at most.
 */
export function availabilityUpperBound(mentee: MatchMentee, facts: TierFacts): number {
  // Without the mentee's own week (windows or a telling shift pattern) the value is neutral.
  const menteeSource = weekSourceOf(mentee);
  if (menteeSource === null) return AVAILABILITY_UNKNOWN_VALUE;
  // Two weeks share at most the whole of the mentee's: someone free half an hour a week shares
  // half an hour at most, whoever the mentor. (A shift pattern's free time is far longer than
  // the target.)
  const menteeMinutes =
    menteeSource === 'windows' ? totalMinutes(localWeek(mentee.availability)) : Infinity;
  if (facts.week === undefined) {
    // The mentor's week is not known yet: the best of what each kind of week could give.
    return Math.max(
      AVAILABILITY_UNKNOWN_VALUE,
      overlapValue(menteeMinutes, menteeSource, 'windows'),
      overlapValue(menteeMinutes, menteeSource, 'shift'),
    );
  }
  if (facts.week.source === null) return AVAILABILITY_UNKNOWN_VALUE;
  return overlapValue(
    Math.min(facts.week.minutesAtMost, menteeMinutes),
    menteeSource,
    facts.week.source,
  );
}
