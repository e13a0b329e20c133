/**
 * What ranking a mentor needs to know about them, kept per index slot in typed arrays: track,
 * stage, specialties, offers, languages, formats, place, time zone, shift, weekly windows and
 * mentee load. Matching scores hundreds of thousands of candidates a request from here instead
 * of reading their rows; typed arrays keep a million cards (~70 bytes each) out of the garbage
 * collector's way. Pure data structure: no database, no framework.
 */
import {
  CareerStage,
  GrowthArea,
  Track,
  type CareerStage as CareerStageValue,
  type GrowthArea as GrowthAreaValue,
  type Track as TrackValue,
} from '@preceptor/taxonomy/reference';
import { plainArrayElements, plainArrayNumbers } from '../profiles/pg-array-text.js';
import {
  MeetingFormat,
  ShiftPattern,
  Weekday,
  type AvailabilityWindow,
} from '../profiles/profile-enums.js';
import { DEFAULT_MENTOR_CAPACITY } from '../profiles/profile-rules.js';

/** A mentor as ranking sees them (field names as the matching core's mentor). */
export interface MentorCard {
  readonly userId: string;
  readonly track: TrackValue;
  readonly careerStage: CareerStageValue;
  /** Chosen specialties, primary first. */
  readonly specialtyIds: readonly number[];
  readonly languages: readonly string[];
  readonly meetingFormats: readonly MeetingFormat[];
  readonly country: string | null;
  readonly region: string | null;
  readonly timeZone: string;
  readonly shiftPattern: ShiftPattern | null;
  readonly availability: readonly AvailabilityWindow[];
  readonly offers: readonly GrowthAreaValue[];
  /** The mentor's own limit, or the default one. */
  readonly capacity: number;
  readonly activeMenteeCount: number;
  readonly accepting: boolean;
}

/** The columns a card is made from, as the index reads them (arrays in PostgreSQL text form). */
export interface MentorCardRow {
  track: string | null;
  stage: string | null;
  specialty_ids: string | null;
  offer: string | null;
  language: string | null;
  format: string | null;
  country: string | null;
  region: string | null;
  accepting: string | null;
  time_zone: string;
  shift_pattern: string | null;
  availability: readonly AvailabilityWindow[] | null;
  mentor_capacity: number | null;
  mentor_active_mentee_count: number | null;
}

/** The columns to add to the index's SELECT for cards (the facet columns are read already). */
export const MENTOR_CARD_COLUMNS =
  'specialty_ids::text AS specialty_ids, time_zone, shift_pattern::text AS shift_pattern, availability, mentor_capacity, mentor_active_mentee_count';

export const TRACKS: readonly TrackValue[] = Object.values(Track);
export const CAREER_STAGES: readonly CareerStageValue[] = Object.values(CareerStage);
export const GROWTH_AREAS: readonly GrowthAreaValue[] = Object.values(GrowthArea);
export const FORMATS: readonly MeetingFormat[] = Object.values(MeetingFormat);
const SHIFTS: readonly ShiftPattern[] = Object.values(ShiftPattern);
const DAYS: readonly Weekday[] = Object.values(Weekday);

const MINUTES_PER_DAY = 1440;
/** Specialties and languages a profile may list (the inputs' limits). */
const SPECIALTIES = 5;
const LANGUAGES = 10;
/** Weekly windows kept inline; the rare mentor with more keeps the rest in a map. */
const INLINE_WINDOWS = 5;

/**
 * Interned short texts (countries, regions, time zones, languages): each a closed list the
 * inputs validate against, so the table stays small. Code 0 means none.
 */
export class Codes {
  private readonly codes = new Map<string, number>();
  private readonly texts: string[] = [''];

  code(text: string | null): number {
    if (text === null || text === '') return 0;
    let code = this.codes.get(text);
    if (code === undefined) {
      code = this.texts.length;
      if (code > 0xffff) throw new Error('Too many distinct values for a card field');
      this.texts.push(text);
      this.codes.set(text, code);
    }
    return code;
  }

  /** The code of a value already coded, else 0 (nothing holds it). */
  find(text: string): number {
    return this.codes.get(text) ?? 0;
  }

  text(code: number): string | null {
    return code === 0 ? null : this.texts[code];
  }
}

/** Lists of enum values as bit masks (bit i: values[i]). */
export function maskOf<T>(values: readonly T[], list: Iterable<string>): number {
  let mask = 0;
  for (const value of list) {
    const at = values.indexOf(value as T);
    if (at >= 0) mask |= 1 << at;
  }
  return mask >>> 0;
}

export function listOf<T>(values: readonly T[], mask: number): T[] {
  const list: T[] = [];
  for (let i = 0; i < values.length; i += 1) if ((mask & (1 << i)) !== 0) list.push(values[i]);
  return list;
}

/** Stamps every card written, in any index of this process: equal stamps, same card. */
let lastStamp = 0;

export class MentorCards {
  /**
   * Per slot, the stamp of the card it holds (0: none): what a reader keeps derived from a card
   * is still good while the stamp is the same.
   */
  stamp = new Uint32Array(0);
  private readonly countries = new Codes();
  private readonly regions = new Codes();
  private readonly zones = new Codes();
  private readonly languageCodes = new Codes();
  /** Indexes into TRACKS and CAREER_STAGES. */
  track = new Uint8Array(0);
  stage = new Uint8Array(0);
  /** Bits over GROWTH_AREAS. */
  offers = new Uint32Array(0);
  /** Up to SPECIALTIES ids per slot, 0 after the last. */
  specialties = new Int16Array(0);
  /** Bits over FORMATS. */
  formats = new Uint8Array(0);
  /** ShiftPattern index + 1, 0 for none. */
  private shift = new Uint8Array(0);
  private flags = new Uint8Array(0);
  /** Interned codes: equal codes, equal texts. */
  country = new Uint16Array(0);
  region = new Uint16Array(0);
  private zone = new Uint16Array(0);
  capacity = new Uint16Array(0);
  active = new Uint16Array(0);
  private languages = new Uint16Array(0);
  /** Week minutes (day × 1440 + minute), start and end, INLINE_WINDOWS pairs per slot. */
  private windows = new Uint16Array(0);
  private windowCount = new Uint8Array(0);
  private readonly moreWindows = new Map<number, readonly AvailabilityWindow[]>();

  constructor(capacity: number) {
    this.grow(capacity);
  }

  get bytes(): number {
    return [
      this.stamp,
      this.track,
      this.stage,
      this.offers,
      this.specialties,
      this.formats,
      this.shift,
      this.flags,
      this.country,
      this.region,
      this.zone,
      this.capacity,
      this.active,
      this.languages,
      this.windows,
      this.windowCount,
    ].reduce((total, array) => total + array.byteLength, 0);
  }

  set(slot: number, row: MentorCardRow): void {
    lastStamp = lastStamp === 0xffffffff ? 1 : lastStamp + 1;
    this.stamp[slot] = lastStamp;
    this.track[slot] = Math.max(0, TRACKS.indexOf(row.track as TrackValue));
    this.stage[slot] = Math.max(0, CAREER_STAGES.indexOf(row.stage as CareerStageValue));
    this.offers[slot] = maskOf(GROWTH_AREAS, plainArrayElements(row.offer ?? '{}'));
    this.formats[slot] = maskOf(FORMATS, plainArrayElements(row.format ?? '{}'));
    this.shift[slot] = SHIFTS.indexOf(row.shift_pattern as ShiftPattern) + 1;
    this.flags[slot] = row.accepting === 'true' ? 1 : 0;
    this.country[slot] = this.countries.code(row.country);
    this.region[slot] = this.regions.code(row.region);
    this.zone[slot] = this.zones.code(row.time_zone);
    this.capacity[slot] = row.mentor_capacity ?? DEFAULT_MENTOR_CAPACITY;
    this.active[slot] = row.mentor_active_mentee_count ?? 0;

    const specialties = plainArrayNumbers(row.specialty_ids ?? '{}');
    const s = slot * SPECIALTIES;
    for (let i = 0; i < SPECIALTIES; i += 1) this.specialties[s + i] = specialties[i] ?? 0;
    const languages = plainArrayElements(row.language ?? '{}');
    const l = slot * LANGUAGES;
    for (let i = 0; i < LANGUAGES; i += 1) {
      this.languages[l + i] = i < languages.length ? this.languageCodes.code(languages[i]) : 0;
    }

    const windows = row.availability ?? [];
    const w = slot * INLINE_WINDOWS * 2;
    this.windowCount[slot] = Math.min(windows.length, INLINE_WINDOWS);
    windows.slice(0, INLINE_WINDOWS).forEach((window, i) => {
      const day = DAYS.indexOf(window.day) * MINUTES_PER_DAY;
      this.windows[w + 2 * i] = day + window.startMinute;
      this.windows[w + 2 * i + 1] = day + window.endMinute;
    });
    if (windows.length > INLINE_WINDOWS) this.moreWindows.set(slot, windows.slice(INLINE_WINDOWS));
    else this.moreWindows.delete(slot);
  }

  clear(slot: number): void {
    this.stamp[slot] = 0;
    this.moreWindows.delete(slot);
  }

  /** Where and how a slot's mentor meets. */
  place(slot: number): Pick<MentorCard, 'meetingFormats' | 'country' | 'region'> {
    return {
      meetingFormats: listOf(FORMATS, this.formats[slot]),
      country: this.countries.text(this.country[slot]),
      region: this.regions.text(this.region[slot]),
    };
  }

  /** What a slot's mentor's week is made from. */
  week(slot: number): Pick<MentorCard, 'timeZone' | 'shiftPattern' | 'availability'> {
    const availability: AvailabilityWindow[] = [];
    const w = slot * INLINE_WINDOWS * 2;
    for (let i = 0; i < this.windowCount[slot]; i += 1) {
      const start = this.windows[w + 2 * i];
      const day = Math.floor(start / MINUTES_PER_DAY);
      availability.push({
        day: DAYS[day],
        startMinute: start - day * MINUTES_PER_DAY,
        endMinute: this.windows[w + 2 * i + 1] - day * MINUTES_PER_DAY,
      });
    }
    availability.push(...(this.moreWindows.get(slot) ?? []));
    const shift = this.shift[slot];
    return {
      timeZone: this.zones.text(this.zone[slot]) ?? 'UTC',
      shiftPattern: shift === 0 ? null : SHIFTS[shift - 1],
      availability,
    };
  }

  /** The whole card of a slot, as a plain object (for the few candidates scored in full). */
  card(slot: number, userId: string): MentorCard {
    const specialtyIds: number[] = [];
    for (let i = slot * SPECIALTIES, end = i + SPECIALTIES; i < end; i += 1) {
      if (this.specialties[i] === 0) break;
      specialtyIds.push(this.specialties[i]);
    }
    const languages: string[] = [];
    for (let i = slot * LANGUAGES, end = i + LANGUAGES; i < end; i += 1) {
      const language = this.languageCodes.text(this.languages[i]);
      if (language === null) break;
      languages.push(language);
    }
    return {
      userId,
      track: TRACKS[this.track[slot]],
      careerStage: CAREER_STAGES[this.stage[slot]],
      specialtyIds,
      languages,
      meetingFormats: listOf(FORMATS, this.formats[slot]),
      country: this.countries.text(this.country[slot]),
      region: this.regions.text(this.region[slot]),
      ...this.week(slot),
      offers: listOf(GROWTH_AREAS, this.offers[slot]),
      capacity: this.capacity[slot],
      activeMenteeCount: this.active[slot],
      accepting: this.flags[slot] === 1,
    };
  }

  /** Room for `capacity` slots, keeping what is held. */
  grow(capacity: number): void {
    const wider = <A extends Uint8Array | Uint16Array | Uint32Array | Int16Array>(
      array: A,
      make: (length: number) => A,
      perSlot = 1,
    ): A => {
      const next = make(capacity * perSlot);
      next.set(array);
      return next;
    };
    this.stamp = wider(this.stamp, (n) => new Uint32Array(n));
    this.track = wider(this.track, (n) => new Uint8Array(n));
    this.stage = wider(this.stage, (n) => new Uint8Array(n));
    this.offers = wider(this.offers, (n) => new Uint32Array(n));
    this.specialties = wider(this.specialties, (n) => new Int16Array(n), SPECIALTIES);
    this.formats = wider(this.formats, (n) => new Uint8Array(n));
    this.shift = wider(this.shift, (n) => new Uint8Array(n));
    this.flags = wider(this.flags, (n) => new Uint8Array(n));
    this.country = wider(this.country, (n) => new Uint16Array(n));
    this.region = wider(this.region, (n) => new Uint16Array(n));
    this.zone = wider(this.zone, (n) => new Uint16Array(n));
    this.capacity = wider(this.capacity, (n) => new Uint16Array(n));
    this.active = wider(this.active, (n) => new Uint16Array(n));
    this.languages = wider(this.languages, (n) => new Uint16Array(n), LANGUAGES);
    this.windows = wider(this.windows, (n) => new Uint16Array(n), INLINE_WINDOWS * 2);
    this.windowCount = wider(this.windowCount, (n) => new Uint8Array(n));
  }
}

export const MENTOR_CARD_SPECIALTIES = SPECIALTIES;
