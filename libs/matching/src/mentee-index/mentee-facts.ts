/**
 * What a mentor's suggestions need to know of every mentee before reading any row, kept per slot
 * in typed arrays: career stage, track, chosen and target specialties, ranked goals, languages
 * and meeting formats. From these a scan applies the hard rules and bounds each mentee's score
 * (`retrieval/top-mentees.ts`); only the mentees that can still reach the page are read in full.
 * About 60 bytes a mentee. Pure data structure: no database, no framework.
 */
import {
  CAREER_STAGES,
  Codes,
  FORMATS,
  GROWTH_AREAS,
  listOf,
  maskOf,
  MAX_PROFILE_SPECIALTIES,
  SlotIds,
  TRACKS,
  plainArrayElements,
  plainArrayNumbers,
} from '@preceptor/profiles';
import type { CareerStage, GrowthArea, Track } from '@preceptor/taxonomy/reference';

/** The columns a mentee's facts are read from (arrays in PostgreSQL's text form). */
export const MENTEE_FACTS_SELECT = `SELECT user_id, is_mentee, track::text AS track,
  career_stage::text AS career_stage, specialty_ids::text AS specialty_ids,
  mentee_target_specialty_id, mentee_goals::text AS goals, languages::text AS languages,
  meeting_formats::text AS formats
  FROM profiles`;

export interface MenteeFactsRow {
  user_id: string;
  is_mentee: boolean;
  track: string;
  career_stage: string;
  specialty_ids: string;
  mentee_target_specialty_id: number | null;
  goals: string;
  languages: string;
  formats: string;
}

/** Chosen specialties kept per mentee: 0 after the last. */
export const MENTEE_SPECIALTIES = MAX_PROFILE_SPECIALTIES;
/** Languages kept per mentee (a profile lists at most 10). */
export const MENTEE_LANGUAGES = 10;
/** Meeting formats as bits over FORMATS (`maskOf`); 0, none listed, meets either way. */
export const ANY_FORMAT = (1 << FORMATS.length) - 1;
/** Goals are packed 4 bits each, top goal lowest, as index into GROWTH_AREAS plus one. */
export const GOAL_BITS = 4;

const FIRST_CAPACITY = 1024;
/** Every stage and track: what a mentor's scan bounds mentees by first. */
export const STANDINGS = CAREER_STAGES.length * TRACKS.length;

/** A mentee's facts as plain values: what a row says, and what `valuesOf` gives back. */
export interface MenteeFactValues {
  readonly userId: string;
  readonly careerStage: CareerStage;
  readonly track: Track;
  readonly specialtyIds: readonly number[];
  readonly targetSpecialtyId: number | null;
  readonly goals: readonly GrowthArea[];
  readonly languages: readonly string[];
  readonly meetingFormats: readonly string[];
}

/** The ranked goals packed in one number (see GOAL_BITS); the same goals, the same number. */
export function packGoals(goals: readonly GrowthArea[]): number {
  let packed = 0;
  const seen = new Set<GrowthArea>();
  let at = 0;
  for (const goal of goals) {
    if (seen.has(goal)) continue;
    seen.add(goal);
    packed += (GROWTH_AREAS.indexOf(goal) + 1) * 2 ** (GOAL_BITS * at);
    at += 1;
  }
  return packed;
}

export function unpackGoals(packed: number): GrowthArea[] {
  const goals: GrowthArea[] = [];
  for (let rest = packed; rest > 0; rest = Math.floor(rest / 2 ** GOAL_BITS)) {
    goals.push(GROWTH_AREAS[(rest % 2 ** GOAL_BITS) - 1]);
  }
  return goals;
}

export class MenteeFacts {
  readonly ids: SlotIds;
  /** Indexes into CAREER_STAGES and TRACKS. */
  stage: Uint8Array;
  track: Uint8Array;
  /** MENTEE_SPECIALTIES per slot. */
  specialties: Uint16Array;
  /** The target specialty, 0 for none. */
  target: Uint16Array;
  /** Ranked goals, packed (`packGoals`). */
  goals: Uint32Array;
  /** MENTEE_LANGUAGES per slot: codes from `languageCode`, 0 after the last. */
  languages: Uint16Array;
  /** Bits over FORMATS. */
  formats: Uint8Array;
  /** Every slot below this has been used. */
  slotCount = 0;
  count = 0;
  private capacity = FIRST_CAPACITY;
  /**
   * The live slots of each standing (`standingOf`), in no order, and where each slot sits in its
   * list: which slots hold a mentee is read from here.
   */
  private readonly members: Int32Array[] = Array.from(
    { length: STANDINGS },
    () => new Int32Array(16),
  );
  private readonly memberCount = new Int32Array(STANDINGS);
  private position: Int32Array;
  private readonly free: number[] = [];
  /** Lowercase language codes. */
  private readonly languageCodes = new Codes();

  constructor() {
    this.ids = new SlotIds(FIRST_CAPACITY);
    this.stage = new Uint8Array(FIRST_CAPACITY);
    this.track = new Uint8Array(FIRST_CAPACITY);
    this.specialties = new Uint16Array(FIRST_CAPACITY * MENTEE_SPECIALTIES);
    this.target = new Uint16Array(FIRST_CAPACITY);
    this.goals = new Uint32Array(FIRST_CAPACITY);
    this.languages = new Uint16Array(FIRST_CAPACITY * MENTEE_LANGUAGES);
    this.formats = new Uint8Array(FIRST_CAPACITY);
    this.position = new Int32Array(FIRST_CAPACITY);
  }

  get bytes(): number {
    return (
      this.ids.bytes +
      this.members.reduce((sum, list) => sum + list.byteLength, 0) +
      this.position.byteLength +
      this.stage.byteLength +
      this.track.byteLength +
      this.specialties.byteLength +
      this.target.byteLength +
      this.goals.byteLength +
      this.languages.byteLength +
      this.formats.byteLength
    );
  }

  /** The code of a language (lowercase ISO 639-1) as stored; 0 when no mentee speaks it. */
  languageCode(language: string): number {
    return this.languageCodes.find(language.toLowerCase());
  }

  slotOf(userId: string): number {
    return this.ids.find(userId);
  }

  userIdOf(slot: number): string {
    return this.ids.idOf(slot);
  }

  /** A slot's stage index × TRACKS.length + its track index. */
  standingOf(slot: number): number {
    return this.stage[slot] * TRACKS.length + this.track[slot];
  }

  /** Whether the slot holds a mentee (it is listed under its standing). */
  isLive(slot: number): boolean {
    if (slot >= this.slotCount) return false;
    const standing = this.standingOf(slot);
    const at = this.position[slot];
    return at < this.memberCount[standing] && this.members[standing][at] === slot;
  }

  /** The live slots of a standing, in no order (a view: read it before the next change). */
  membersOf(standing: number): Int32Array {
    return this.members[standing].subarray(0, this.memberCount[standing]);
  }

  /** Adds or replaces the mentee's facts. */
  upsert(mentee: MenteeFactValues): void {
    let slot = this.ids.find(mentee.userId);
    if (slot < 0) {
      slot = this.free.pop() ?? this.nextSlot();
      this.ids.assign(slot, mentee.userId);
      this.count += 1;
    } else {
      this.leave(slot);
    }
    this.stage[slot] = CAREER_STAGES.indexOf(mentee.careerStage);
    this.track[slot] = TRACKS.indexOf(mentee.track);
    this.join(slot);
    const at = slot * MENTEE_SPECIALTIES;
    this.specialties.fill(0, at, at + MENTEE_SPECIALTIES);
    this.specialties.set(mentee.specialtyIds.slice(0, MENTEE_SPECIALTIES), at);
    this.target[slot] = mentee.targetSpecialtyId ?? 0;
    this.goals[slot] = packGoals(mentee.goals);
    const languages = mentee.languages
      .slice(0, MENTEE_LANGUAGES)
      .map((language) => this.languageCodes.code(language.toLowerCase()));
    const from = slot * MENTEE_LANGUAGES;
    this.languages.fill(0, from, from + MENTEE_LANGUAGES);
    this.languages.set(languages, from);
    this.formats[slot] = maskOf(FORMATS, mentee.meetingFormats);
  }

  remove(userId: string): void {
    const slot = this.ids.find(userId);
    if (slot < 0) return;
    this.leave(slot);
    this.ids.release(slot);
    this.free.push(slot);
    this.count -= 1;
  }

  /** The facts of a slot as plain values. */
  valuesOf(slot: number): MenteeFactValues {
    const at = slot * MENTEE_SPECIALTIES;
    const from = slot * MENTEE_LANGUAGES;
    return {
      userId: this.userIdOf(slot),
      careerStage: CAREER_STAGES[this.stage[slot]],
      track: TRACKS[this.track[slot]],
      specialtyIds: [...this.specialties.subarray(at, at + MENTEE_SPECIALTIES)].filter(
        (id) => id !== 0,
      ),
      targetSpecialtyId: this.target[slot] === 0 ? null : this.target[slot],
      goals: unpackGoals(this.goals[slot]),
      languages: [...this.languages.subarray(from, from + MENTEE_LANGUAGES)]
        .filter((code) => code !== 0)
        .map((code) => this.languageCodes.text(code)!),
      meetingFormats: listOf(FORMATS, this.formats[slot]),
    };
  }

  private join(slot: number): void {
    const standing = this.standingOf(slot);
    let list = this.members[standing];
    const count = this.memberCount[standing];
    if (count === list.length) {
      list = widen(list, list.length * 2);
      this.members[standing] = list;
    }
    list[count] = slot;
    this.position[slot] = count;
    this.memberCount[standing] = count + 1;
  }

  /** Takes the slot out of its standing's list, the last member taking its place. */
  private leave(slot: number): void {
    const standing = this.standingOf(slot);
    const list = this.members[standing];
    const last = this.memberCount[standing] - 1;
    const at = this.position[slot];
    list[at] = list[last];
    this.position[list[at]] = at;
    this.memberCount[standing] = last;
  }

  private nextSlot(): number {
    if (this.slotCount === this.capacity) this.grow(this.capacity * 2);
    const slot = this.slotCount;
    this.slotCount += 1;
    return slot;
  }

  private grow(capacity: number): void {
    const live = this.members.flatMap((_, standing) => [...this.membersOf(standing)]);
    this.ids.grow(capacity, live);
    this.stage = widen(this.stage, capacity);
    this.track = widen(this.track, capacity);
    this.specialties = widen(this.specialties, capacity * MENTEE_SPECIALTIES);
    this.target = widen(this.target, capacity);
    this.goals = widen(this.goals, capacity);
    this.languages = widen(this.languages, capacity * MENTEE_LANGUAGES);
    this.formats = widen(this.formats, capacity);
    this.position = widen(this.position, capacity);
    this.capacity = capacity;
  }
}

function widen<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array>(
  array: T,
  length: number,
): T {
  const wider = new (array.constructor as new (length: number) => T)(length);
  wider.set(array);
  return wider;
}

/** A row as the facts it holds. */
export function menteeFactsOf(row: MenteeFactsRow): MenteeFactValues {
  return {
    userId: row.user_id,
    careerStage: row.career_stage as CareerStage,
    track: row.track as Track,
    specialtyIds: plainArrayNumbers(row.specialty_ids),
    targetSpecialtyId: row.mentee_target_specialty_id,
    goals: plainArrayElements(row.goals) as GrowthArea[],
    languages: plainArrayElements(row.languages),
    meetingFormats: plainArrayElements(row.formats),
  };
}
